import type { ContactFields, DatedNote, Interaction, IsoDate, Lead, Need, Pledge } from '../core/types.js';

/** A contact as a file describes it, before it is matched against the journal: who introduced them is named by uuid. */
export type ImportContact = Omit<ContactFields, 'introducedBy'> & {
  /** Where it came from, for messages: "line 12", "card 3 (line 40)". */
  where: string;
  uuid?: string;
  introducedBy?: string | null;
  createdAt?: string;
  cadencePending?: boolean;
  /** The day it was recorded in the journal it came from (a backup). */
  recordedOn?: IsoDate;
};

// The other records as the journal knows them, with contacts named by uuid instead of id.
export type ImportInteraction = Omit<Interaction, 'id' | 'contacts' | 'introOf' | 'thankedPeople'> & {
  contacts: string[];
  /** For a thank-you to an introducer: the uuid of the person introduced. */
  introOf?: string | null;
  /** The people of a panel interview already thanked, by uuid, and when. */
  thanked?: Array<{ contact: string; on: IsoDate }>;
};
export type ImportLead = Omit<Lead, 'id' | 'source' | 'person'> & { source: string; person: string | null };
export type ImportPledge = Omit<Pledge, 'id' | 'contact'> & { contact: string };
export type ImportNeed = Omit<Need, 'id' | 'contact'> & { contact: string };
export type ImportNote = Omit<DatedNote, 'id' | 'contact'> & { contact: string };

/** Everything one file brings. Records other than contacts refer to contacts by uuid. */
export interface ImportSet {
  format: 'json' | 'vcard' | 'linkedin';
  contacts: ImportContact[];
  interactions: ImportInteraction[];
  leads: ImportLead[];
  promises: ImportPledge[];
  needs: ImportNeed[];
  notes: ImportNote[];
}

export type ImportFormat = ImportSet['format'];

export function emptySet(format: ImportFormat): ImportSet {
  return { format, contacts: [], interactions: [], leads: [], promises: [], needs: [], notes: [] };
}
