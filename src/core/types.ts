// The journal's records as the domain sees them. Dates are local calendar dates as
// `YYYY-MM-DD` strings (ISO order sorts and compares correctly as text).

export type IsoDate = string;

export const INTERACTION_KINDS = [
  'coffee',
  'call',
  'meeting',
  'interview',
  'email',
  'message',
  'event',
  'intro',
  'other',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/** Kinds after which a thank-you is owed unless the user says otherwise. */
export const THANKS_KINDS: ReadonlySet<InteractionKind> = new Set([
  'coffee',
  'call',
  'meeting',
  'interview',
  'intro',
]);

export const LEAD_STATUSES = ['open', 'followed', 'reported', 'dropped'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const PROMISE_STATUSES = ['open', 'kept', 'dropped'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

export const NEED_STATUSES = ['open', 'met', 'dropped'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

export type Direction = 'mine' | 'theirs';

/** The stages of an application, in order; the last two are ends besides `accepted`. */
export const JOB_STAGES = ['interested', 'applied', 'screen', 'interview', 'offer', 'accepted', 'rejected', 'withdrawn'] as const;
export type JobStage = (typeof JOB_STAGES)[number];
/** The stages of an application still under way (`net jobs` lists these). */
export const OPEN_JOB_STAGES: readonly JobStage[] = ['interested', 'applied', 'screen', 'interview', 'offer'];

export function isJobStage(s: string): s is JobStage {
  return (JOB_STAGES as readonly string[]).includes(s);
}

export interface ContactRef {
  id: number;
  name: string;
}

/** What a contact list shows of each person. */
export interface ContactSummary {
  id: number;
  name: string;
  company: string | null;
  role: string | null;
  tags: string[];
  lastContact: IsoDate | null;
}

export interface Contact {
  id: number;
  uuid: string;
  name: string;
  /** First and last name as an imported file gave them; null when only `name` is known. */
  givenName: string | null;
  familyName: string | null;
  company: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  /** The phone's kind as vCard 3.0 TEL types (`cell`, `work,fax`), null when unknown. */
  phoneType: string | null;
  url: string | null;
  metWhere: string | null;
  metOn: IsoDate | null;
  introducedBy: ContactRef | null;
  tags: string[];
  notes: string | null;
  cadenceDays: number | null;
  /** No cadence chosen yet (imported): the first conversation gives them the default one. */
  cadencePending?: boolean;
  archived: boolean;
  snoozedUntil: IsoDate | null;
  /** The day net recorded it (today as net saw it): no follow-up falls due before. */
  recordedOn?: IsoDate;
  createdAt: string;
  /** Date of the latest interaction with this contact, if any. */
  lastContact: IsoDate | null;
}

export interface Interaction {
  id: number;
  uuid: string;
  contacts: ContactRef[];
  on: IsoDate;
  kind: InteractionKind;
  summary: string | null;
  thanksOwed: boolean;
  thankedOn: IsoDate | null;
  noReply: boolean;
  snoozedUntil: IsoDate | null;
  /** The day net recorded it (today as net saw it): nothing it owes falls due before. */
  recordedOn?: IsoDate;
  /** The note left when its thank-you was closed (`net done i<id> "<note>"`). */
  note?: string | null;
  /** A thank-you to an introducer: the person they introduced you to. */
  introOf?: ContactRef | null;
  /** An introduction you made (`net intro`). */
  introByMe?: boolean;
  /** People of a panel interview already thanked, each on their own, and when. */
  thankedPeople?: Array<{ id: number; on: IsoDate }>;
  /** People of a panel interview whose thank-you is snoozed on its own (`net snooze i<id>c<contact id>`), and until when. */
  snoozedPeople?: Array<{ id: number; until: IsoDate }>;
  /** What a calendar or mail import knows it by: an event's UID and occurrence, messages' Message-IDs. */
  sources?: string[];
}

export interface Lead {
  id: number;
  uuid: string;
  source: ContactRef;
  what: string;
  person: ContactRef | null;
  company: string | null;
  job: string | null;
  givenOn: IsoDate;
  status: LeadStatus;
  followedOn: IsoDate | null;
  reportedOn: IsoDate | null;
  outcome: string | null;
  snoozedUntil: IsoDate | null;
  /** The day net recorded it (today as net saw it): nothing it owes falls due before. */
  recordedOn?: IsoDate;
  /** The note left when it was closed with `net done`. */
  note?: string | null;
  /** The latest development after it was reported (`net lead news`), and its day. */
  news?: string | null;
  newsOn?: IsoDate | null;
}

/** A promise between the user and a contact (named to avoid the JS global). */
export interface Pledge {
  id: number;
  uuid: string;
  contact: ContactRef;
  what: string;
  direction: Direction;
  madeOn: IsoDate;
  by: IsoDate | null;
  status: PromiseStatus;
  closedOn: IsoDate | null;
  nudges: number;
  lastNudgedOn: IsoDate | null;
  snoozedUntil: IsoDate | null;
  /** The day net recorded it (today as net saw it): nothing it owes falls due before. */
  recordedOn?: IsoDate;
  /** The note left when it was closed with `net done`. */
  note?: string | null;
  /** Their kept promise owes them a thank-you, until `thankedOn`. */
  thanksOwed?: boolean;
  thankedOn?: IsoDate | null;
}

export interface Need {
  id: number;
  uuid: string;
  contact: ContactRef;
  what: string;
  notedOn: IsoDate;
  status: NeedStatus;
  closedOn: IsoDate | null;
  /** The day net recorded it (today as net saw it): nothing it owes falls due before. */
  recordedOn?: IsoDate;
}

/** Someone linked to an application: met for it (an interviewer), or owed a landed item. */
export interface JobPerson {
  contact: ContactRef;
  /** You met them for it (`net job j<id> --with`). */
  met: boolean;
  /** What they did for your search, when `net landed` owes them a landed item. */
  helped: string | null;
  /** The last day you told them how it went (`net done j<id>c<contact id>`). */
  toldOn: IsoDate | null;
  /** What the application owes them is snoozed on its own (`net snooze j<id>c<contact id>`) until this day. */
  snoozedUntil?: IsoDate | null;
}

/** An application (`j<id>`). */
export interface Job {
  id: number;
  uuid: string;
  title: string;
  company: string;
  url: string | null;
  /** Who referred you. */
  via: ContactRef | null;
  /** The lead it came from. */
  lead: { id: number; uuid?: string; what: string; source: ContactRef } | null;
  stage: JobStage;
  /** The day it entered its stage. */
  stageOn: IsoDate;
  /** The day it was added (`--on`): applied, or first noted when `interested`. */
  startedOn: IsoDate;
  /** The last day you asked about it (`net done j<id>`). */
  askedOn: IsoDate | null;
  /** The day you landed it (`net landed`). */
  landedOn: IsoDate | null;
  note: string | null;
  snoozedUntil: IsoDate | null;
  people: JobPerson[];
  recordedOn?: IsoDate;
}

/** A dated note about a contact (`net note`): what you learned, and when. Ids print as `m<id>`. */
export interface DatedNote {
  id: number;
  uuid: string;
  contact: ContactRef;
  on: IsoDate;
  text: string;
}

export function isInteractionKind(s: string): s is InteractionKind {
  return (INTERACTION_KINDS as readonly string[]).includes(s);
}

/** What can be set on a contact: added, edited, merged or imported (`introducedBy` is a contact id). */
export interface ContactFields {
  name: string;
  /** First and last name as the source gave them (vCard N, a CSV's columns). */
  givenName?: string | null;
  familyName?: string | null;
  company?: string | null;
  role?: string | null;
  email?: string | null;
  phone?: string | null;
  /** vCard 3.0 TEL types, comma-separated (`work,fax`); see core/phones.ts. */
  phoneType?: string | null;
  url?: string | null;
  metWhere?: string | null;
  metOn?: IsoDate | null;
  introducedBy?: number | null;
  tags?: string[];
  notes?: string | null;
  cadenceDays?: number | null;
  archived?: boolean;
  snoozedUntil?: IsoDate | null;
  /** No cadence chosen yet (an import): the first conversation gives them the default one. */
  cadencePending?: boolean;
}
