import type { Command } from 'commander';
import { addDays } from '../core/dates.js';
import { MAX_NUDGES, NUDGE_INTERVAL_DAYS } from '../core/due.js';
import { UsageError } from '../core/errors.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { dateOption } from '../cli/inputs.js';
import { safeLine } from '../render/text.js';

type ItemKind = 'p' | 'i' | 'l' | 'c';

function parseItem(text: string): { kind: ItemKind; id: number } {
  const m = /^([pilc])(\d{1,15})$/i.exec(text.trim());
  if (!m) throw new UsageError(`"${text}" is not an item id. Use the id net due prints, like p3, i12, l5 or c7.`);
  return { kind: (m[1] ?? '').toLowerCase() as ItemKind, id: Number(m[2]) };
}

export function registerDone(program: Command, ctx: Context): void {
  program
    .command('done')
    .argument('<item-id>', 'the id net due printed (p3, i12, l5, c7)')
    .argument('[note]', 'a short note: the outcome of a lead, what a check-in was about')
    .summary('resolve a due item')
    .description(
      'p<id>: keep your promise, or record that you nudged them about theirs.\n' +
        'i<id>: the thank-you is sent.  l<id>: an open lead is followed; a followed lead is reported back.\n' +
        'c<id>: log a short check-in with them.',
    )
    .addHelpText('after', examples(['net done p3', 'net done l5 "interview booked"', 'net done c7 "sent a congrats note"']))
    .action((itemText: string, note: string | undefined) => {
      const { kind, id } = parseItem(itemText);
      const j = ctx.journal();
      const today = ctx.today;
      const out = (done: string, next = 'Next: net due') => {
        ctx.io.out(done);
        ctx.io.out(next);
      };
      if (kind === 'p') {
        const p = j.promises.get(id);
        if (!p) throw new UsageError(`There is no promise p${id}. See what is due with: net due`);
        if (p.status !== 'open') throw new UsageError(`Promise p${id} is already ${p.status}.`);
        const name = safeLine(p.contact.name);
        if (p.direction === 'mine') {
          j.write(() => j.promises.close(id, 'kept', today));
          return out(`Kept your promise p${id} to ${name}: ${safeLine(p.what)}.`);
        }
        j.write(() => j.promises.recordNudge(id, today));
        const nudges = p.nudges + 1;
        return out(
          `Recorded nudge ${nudges} to ${name} about: ${safeLine(p.what)}.`,
          nudges >= MAX_NUDGES
            ? `That is ${nudges} nudges: net will not suggest more. When it happens: net promise kept p${id}`
            : `If nothing comes, the next nudge is due ${addDays(today, NUDGE_INTERVAL_DAYS)}. When it happens: net promise kept p${id}`,
        );
      }
      if (kind === 'i') {
        const i = j.interactions.get(id);
        if (!i) throw new UsageError(`There is no interaction i${id}. See what is due with: net due`);
        if (!i.thanksOwed || i.thankedOn !== null) throw new UsageError(`No thank-you is owed for i${id}.`);
        j.write(() => j.interactions.markThanked([id], today));
        return out(`Thank-you for i${id} sent to ${i.contacts.map((c) => safeLine(c.name)).join(', ')}.`);
      }
      if (kind === 'l') {
        const l = j.leads.get(id);
        if (!l) throw new UsageError(`There is no lead l${id}. See what is due with: net due`);
        const source = safeLine(l.source.name);
        if (l.status === 'open') {
          j.write(() => j.leads.setStatus(id, 'followed', today, note ?? null));
          return out(`Lead l${id} from ${source} is now followed.`, `Next: tell ${source} how it went, then net done l${id}`);
        }
        if (l.status === 'followed') {
          j.write(() => j.leads.setStatus(id, 'reported', today, note ?? null));
          return out(`Reported back to ${source} on lead l${id}: ${safeLine(l.what)}.`);
        }
        throw new UsageError(`Lead l${id} is already ${l.status}.`);
      }
      const c = j.contacts.ref(id);
      if (!c) throw new UsageError(`There is no contact c${id}. See what is due with: net due`);
      const iid = j.write(() => {
        const iid = j.interactions.insert({ contactIds: [id], on: today, kind: 'other', summary: note ?? 'check-in', thanksOwed: false });
        j.leads.followByPeople([id], today);
        return iid;
      });
      return out(`Logged a check-in with ${safeLine(c.name)} (i${iid}).`);
    });

  program
    .command('snooze')
    .argument('<item-id>', 'the id net due printed (p3, i12, l5, c7)')
    .argument('<date>', 'when to bring it back (monday, 2w, 2026-12-01)')
    .summary('postpone a due item')
    .addHelpText('after', examples(['net snooze c7 2w', 'net snooze p3 "next monday"', 'net snooze l5 2026-12-01']))
    .action(async (itemText: string, dateText: string) => {
      const { kind, id } = parseItem(itemText);
      const until = await dateOption(dateText, 'The snooze date', ctx.today, 'future');
      if (until <= ctx.today) throw new UsageError(`Snooze to a day after today (${ctx.today}), for example: net snooze ${itemText} 1w`);
      const j = ctx.journal();
      // Only something that can fall due can be postponed.
      const problem = (() => {
        if (kind === 'p') {
          const p = j.promises.get(id);
          return !p ? 'missing' : p.status !== 'open' ? `is already ${p.status}` : null;
        }
        if (kind === 'i') {
          const i = j.interactions.get(id);
          return !i ? 'missing' : !i.thanksOwed || i.thankedOn !== null ? 'owes no thank-you' : null;
        }
        if (kind === 'l') {
          const l = j.leads.get(id);
          return !l ? 'missing' : l.status === 'reported' || l.status === 'dropped' ? `is already ${l.status}` : null;
        }
        const c = j.contacts.get(id);
        return !c ? 'missing' : c.cadenceDays === null ? 'has no keep-in-touch cadence (set one with net edit --every)' : null;
      })();
      if (problem === 'missing') throw new UsageError(`There is no item ${kind}${id}. See what is due with: net due`);
      if (problem !== null) throw new UsageError(`${kind}${id} ${problem}; there is nothing to snooze.`);
      j.write(() => {
        if (kind === 'p') j.promises.snooze(id, until);
        else if (kind === 'i') j.interactions.snooze(id, until);
        else if (kind === 'l') j.leads.snooze(id, until);
        else j.contacts.update(id, { snoozedUntil: until });
      });
      ctx.io.out(`Snoozed ${kind}${id} until ${until}.`);
      ctx.io.out('Next: net due (net due --all shows snoozed items)');
    });
}
