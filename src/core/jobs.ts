// The job search's due rules (kind `job` and `landed`) and the pure parts of applications:
// how long one has been in its stage, and how companies are told apart. Pure: records and
// today in, items out; `dueItems` (core/due.ts) gives each item its state.
import { addDays, daysBetween } from './dates.js';
import { matchKey } from './names.js';
import type { ContactRef, IsoDate, Job, JobStage } from './types.js';

/** An application with no change for this many days: ask about it. */
export const JOB_ASK_DAYS = 10;

/** Stages in which you are waiting on them, so asking about it makes sense. */
const ASKING: readonly JobStage[] = ['applied', 'screen', 'interview'];
/** Moves that owe the referrer and the lead's giver a report-back. */
const REPORTED: readonly JobStage[] = ['offer', 'rejected'];

/** What the rules read of an application; `talked`: each helper's latest conversation since it was landed. */
export type DueJob = Pick<Job, 'id' | 'title' | 'company' | 'via' | 'lead' | 'stage' | 'stageOn' | 'askedOn' | 'landedOn' | 'snoozedUntil' | 'people'> & {
  recordedOn?: IsoDate;
  talked?: Readonly<Record<string, IsoDate>>;
};

/** An item owed for an application, before `dueItems` gives it its state. */
export interface JobOwed {
  id: string;
  kind: 'job' | 'landed';
  contact: ContactRef | null;
  title: string;
  /** As `DueItem.brief`: for the terminal's table, where the contact has a column of its own. */
  brief: string;
  since: IsoDate;
  due: IsoDate;
  snoozedUntil: IsoDate | null;
  recordedOn: IsoDate | null;
}

/** Whole days an application has been in its stage on `today` (0 on the day it moved). */
export function daysInStage(j: Pick<Job, 'stageOn'>, today: IsoDate): number {
  return Math.max(0, daysBetween(j.stageOn, today));
}

/** Who is owed a report-back when it moves to an offer or a rejection: the referrer, then the lead's giver. */
export function reportedTo(j: Pick<Job, 'via' | 'lead'>): ContactRef[] {
  const people = [j.via, j.lead?.source].filter((c): c is ContactRef => c !== null && c !== undefined);
  return people.filter((c, i) => people.findIndex((o) => o.id === c.id) === i);
}

/**
 * Everything the applications owe, due or not yet (`dueItems` leaves out what is not due):
 * - `j<id>` (kind `job`): applied, in a screen or an interview, and no change (a move, or
 *   asking about it) for 10 days: ask about it, to the referrer when there is one;
 * - `j<id>c<contact id>` (kind `job`): moved to `offer` or `rejected`, the referrer and the
 *   lead's giver are owed a report-back from that day, until told (`net done`);
 * - `j<id>c<contact id>` (kind `landed`): after `net landed`, each helper is owed the news
 *   and a thank-you, until told or until any conversation with them since that day. The
 *   landed item covers the report-back of the application landed with.
 */
export function jobsOwed(jobs: readonly DueJob[]): JobOwed[] {
  const owed: JobOwed[] = [];
  for (const j of jobs) {
    const base = { snoozedUntil: j.snoozedUntil, recordedOn: j.recordedOn ?? null };
    const toldOn = (id: number) => j.people.find((p) => p.contact.id === id)?.toldOn ?? null;
    // What one person is owed may be snoozed on its own (`net snooze j<id>c<contact id>`).
    const person = (id: number) => ({ ...base, snoozedUntil: j.people.find((p) => p.contact.id === id)?.snoozedUntil ?? j.snoozedUntil });
    const what = `${j.title} at ${j.company}`;
    if (j.landedOn !== null) {
      for (const p of j.people) {
        if (p.helped === null) continue;
        const told = toldOn(p.contact.id);
        if ((told !== null && told >= j.landedOn) || j.talked?.[String(p.contact.id)] !== undefined) continue;
        const title = `Tell ${p.contact.name} you landed at ${j.company} and thank them`;
        const brief = `Tell them you landed at ${j.company} and thank them`;
        owed.push({ id: `j${j.id}c${p.contact.id}`, kind: 'landed', contact: p.contact, title, brief, since: j.landedOn, due: j.landedOn, ...person(p.contact.id) });
      }
      continue;
    }
    if (ASKING.includes(j.stage)) {
      const since = j.askedOn !== null && j.askedOn > j.stageOn ? j.askedOn : j.stageOn;
      const brief = `Ask about your application: ${what}`;
      const title = j.via ? `Ask ${j.via.name} about your application: ${what}` : brief;
      owed.push({ id: `j${j.id}`, kind: 'job', contact: j.via, title, brief, since, due: addDays(since, JOB_ASK_DAYS), ...base });
    }
    if (REPORTED.includes(j.stage)) {
      for (const c of reportedTo(j)) {
        const told = toldOn(c.id);
        if (told !== null && told >= j.stageOn) continue;
        const say = (whom: string) => (j.stage === 'offer' ? `Tell ${whom} about the offer: ${what}` : `Tell ${whom} how your application went: ${what} (rejected)`);
        owed.push({ id: `j${j.id}c${c.id}`, kind: 'job', contact: c, title: say(c.name), brief: say('them'), since: j.stageOn, due: j.stageOn, ...person(c.id) });
      }
    }
  }
  return owed;
}

/** Words that only say what kind of company it is: "Hooli Inc." and "hooli" are one company. */
const SUFFIXES = new Set([
  'inc', 'incorporated', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'gmbh', 'ag', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'ab', 'as', 'oy',
  'kg', 'pty', 'pte', 'corp', 'corporation', 'co', 'company', 'kk', 'se',
]);

/**
 * The key a company is compared by: case, accents and punctuation aside, without legal
 * suffixes (Inc, Ltd, GmbH, …) at the end. Empty for a name made only of those.
 */
export function companyKey(name: string): string {
  const words = matchKey(name)
    // \u2019 is the typographic apostrophe, escaped so that the bundle stays ASCII (scripts/build.mjs).
    .replace(/[.,()&'\u2019"]/g, (c) => (c === '&' ? ' and ' : ' '))
    .split(/\s+/)
    .filter((w) => w !== '');
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1] ?? '')) words.pop();
  return words.join(' ');
}
