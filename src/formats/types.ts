import type { Direction, InteractionKind, IsoDate, LeadStatus, NeedStatus, PromiseStatus } from '../core/types.js';

/** A contact as a file describes it, before it is matched against the journal. */
export interface ImportContact {
  /** Where it came from, for messages: "line 12", "card 3 (line 40)". */
  where: string;
  uuid?: string;
  name: string;
  company?: string | null;
  role?: string | null;
  email?: string | null;
  phone?: string | null;
  url?: string | null;
  metWhere?: string | null;
  metOn?: IsoDate | null;
  introducedBy?: string | null;
  tags?: string[];
  notes?: string | null;
  cadenceDays?: number | null;
  archived?: boolean;
  snoozedUntil?: IsoDate | null;
  createdAt?: string;
}

export interface ImportInteraction {
  uuid: string;
  contacts: string[];
  on: IsoDate;
  kind: InteractionKind;
  summary: string | null;
  thanksOwed: boolean;
  thankedOn: IsoDate | null;
  noReply: boolean;
  snoozedUntil: IsoDate | null;
}

export interface ImportLead {
  uuid: string;
  source: string;
  what: string;
  person: string | null;
  company: string | null;
  job: string | null;
  givenOn: IsoDate;
  status: LeadStatus;
  followedOn: IsoDate | null;
  reportedOn: IsoDate | null;
  outcome: string | null;
  snoozedUntil: IsoDate | null;
}

export interface ImportPledge {
  uuid: string;
  contact: string;
  what: string;
  direction: Direction;
  madeOn: IsoDate;
  by: IsoDate | null;
  status: PromiseStatus;
  closedOn: IsoDate | null;
  nudges: number;
  lastNudgedOn: IsoDate | null;
  snoozedUntil: IsoDate | null;
}

export interface ImportNeed {
  uuid: string;
  contact: string;
  what: string;
  notedOn: IsoDate;
  status: NeedStatus;
  closedOn: IsoDate | null;
}

/** Everything one file brings. Records other than contacts refer to contacts by uuid. */
export interface ImportSet {
  format: 'json' | 'vcard' | 'linkedin';
  contacts: ImportContact[];
  interactions: ImportInteraction[];
  leads: ImportLead[];
  promises: ImportPledge[];
  needs: ImportNeed[];
}

export type ImportFormat = ImportSet['format'];

export function emptySet(format: ImportFormat): ImportSet {
  return { format, contacts: [], interactions: [], leads: [], promises: [], needs: [] };
}
