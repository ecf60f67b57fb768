import type { Command } from 'commander';
import { addDays } from '../core/dates.js';
import { isPanel, MAX_NUDGES, NUDGE_INTERVAL_DAYS } from '../core/due.js';
import { JOB_ASK_DAYS, jobsOwed, reportedTo } from '../core/jobs.js';
import { UsageError } from '../core/errors.js';
import type { ContactRef, IsoDate } from '../core/types.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { dateOption, dueItemArg, type ItemKind } from '../cli/inputs.js';
import { safeLine } from '../render/text.js';

export function registerDone(program: Command, ctx: Context): void {
  program
    .command('done')
    .argument('<item-id>', 'the id net due printed (p3, i12, l5, c7, j4)')
    .argument('[note]', 'a short note kept on the record it closes (net show and --json show it as note)')
    .summary('resolve a due item')
    .description(
      'p<id>: keep your promise, record that you nudged them about theirs, or that you thanked them for keeping it.\n' +
        'i<id>: the thank-you is sent.  l<id>: an open lead is followed; a followed lead is reported back.\n' +
        'c<id>: log a short check-in with them.  j<id>: you asked about the application (the next ask is due 10 days on).\n' +
        'j<id>c<id>: you told them how the application went, or that you landed.',
    )
    .addHelpText(
      'after',
      examples(['net done p3', 'net done i2 "never met, only an intro"', 'net done l5 "interview booked"', 'net done c7 "sent a congrats note"', 'net done j4 "the recruiter says next week"']),
    )
    .action((itemText: string, note: string | undefined) => {
      const { kind, id, person } = dueItemArg(itemText);
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
        // A meeting ahead has not happened: its thank-you is owed from its day (as net thank holds it).
        if (i.on > today) throw new UsageError(`i${id} is a meeting planned for ${i.on}: no thank-you is owed before it happens. After you meet: net done i${id}${person === null ? '' : `c${person}`}`);
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
      if (kind === 'j') return doneJob(ctx, id, person, note, out);
      const c = j.contacts.ref(id);
      if (!c) throw new UsageError(`There is no contact c${id}. See what is due with: net due`);
      const iid = j.write(() => {
        // The note is the check-in's note, kept as on every record net done closes; its summary says what it was.
        const iid = j.interactions.insert({ contactIds: [id], on: today, kind: 'other', summary: 'check-in', thanksOwed: false });
        j.interactions.setNote(iid, note);
        j.leads.followedBy(iid);
        return iid;
      });
      return out(`Logged a check-in with ${safeLine(c.name)} (i${iid}).`);
    });

  program
    .command('snooze')
    .argument('<item-id>', 'the id net due printed (p3, i12, l5, c7, j4)')
    .argument('<date>', 'when to bring it back (monday, 2w, 2026-12-01)')
    .summary('postpone a due item')
    .description(
      'Holds an item back from net due until that day (net due --all still shows it). i<id>c<id> and j<id>c<id>:\n' +
        "that one person's item alone; the plain i<id> or j<id>: everything it owes, to everyone.",
    )
    .addHelpText('after', examples(['net snooze c7 2w', 'net snooze p3 "next monday"', 'net snooze l5 2026-12-01', 'net snooze i12c3 3d']))
    .action(async (itemText: string, dateText: string) => {
      const { kind, id, person } = dueItemArg(itemText);
      const until = await dateOption(dateText, 'The snooze date', ctx.today, 'future');
      if (until <= ctx.today) throw new UsageError(`Snooze to a day after today (${ctx.today}), for example: net snooze ${itemText} 1w`);
      const j = ctx.journal();
      if (person !== null) return snoozePerson(ctx, kind, id, person, until);
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
        if (kind === 'j') {
          const job = j.jobs.get(id);
          const owing = job && jobsOwed([job]).some((o) => o.id === `j${id}` || o.id.startsWith(`j${id}c`));
          return !job ? 'missing' : !owing ? `owes nothing (it is ${job.stage})` : null;
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
        else if (kind === 'j') j.jobs.snooze(id, until);
        else j.contacts.update(id, { snoozedUntil: until });
      });
      ctx.io.out(`Snoozed ${kind}${id} until ${until}.`);
      ctx.io.out('Next: net due --all (it shows snoozed items too)');
    });
}

/**
 * `net snooze i12c3` / `j4c7`: one person's item of a panel interview or an application,
 * theirs alone; an id naming someone who is owed nothing on it says who is.
 */
function snoozePerson(ctx: Context, kind: ItemKind, id: number, person: number, until: IsoDate): void {
  const j = ctx.journal();
  const label = `${kind}${id}c${person}`;
  if (kind === 'i') {
    const i = j.interactions.get(id);
    if (!i) throw new UsageError(`There is no item i${id}. See what is due with: net due`);
    if (!i.thanksOwed || i.thankedOn !== null) throw new UsageError(`i${id} owes no thank-you; there is nothing to snooze.`);
    if (!isPanel(i)) throw new UsageError(`i${id} owes one thank-you, not one per person (it is no interview with several people). Snooze it with: net snooze i${id} <date>`);
    const thanked = new Set((i.thankedPeople ?? []).map((t) => t.id));
    const owed = i.contacts.filter((c) => !thanked.has(c.id));
    const who = i.contacts.find((c) => c.id === person);
    if (!who) throw new UsageError(`Contact ${person} was not at i${id}: it was with ${onIt(i.contacts, `i${id}`)}.`);
    if (thanked.has(person)) throw new UsageError(`The thank-you to ${safeLine(who.name)} for i${id} is already sent; there is nothing to snooze. Still owed: ${onIt(owed, `i${id}`)}.`);
    j.write(() => j.interactions.snoozePerson(id, person, until));
  } else if (kind === 'j') {
    const job = j.jobs.get(id);
    if (!job) throw new UsageError(`There is no item j${id}. See what is due with: net due`);
    const owed = jobsOwed([job]).filter((o) => o.id.startsWith(`j${id}c`) && o.contact !== null);
    if (owed.length === 0) throw new UsageError(`j${id} owes nobody anything of their own (it is ${job.stage}); there is nothing to snooze.`);
    if (!owed.some((o) => o.id === label)) {
      throw new UsageError(`Application j${id} owes contact ${person} nothing: it owes ${onIt(owed.flatMap((o) => (o.contact ? [o.contact] : [])), `j${id}`)}.`);
    }
    j.write(() => j.jobs.snoozePerson(id, person, until));
  } else {
    throw new Error(`${label} is not a per-person item`);
  }
  ctx.io.out(`Snoozed ${label} until ${until}.`);
  ctx.io.out('Next: net due --all (it shows snoozed items too)');
}

/** The people on an item, each with their own id: "Ann Lee (i12c3), Bob Ortiz (i12c4)". */
function onIt(people: readonly ContactRef[], item: string): string {
  return people.map((c) => `${safeLine(c.name)} (${item}c${c.id})`).join(', ');
}

/** `net done j4`: you asked about the application; `net done j4c7`: you told contact 7 how it went. */
function doneJob(ctx: Context, id: number, person: number | null, note: string | undefined, out: (done: string, next?: string) => void): void {
  const j = ctx.journal();
  const job = j.jobs.get(id);
  if (!job) throw new UsageError(`There is no application j${id}. See them with: net jobs --all`);
  const what = `${safeLine(job.title)} at ${safeLine(job.company)}`;
  if (person === null) {
    if (!['applied', 'screen', 'interview'].includes(job.stage)) {
      throw new UsageError(`Application j${id} is ${job.stage}; there is nothing to ask about. Move it along with: net job j${id} <stage>`);
    }
    j.write(() => {
      j.jobs.asked(id, ctx.today);
      j.jobs.setNote(id, note);
    });
    return out(`Asked about your application j${id}: ${what}. If nothing changes, ask again from ${addDays(ctx.today, JOB_ASK_DAYS)}.`);
  }
  const helper = job.landedOn !== null ? job.people.find((p) => p.contact.id === person && p.helped !== null) : undefined;
  const told = helper?.contact ?? (job.landedOn === null && ['offer', 'rejected'].includes(job.stage) ? reportedTo(job).find((c) => c.id === person) : undefined);
  if (!told) throw new UsageError(`Application j${id} owes contact ${person} nothing. See what is due with: net due`);
  j.write(() => {
    j.jobs.told(id, person, ctx.today);
    j.jobs.setNote(id, note);
  });
  return out(helper ? `Told ${safeLine(told.name)} you landed at ${safeLine(job.company)} (j${id}).` : `Told ${safeLine(told.name)} how your application j${id} went: ${what}.`);
}
