// The due rules: what the user owes whom, and when. Pure: records and today in, items out.
import { addDays, daysBetween, shortDate } from './dates.js';
import { type DueJob, jobsOwed } from './jobs.js';
import { type ContactRef, type Interaction, type InteractionKind, type IsoDate, type Lead, type Pledge, THANKS_KINDS } from './types.js';

export const DUE_KINDS = ['promise', 'thanks', 'report', 'lead', 'nudge', 'followup', 'upcoming', 'job', 'landed'] as const;
export type DueKind = (typeof DUE_KINDS)[number];

/**
 * `due`: owed now; `snoozed`: postponed by the user; `resting`: held back out of respect;
 * `planned`: a meeting ahead (kind `upcoming`), shown by `--all` until its day.
 */
export type DueState = 'due' | 'snoozed' | 'resting' | 'planned';

export interface DueItem {
  /** `p12`, `i3`, `l5`, `c7`: what `net done` and `net snooze` take. */
  id: string;
  kind: DueKind;
  /** Whom it is owed to; null for an application with nobody to ask (no referrer). */
  contact: ContactRef | null;
  title: string;
  /**
   * What is owed as a row of the `net due` table says it, beside the contact and how late
   * it is: neither is repeated, dates are short ("Thank for the coffee (Mar 26): …").
   */
  brief: string;
  /** When the thing owed began: the meeting, the promise, the lead, the last contact. */
  since: IsoDate;
  /** The day it falls due. */
  due: IsoDate;
  daysOverdue: number;
  state: DueState;
  /** Why a snoozed, resting or planned item is held back. */
  reason: string | null;
  /**
   * The day a held-back item shows in `net due` again if nothing changes; null for an item
   * owed now, and for one that waits for them to answer (nudged twice).
   */
  until: IsoDate | null;
}

/** Why a resting item is held back, and the day it stops resting (null: when they answer). */
interface Rest {
  reason: string;
  until: IsoDate | null;
}

/** How far a contact has got: enough to apply the keep-in-touch and respect rules. */
export interface ContactActivity {
  contact: ContactRef;
  cadenceDays: number | null;
  snoozedUntil: IsoDate | null;
  archived: boolean;
  /** When they were met: the first meeting when nothing was logged; null for someone not met yet. */
  metOn: IsoDate | null;
  interactionCount: number;
  lastOn: IsoDate | null;
  /** The last two interactions were both logged as unanswered. */
  lastTwoNoReply: boolean;
  /** The day the contact was recorded: a backdated one is followed up from this day. */
  recordedOn?: IsoDate | null;
}

/** What the rules read of a promise, an interaction and a lead: the stores read no more. */
export type DuePledge = Pick<Pledge, 'id' | 'contact' | 'what' | 'direction' | 'madeOn' | 'by' | 'status' | 'nudges' | 'lastNudgedOn' | 'snoozedUntil'> &
  Partial<Pick<Pledge, 'recordedOn' | 'closedOn' | 'thanksOwed' | 'thankedOn'>>;
export type DueThanks = Pick<Interaction, 'id' | 'contacts' | 'on' | 'kind' | 'summary' | 'thanksOwed' | 'thankedOn' | 'snoozedUntil'> &
  Partial<Pick<Interaction, 'recordedOn' | 'introOf' | 'thankedPeople' | 'snoozedPeople'>>;
export type DueLead = Pick<Lead, 'id' | 'source' | 'what' | 'person' | 'status' | 'givenOn' | 'followedOn' | 'snoozedUntil'> &
  Partial<Pick<Lead, 'recordedOn' | 'news' | 'newsOn'>>;

/** A meeting logged ahead of its day (`net log --on <future date>`). */
export type DueUpcoming = Pick<Interaction, 'id' | 'contacts' | 'on' | 'kind' | 'summary'> & { recordedOn: IsoDate } & Partial<Pick<Interaction, 'thanksOwed' | 'thankedOn'>>;

/**
 * The meetings planned for `today` that `net due` lists as `upcoming` today. Each stands for
 * the thank-you it owes, so that one id is one line; one whose thank-you was sent by today
 * (`net done`, `net thank`) is behind you and is no longer listed.
 */
function plannedToday(upcoming: readonly DueUpcoming[], today: IsoDate): DueUpcoming[] {
  const sent = (u: DueUpcoming) => u.thanksOwed === true && u.thankedOn != null && u.thankedOn <= today;
  return upcoming.filter((u) => u.on === today && u.on > u.recordedOn && u.contacts.length > 0 && !sent(u));
}

export interface DueInput {
  /** Meetings planned (logged before their day) that are on or after today. */
  upcoming?: readonly DueUpcoming[];
  /** Open promises, both directions, and their kept promises whose thank-you is owed. */
  pledges: readonly DuePledge[];
  /** Interactions whose thank-you is owed and not yet sent. */
  thanks: readonly DueThanks[];
  /** Leads that are `open` or `followed`. */
  leads: readonly DueLead[];
  activity: readonly ContactActivity[];
  /** Applications that can owe something (core/jobs.ts). */
  jobs?: readonly DueJob[];
}

export const FIRST_FOLLOWUP_DAYS = 7;
export const DEFAULT_CADENCE_DAYS = 90;
export const LEAD_FOLLOW_DAYS = 3;
export const PROMISE_DEFAULT_DAYS = 7;
export const NUDGE_INTERVAL_DAYS = 7;
export const MAX_NUDGES = 2;
/** An interaction recorded this many days after it happened owes no thank-you by default. */
export const THANKS_LATE_DAYS = 14;

// A meeting planned for today comes first among today's items: it is what the day is for.
const KIND_RANK: Record<DueKind, number> = { upcoming: -1, promise: 0, thanks: 1, landed: 2, report: 2, job: 3, lead: 3, nudge: 4, followup: 5 };

/** When a contact rests under the respect rule, the day they stop resting; else null. */
export function restingUntil(a: ContactActivity): IsoDate | null {
  if (!a.lastTwoNoReply || a.lastOn === null) return null;
  return addDays(a.lastOn, 2 * (a.cadenceDays ?? DEFAULT_CADENCE_DAYS));
}

/** The later of two days, `b` absent or not. */
function later(a: IsoDate, b: IsoDate | null | undefined): IsoDate {
  return b !== null && b !== undefined && b > a ? b : a;
}

/**
 * The day a contact's next keep-in-touch follow-up falls due, or null when they have no
 * cadence. The first follow-up is a week after meeting them, or after they were recorded
 * when that was later (someone added with a past `--on`); none falls due before that day.
 */
export function followupDue(a: ContactActivity): IsoDate | null {
  const last = a.lastOn ?? a.metOn;
  if (a.cadenceDays === null || a.archived || last === null) return null;
  if (a.interactionCount <= 1) return addDays(later(last, a.recordedOn), FIRST_FOLLOWUP_DAYS);
  return later(addDays(last, a.cadenceDays), a.recordedOn);
}

/**
 * Whether an interaction owes a thank-you when nothing says otherwise: after a coffee, call,
 * meeting, interview or intro that was answered, unless it was recorded 14 days or more after
 * it happened (the moment has passed). `--thanks` and `--no-thanks` override this.
 */
export function thanksOwedByDefault(kind: InteractionKind, on: IsoDate, recordedOn: IsoDate, noReply: boolean): boolean {
  return !noReply && THANKS_KINDS.has(kind) && daysBetween(on, recordedOn) < THANKS_LATE_DAYS;
}

/**
 * The cadence a conversation gives a contact: the default one when they had none yet (an
 * import) and the conversation was answered; null when it leaves their cadence as it is.
 */
export function cadenceFromConversation(c: { cadenceDays: number | null; cadencePending?: boolean }, noReply: boolean): number | null {
  return !noReply && c.cadenceDays === null && c.cadencePending === true ? DEFAULT_CADENCE_DAYS : null;
}

/** An interview with several people: etiquette owes each interviewer their own thank-you. */
export function isPanel(i: Pick<Interaction, 'kind' | 'contacts'>): boolean {
  return i.kind === 'interview' && i.contacts.length > 1;
}

function kindWord(kind: string): string {
  return kind === 'other' ? 'conversation' : kind;
}

/**
 * Every item owed on `today`. Items not yet due are left out; snoozed and resting items
 * are included with their state so that `--all` can show them and the default view can
 * filter them (see `visibleDue`).
 */
export function dueItems(input: DueInput, today: IsoDate): DueItem[] {
  const items: DueItem[] = [];
  const rest = new Map<number, IsoDate>();
  for (const a of input.activity) {
    const until = restingUntil(a);
    if (until !== null && until > today) rest.set(a.contact.id, until);
  }

  // Nothing falls due before the day it was recorded: a backdated record owes from that day.
  const push = (
    owed: Omit<DueItem, 'daysOverdue' | 'state' | 'reason' | 'until' | 'brief'> & { brief?: string },
    snoozedUntil: IsoDate | null,
    resting: Rest | null = null,
    recordedOn: IsoDate | null | undefined = null,
  ) => {
    const item = { ...owed, due: later(owed.due, recordedOn) };
    let state: DueState = 'due';
    let reason: string | null = null;
    let until: IsoDate | null = null;
    if (item.due > today && resting === null) return;
    // A resting item shows again when its rest is over and it is due, whichever is later.
    const restOver = resting && resting.until !== null ? later(resting.until, item.due) : null;
    if (snoozedUntil !== null && snoozedUntil > today) {
      state = 'snoozed';
      reason = `snoozed until ${snoozedUntil}`;
      until = resting === null ? snoozedUntil : restOver && later(restOver, snoozedUntil);
    } else if (resting !== null) {
      state = 'resting';
      reason = resting.reason;
      until = restOver;
    }
    items.push({
      id: item.id,
      kind: item.kind,
      contact: item.contact,
      title: item.title,
      brief: item.brief ?? item.title,
      since: item.since,
      due: item.due,
      daysOverdue: daysBetween(item.due, today),
      state,
      reason,
      until,
    });
  };

  const short = (day: IsoDate) => shortDate(day, today);
  // On its day a planned meeting is listed once, as `upcoming`; its thank-you from the next day.
  const planned = new Set(plannedToday(input.upcoming ?? [], today).map((u) => u.id));

  for (const p of input.pledges) {
    if (p.status === 'kept' && p.direction === 'theirs' && p.thanksOwed && !p.thankedOn) {
      // Their kept promise owes them a thank-you, from the day it was kept.
      const since = p.closedOn ?? p.madeOn;
      push({ id: `p${p.id}`, kind: 'thanks', contact: p.contact, title: `Thank them for keeping their promise: ${p.what}`, brief: `Thank for keeping their promise: ${p.what}`, since, due: since }, p.snoozedUntil, null, p.recordedOn);
      continue;
    }
    if (p.status !== 'open') continue;
    if (p.direction === 'mine') {
      // Due the day before its date, but never before the promise was made.
      const due = p.by ? later(addDays(p.by, -1), p.madeOn) : addDays(p.madeOn, PROMISE_DEFAULT_DAYS);
      const title = p.by ? `You promised by ${p.by}: ${p.what}` : `You promised: ${p.what}`;
      const brief = p.by ? `You promised by ${short(p.by)}: ${p.what}` : title;
      push({ id: `p${p.id}`, kind: 'promise', contact: p.contact, title, brief, since: p.madeOn, due }, p.snoozedUntil, null, p.recordedOn);
    } else {
      const firstDue = p.by ? addDays(p.by, 1) : addDays(p.madeOn, PROMISE_DEFAULT_DAYS);
      const due = p.lastNudgedOn ? addDays(p.lastNudgedOn, NUDGE_INTERVAL_DAYS) : firstDue;
      const restUntil = rest.get(p.contact.id);
      let resting: Rest | null = null;
      if (p.nudges >= MAX_NUDGES) resting = { reason: `nudged ${p.nudges} times; resting until they answer`, until: null };
      else if (restUntil !== undefined) resting = { reason: `two unanswered messages; resting until ${restUntil}`, until: restUntil };
      const title = `Nudge about their promise: ${p.what}${p.nudges > 0 ? ` (nudged ${p.nudges}×)` : ''}`;
      push({ id: `p${p.id}`, kind: 'nudge', contact: p.contact, title, since: p.madeOn, due }, p.snoozedUntil, resting, p.recordedOn);
    }
  }

  for (const i of input.thanks) {
    const contact = i.contacts[0];
    if (!i.thanksOwed || i.thankedOn !== null || !contact || i.on > today || planned.has(i.id)) continue;
    const what = i.summary ? `: ${i.summary}` : '';
    if (isPanel(i)) {
      // One note per interviewer: each is owed their own thank-you (`i<id>c<contact id>`),
      // snoozed on its own or with everyone's (`net snooze i<id>`).
      const thanked = new Set((i.thankedPeople ?? []).map((t) => t.id));
      const snoozed = new Map((i.snoozedPeople ?? []).map((s) => [s.id, s.until]));
      for (const person of i.contacts) {
        if (thanked.has(person.id)) continue;
        const title = `Thank ${person.name} for the interview on ${i.on}${what}`;
        const brief = `Thank for the interview (${short(i.on)})${what}`;
        push({ id: `i${i.id}c${person.id}`, kind: 'thanks', contact: person, title, brief, since: i.on, due: i.on }, snoozed.get(person.id) ?? i.snoozedUntil, null, i.recordedOn);
      }
      continue;
    }
    const others = i.contacts.length > 1 ? ` (with ${i.contacts.length - 1} more)` : '';
    const title = i.introOf
      ? `Thank ${contact.name} for introducing you to ${i.introOf.name}`
      : `Thank them for the ${kindWord(i.kind)} on ${i.on}${others}${what}`;
    // "Thank for the call (Apr 5)", not "… (Apr 5): call" after `net add --met call --kind call`.
    const said = i.summary?.trim().toLowerCase() === kindWord(i.kind) ? '' : what;
    const brief = i.introOf ? `Thank for the intro to ${i.introOf.name}` : `Thank for the ${kindWord(i.kind)} (${short(i.on)})${others}${said}`;
    push({ id: `i${i.id}`, kind: 'thanks', contact, title, brief, since: i.on, due: i.on }, i.snoozedUntil, null, i.recordedOn);
  }

  for (const l of input.leads) {
    if (l.status === 'followed') {
      // News of a lead already reported on owes its giver another report-back, from that day.
      const since = l.newsOn ?? l.followedOn ?? l.givenOn;
      const title = l.news ? `Tell them the news of their lead: ${l.what} (${l.news})` : `Tell them how their lead went: ${l.what}`;
      push({ id: `l${l.id}`, kind: 'report', contact: l.source, title, since, due: since }, l.snoozedUntil, null, l.recordedOn);
    } else if (l.status === 'open') {
      const who = l.person ? ` (talk to ${l.person.name})` : '';
      push(
        { id: `l${l.id}`, kind: 'lead', contact: l.source, title: `Follow their lead: ${l.what}${who}`, since: l.givenOn, due: addDays(l.givenOn, LEAD_FOLLOW_DAYS) },
        l.snoozedUntil,
        null,
        l.recordedOn,
      );
    }
  }

  for (const a of input.activity) {
    const base = followupDue(a);
    if (base === null) continue;
    const restUntil = rest.get(a.contact.id);
    const last = a.lastOn ?? a.metOn ?? base;
    const first = a.interactionCount <= 1;
    if (restUntil !== undefined) {
      push(
        {
          id: `c${a.contact.id}`,
          kind: 'followup',
          contact: a.contact,
          title: `Keep in touch (two unanswered; last ${last})`,
          brief: `Keep in touch (two unanswered; last ${short(last)})`,
          since: last,
          due: restUntil,
        },
        a.snoozedUntil,
        { reason: `two unanswered messages; resting until ${restUntil}`, until: restUntil },
      );
      continue;
    }
    // After two unanswered messages the next follow-up waits twice the cadence.
    const due = a.lastTwoNoReply && a.cadenceDays !== null && a.lastOn !== null ? addDays(a.lastOn, 2 * a.cadenceDays) : base;
    const title =
      a.interactionCount === 0 ? `First follow-up since you met on ${last}` : first ? `First follow-up after meeting on ${last}` : `Keep in touch (last contact ${last})`;
    const brief = first ? `First follow-up (met ${short(last)})` : `Keep in touch (last contact ${short(last)})`;
    push({ id: `c${a.contact.id}`, kind: 'followup', contact: a.contact, title, brief, since: last, due }, a.snoozedUntil, null, a.recordedOn);
  }

  for (const o of jobsOwed(input.jobs ?? [])) {
    push({ id: o.id, kind: o.kind, contact: o.contact, title: o.title, brief: o.brief, since: o.since, due: o.due }, o.snoozedUntil, null, o.recordedOn);
  }

  for (const u of input.upcoming ?? []) {
    const contact = u.contacts[0];
    // Listed on its day (and by --all before it); from the next day on it is a conversation.
    if (!contact || u.on <= u.recordedOn || u.on < today || (u.on === today && !planned.has(u.id))) continue;
    const others = u.contacts.length > 1 ? ` (with ${u.contacts.slice(1).map((c) => c.name).join(', ')})` : '';
    const what = u.summary ? `: ${u.summary}` : '';
    const state: DueState = u.on === today ? 'due' : 'planned';
    const title = `Planned ${kindWord(u.kind)}${others}${what}`;
    items.push({
      id: `i${u.id}`,
      kind: 'upcoming',
      contact,
      title,
      brief: title,
      since: u.recordedOn,
      due: u.on,
      daysOverdue: daysBetween(u.on, today),
      state,
      reason: state === 'planned' ? `planned for ${u.on}` : null,
      until: state === 'planned' ? u.on : null,
    });
  }

  return items.sort(compareDue);
}

/** Overdue first, then by kind, then oldest first. */
export function compareDue(a: DueItem, b: DueItem): number {
  const ao = a.daysOverdue > 0 ? 0 : 1;
  const bo = b.daysOverdue > 0 ? 0 : 1;
  if (ao !== bo) return ao - bo;
  if (a.kind !== b.kind) return KIND_RANK[a.kind] - KIND_RANK[b.kind];
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  if (a.since !== b.since) return a.since < b.since ? -1 : 1;
  // Same kind, so the same letter: the shorter number is the smaller (ids have no leading zeros).
  if (a.id.length !== b.id.length) return a.id.length - b.id.length;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Whether `net due` holds an item back (snoozed, resting, or a meeting planned for a later
 * day): the one rule behind what `net due` leaves out, what `--all` adds and the report's
 * Resting section.
 */
export function isHeldBack(item: DueItem): boolean {
  return item.state !== 'due';
}

/** What `net due` shows without `--all`. */
export function visibleDue(items: readonly DueItem[], all: boolean): DueItem[] {
  return all ? [...items] : items.filter((i) => !isHeldBack(i));
}

/** The items `net due` holds back and `net due --all` shows, in `net due` order. */
export function heldBack(items: readonly DueItem[]): DueItem[] {
  return items.filter(isHeldBack);
}

/**
 * "due today", "3 days overdue (since Apr 11)", or for a held-back item why it waits.
 * Without `since` the day it fell due is left out ("3 days overdue"): the count says it.
 */
export function lateness(item: DueItem, today: IsoDate, since = true): string {
  if (item.state !== 'due') return item.reason ?? item.state;
  if (item.kind === 'upcoming') return 'today';
  if (item.daysOverdue === 0) return 'due today';
  const late = `${item.daysOverdue} day${item.daysOverdue === 1 ? '' : 's'} overdue`;
  return since ? `${late} (since ${shortDate(item.due, today)})` : late;
}

/** An item and the first day it shows in `net due` if nothing is done before then. */
export interface DueAhead {
  on: IsoDate;
  item: DueItem;
}

/**
 * What `net due` will show from `today` to `days` days ahead if nothing is done: the same
 * rules evaluated for each day, each item on the first day it shows (owed now: today; a
 * snoozed item: the day its snooze ends). `input` must be read for the last day, so that
 * it holds every record the rules could pick on any day up to it.
 */
export function dueAhead(input: DueInput, today: IsoDate, days: number): DueAhead[] {
  const seen = new Set<string>();
  const ahead: DueAhead[] = [];
  for (let d = 0; d <= days; d++) {
    const on = addDays(today, d);
    for (const item of visibleDue(dueItems(input, on), false)) {
      // One item per record, kind and person: the identity a calendar event keeps.
      const key = `${item.id} ${item.kind} ${item.contact?.id ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ahead.push({ on, item });
    }
  }
  return ahead;
}
