import type { Command } from 'commander';
import { addDays } from '../core/dates.js';
import { isPanel, MAX_NUDGES, NUDGE_INTERVAL_DAYS } from '../core/due.js';
import { UsageError } from '../core/errors.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { dateOption } from '../cli/inputs.js';
import { safeLine } from '../render/text.js';

type ItemKind = 'p' | 'i' | 'l' | 'c';

/** An item id as `net due` prints it; `i12c3` is the thank-you to contact 3 of panel interview i12. */
function parseItem(text: string): { kind: ItemKind; id: number; person: number | null } {
  const m = /^([pilc])(\d{1,15})(?:c(\d{1,15}))?$/i.exec(text.trim());
  const kind = (m?.[1] ?? '').toLowerCase() as ItemKind;
  if (!m || (m[3] !== undefined && kind !== 'i')) {
    throw new UsageError(`"${text}" is not an item id. Use the id net due prints, like p3, i12, l5 or c7.`);
  }
  return { kind, id: Number(m[2]), person: m[3] === undefined ? null : Number(m[3]) };
}

export function registerDone(program: Command, ctx: Context): void {
  program
    .command('done')
    .argument('<item-id>', 'the id net due printed (p3, i12, l5, c7)')
    .argument('[note]', 'a short note kept on the record it closes (net show and --json show it as note)')
    .summary('resolve a due item')
    .description(
      'p<id>: keep your promise, record that you nudged them about theirs, or that you thanked them for keeping it.\n' +
        'i<id>: the thank-you is sent.  l<id>: an open lead is followed; a followed lead is reported back.\n' +
        'c<id>: log a short check-in with them.',
    )
    .addHelpText('after', examples(['net done p3', 'net done i2 "never met, only an intro"', 'net done l5 "interview booked"', 'net done c7 "sent a congrats note"']))
    .action((itemText: string, note: string | undefined) => {
      const { kind, id, person } = parseItem(itemText);
      const j = ctx.journal();
      const today = ctx.today;
      const out = (done: string, next = 'Next: net due') => {
        ctx.io.out(done);
        ctx.io.out(next);
      };
      if (kind === 'p') {
        const p = j.promises.get(id);
        if (!p) throw new UsageError(`There is no promise p${id}. See what is due with: net due`);
        const name = safeLine(p.contact.name);
        if (p.status === 'kept' && p.thanksOwed && !p.thankedOn) {
          j.write(() => {
            j.promises.markThanked([id], today);
            j.promises.setNote(id, note ?? null);
          });
          return out(`Thank-you for keeping their promise p${id} sent to ${name}.`);
        }
        if (p.status !== 'open') throw new UsageError(`Promise p${id} is already ${p.status}.`);
        if (p.direction === 'mine') {
          j.write(() => j.promises.close(id, 'kept', today, note ?? null));
          return out(`Kept your promise p${id} to ${name}: ${safeLine(p.what)}.`);
        }
        j.write(() => {
          j.promises.recordNudge(id, today);
          j.promises.setNote(id, note ?? null);
        });
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
        const thanked = new Set((i.thankedPeople ?? []).map((t) => t.id));
        // A panel's interviewers one by one (i12c3), or everyone left at once (i12).
        const people = person === null ? i.contacts.filter((c) => !thanked.has(c.id)) : i.contacts.filter((c) => c.id === person);
        if (person !== null && (people.length === 0 || !isPanel(i) || thanked.has(person))) {
          throw new UsageError(`No thank-you is owed to contact ${person} for i${id}. See what is due with: net due`);
        }
        j.write(() => {
          if (isPanel(i)) for (const c of people) j.interactions.thank(c.id, [id], today);
          else j.interactions.markThanked([id], today);
          j.interactions.setNote(id, note);
        });
        return out(`Thank-you for i${id} sent to ${people.map((c) => safeLine(c.name)).join(', ')}.`);
      }
      if (kind === 'l') {
        const l = j.leads.get(id);
        if (!l) throw new UsageError(`There is no lead l${id}. See what is due with: net due`);
        const source = safeLine(l.source.name);
        if (l.status === 'open') {
          j.write(() => {
            j.leads.setStatus(id, 'followed', today, note ?? null);
            j.leads.setNote(id, note);
          });
          return out(`Lead l${id} from ${source} is now followed.`, `Next: tell ${source} how it went, then net done l${id}`);
        }
        if (l.status === 'followed') {
          j.write(() => {
            j.leads.setStatus(id, 'reported', today, note ?? null);
            j.leads.setNote(id, note);
          });
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
          const thanksOwed = p?.status === 'kept' && p.thanksOwed && !p.thankedOn;
          return !p ? 'missing' : p.status !== 'open' && !thanksOwed ? `is already ${p.status}` : null;
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
      ctx.io.out('Next: net due --all (it shows snoozed items too)');
    });
}
