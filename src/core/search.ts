// The report's view of the job search (issue 14): a headline of the period, the pipeline of
// applications, and the landed items still owed. Pure: the period's records, as they stood at
// its end, in; the sections out.
import type { DueItem } from './due.js';
import { daysInStage, type DueJob } from './jobs.js';
import type { Contact, Interaction, IsoDate, Job, Lead, Need, Pledge } from './types.js';
import { OPEN_JOB_STAGES } from './types.js';

/** The period in figures. */
export interface Headline {
  peopleMet: number;
  conversations: number;
  /** Emails and messages sent, and how many got an answer. */
  messages: number;
  replies: number;
  leadsFollowed: number;
  leadsReported: number;
  needsMet: number;
  /** Promises kept in the period, yours and theirs. */
  promisesKept: number;
}

export interface PipelineRow {
  job: Job;
  daysInStage: number;
}

/** What the search sections read of a period, each record as it stood at its end. */
export interface SearchInput {
  from: IsoDate;
  to: IsoDate;
  met: readonly Contact[];
  interactions: readonly Interaction[];
  leads: readonly Lead[];
  pledges: readonly Pledge[];
  /** Needs closed in the period (any status; the met ones count). */
  needsClosed: readonly Need[];
  /** Applications as they stood at the end of the period (see `jobAsOf`). */
  jobs: readonly Job[];
}

const within = (d: IsoDate | null | undefined, from: IsoDate, to: IsoDate) => d !== null && d !== undefined && d >= from && d <= to;
const MESSAGE_KINDS = new Set(['email', 'message']);

export function headline(r: SearchInput): Headline {
  const { from, to } = r;
  const messages = r.interactions.filter((i) => MESSAGE_KINDS.has(i.kind) && within(i.on, from, to));
  return {
    peopleMet: r.met.length,
    conversations: r.interactions.filter((i) => within(i.on, from, to)).length,
    messages: messages.length,
    replies: messages.filter((i) => !i.noReply).length,
    leadsFollowed: r.leads.filter((l) => within(l.followedOn, from, to)).length,
    leadsReported: r.leads.filter((l) => within(l.reportedOn, from, to)).length,
    needsMet: r.needsClosed.filter((n) => n.status === 'met' && within(n.closedOn, from, to)).length,
    promisesKept: r.pledges.filter((p) => p.status === 'kept' && within(p.closedOn, from, to)).length,
  };
}

/** The reply rate as a whole percentage, or null when no message was sent. */
export function replyRate(h: Pick<Headline, 'messages' | 'replies'>): number | null {
  return h.messages === 0 ? null : Math.round((100 * h.replies) / h.messages);
}

/** The applications under way at the end of the period, by stage (`net jobs` order), with days in stage then. */
export function pipeline(jobs: readonly Job[], to: IsoDate): PipelineRow[] {
  const rank = (j: DueJob) => OPEN_JOB_STAGES.indexOf(j.stage);
  return jobs
    .filter((j) => OPEN_JOB_STAGES.includes(j.stage))
    .sort((a, b) => rank(a) - rank(b) || (a.stageOn < b.stageOn ? -1 : a.stageOn > b.stageOn ? 1 : a.id - b.id))
    .map((job) => ({ job, daysInStage: daysInStage(job, to) }));
}

/** The landed items owed at the end of the period (held back ones too): who is still to be told. */
export function landedOwed(items: readonly DueItem[]): DueItem[] {
  return items.filter((i) => i.kind === 'landed');
}

/** Whether the search was landed by the end of the period: the report then has its "Thank everyone" section. */
export function landedBy(jobs: readonly Job[]): boolean {
  return jobs.some((j) => j.landedOn !== null);
}
