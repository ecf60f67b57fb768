// The report as data: the period it covers, the records as they stood at its end, and what
// each section holds.
import { addDays } from './dates.js';
import { type DueInput, type DueItem, type DueLead, type DuePledge, type DueThanks, dueItems, heldBack, visibleDue } from './due.js';
import { UsageError } from './errors.js';
import type { DueJob } from './jobs.js';
import type { Ledger } from './ledger.js';
import { type Headline, headline, landedBy, landedOwed, pipeline, type PipelineRow } from './search.js';
import type { Contact, ContactRef, Interaction, IsoDate, Job, Lead, Need, Pledge } from './types.js';

/** The days a report covers, both included. */
export interface Period {
  from: IsoDate;
  to: IsoDate;
}

/**
 * The period of a report, decided here once: to `--until` (default today), from `--since`
 * (default the six days before it, so a week). The store reads the records of this period
 * and nothing filters them by date again.
 */
export function reportPeriod(since: IsoDate | undefined, until: IsoDate | undefined, today: IsoDate): Period {
  const to = until ?? today;
  const from = since ?? addDays(to, -6);
  if (from > to) throw new UsageError(`--since ${from} is after --until ${to}. Give the earlier date first.`);
  return { from, to };
}

/**
 * The records of a period, read by the store as they stand today; `buildReport` sees each as
 * it stood at the end of the period (see the `…AsOf` functions).
 */
export interface ReportInput {
  period: Period;
  /** Contacts met (or added) in the period: the diagram's introductions. */
  met: readonly Contact[];
  /** Interactions on a day of the period. */
  interactions: readonly Interaction[];
  /** Leads given, followed, reported or with news in the period. */
  leads: readonly Lead[];
  /** Promises open at the end of the period, and those made or closed in it. */
  pledges: readonly Pledge[];
  /** Needs open at the end of the period, oldest first: all of them, or the first a markdown report shows. */
  needs: readonly Need[];
  /** How many needs were open at the end of the period (default: as many as `needs`). */
  needsOpen?: number;
  /** What the due rules read on the period's last day: every record that could be owed then. */
  due: DueInput;
  /** Every application (the pipeline is as they stood at the period's end). */
  jobs?: readonly Job[];
  /** Needs closed in the period (the headline counts the met ones). */
  needsClosed?: readonly Need[];
}

export interface GiveTake {
  contact: ContactRef;
  ledger: Ledger;
}

export interface Edge {
  from: ContactRef;
  to: ContactRef;
  label: 'introduced' | 'lead';
}

export interface Report {
  from: IsoDate;
  to: IsoDate;
  /** What `net due` showed on the period's last day. */
  owedNow: DueItem[];
  conversations: Interaction[];
  leads: Lead[];
  promises: Pledge[];
  waysToGive: Need[];
  /** How many needs were open: `waysToGive` may hold only the first of them. */
  openNeeds: number;
  giveAndTake: GiveTake[];
  /** What `net due --all` added to it that day: snoozed, resting and planned items. */
  heldBack: DueItem[];
  /** Who introduced whom and which leads came from whom, in the period. */
  graph: Edge[];
  /** The search in figures (core/search.ts). */
  headline: Headline;
  /** Applications under way at the period's end. */
  pipeline: PipelineRow[];
  /** Landed items owed at the period's end, and whether the search was landed by then. */
  landed: DueItem[];
  landedBy: boolean;
}

const after = (d: IsoDate | null | undefined, day: IsoDate): boolean => d !== null && d !== undefined && d > day;

/**
 * A promise as it stood at the end of `day`: closed later, it was open (and owed no
 * thank-you); thanked later, the thank-you was still owed. Nudged later: the store gives the
 * nudges it had then from the change history (store/promises.ts `owedOn`); where the history
 * does not know them (a nudge from before it), it had one nudge fewer, counted from the
 * promise's date.
 */
export function pledgeAsOf<P extends DuePledge>(p: P, day: IsoDate): P {
  let q: P = p;
  if (after(q.lastNudgedOn, day)) q = { ...q, nudges: Math.max(0, q.nudges - 1), lastNudgedOn: null };
  if (after(q.closedOn, day)) q = { ...q, status: 'open', closedOn: null, thanksOwed: false, thankedOn: null };
  else if (after(q.thankedOn, day)) q = { ...q, thankedOn: null };
  return q;
}

/**
 * A lead as it stood at the end of `day`: news after it not yet heard (the lead was still
 * reported), reported or followed after it not yet done. A drop keeps no date: a dropped
 * lead stays dropped.
 */
export function leadAsOf<L extends DueLead & Partial<Pick<Lead, 'reportedOn' | 'outcome'>>>(l: L, day: IsoDate): L {
  let m: L = l;
  if (after(m.newsOn, day)) {
    m = { ...m, news: null, newsOn: null };
    if (m.status === 'followed' && m.reportedOn && !after(m.reportedOn, day)) m = { ...m, status: 'reported' };
  }
  if (after(m.reportedOn, day)) m = { ...m, status: m.status === 'dropped' ? 'dropped' : 'followed', reportedOn: null, outcome: null };
  if (after(m.followedOn, day)) m = { ...m, status: m.status === 'dropped' ? 'dropped' : 'open', followedOn: null };
  return m;
}

/** An interaction as it stood at the end of `day`: thank-yous sent after it were still owed. */
export function interactionAsOf<I extends DueThanks>(i: I, day: IsoDate): I {
  const people = i.thankedPeople?.filter((t) => !after(t.on, day));
  if (!after(i.thankedOn, day) && people?.length === i.thankedPeople?.length) return i;
  return { ...i, thankedOn: after(i.thankedOn, day) ? null : i.thankedOn, ...(people ? { thankedPeople: people } : {}) };
}

/** A need as it stood at the end of `day`: met or dropped after it, it was open. */
export function needAsOf(n: Need, day: IsoDate): Need {
  return after(n.closedOn, day) ? { ...n, status: 'open', closedOn: null } : n;
}

/**
 * An application as it stood at the end of `day`, or null when that is not known: one that
 * moved to its stage after it (its earlier stage is not kept) is left out. Asked about,
 * landed or its people told after it: not yet (an earlier ask's day is not kept).
 */
export function jobAsOf<J extends DueJob>(j: J, day: IsoDate): J | null {
  if (after(j.stageOn, day)) return null;
  return {
    ...j,
    askedOn: after(j.askedOn, day) ? null : j.askedOn,
    landedOn: after(j.landedOn, day) ? null : j.landedOn,
    people: j.people.map((p) => (after(p.toldOn, day) ? { ...p, toldOn: null } : p)),
  };
}

/** What the due rules read, as it stood at the end of `day`. */
export function dueInputAsOf(input: DueInput, day: IsoDate): DueInput {
  return {
    ...input,
    pledges: input.pledges.map((p) => pledgeAsOf(p, day)),
    thanks: input.thanks.map((i) => interactionAsOf(i, day)),
    leads: input.leads.map((l) => leadAsOf(l, day)),
    jobs: input.jobs?.flatMap((j) => jobAsOf(j, day) ?? []),
  };
}

/**
 * The report's sections, as of the period's last day: the due rules run with that day as
 * today, and every record is seen as it stood then. `giveAndTake` is everyone the period
 * touched with their ledger, in `net list` order, as the store reads them.
 */
export function buildReport(r: ReportInput, giveAndTake: GiveTake[]): Report {
  const { from, to } = r.period;
  const items = dueItems(dueInputAsOf(r.due, to), to);
  const leads = r.leads.map((l) => leadAsOf(l, to));
  const graph: Edge[] = [];
  for (const c of r.met) {
    if (c.introducedBy) graph.push({ from: c.introducedBy, to: { id: c.id, name: c.name }, label: 'introduced' });
  }
  for (const l of leads) if (l.person) graph.push({ from: l.source, to: l.person, label: 'lead' });
  const conversations = r.interactions.map((i) => interactionAsOf(i, to));
  const promises = r.pledges.map((p) => pledgeAsOf(p, to));
  const jobs = (r.jobs ?? []).flatMap((j) => jobAsOf(j, to) ?? []);
  return {
    from,
    to,
    owedNow: visibleDue(items, false),
    conversations,
    leads,
    promises,
    waysToGive: r.needs.map((n) => needAsOf(n, to)),
    openNeeds: r.needsOpen ?? r.needs.length,
    giveAndTake,
    heldBack: heldBack(items),
    graph,
    headline: headline({ from, to, met: r.met, interactions: conversations, leads, pledges: promises, needsClosed: r.needsClosed ?? [], jobs }),
    pipeline: pipeline(jobs, to),
    landed: landedOwed(items),
    landedBy: landedBy(jobs),
  };
}
