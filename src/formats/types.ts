import type { ContactFields, DatedNote, Interaction, IsoDate, Job, JobPerson, Lead, Need, Pledge } from '../core/types.js';
import { UsageError } from '../core/errors.js';
import { MAX_TAGS, tooManyTags } from '../core/tags.js';

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
export type ImportInteraction = Omit<Interaction, 'id' | 'contacts' | 'introOf' | 'thankedPeople' | 'snoozedPeople'> & {
  contacts: string[];
  /** For a thank-you to an introducer: the uuid of the person introduced. */
  introOf?: string | null;
  /** The people of a panel interview already thanked, by uuid, and when. */
  thanked?: Array<{ contact: string; on: IsoDate }>;
  /** The people of a panel interview whose thank-you is snoozed on its own, by uuid, and until when. */
  snoozed?: Array<{ contact: string; until: IsoDate }>;
};
export type ImportLead = Omit<Lead, 'id' | 'source' | 'person'> & { source: string; person: string | null };
export type ImportPledge = Omit<Pledge, 'id' | 'contact'> & { contact: string };
export type ImportNeed = Omit<Need, 'id' | 'contact'> & { contact: string };
export type ImportNote = Omit<DatedNote, 'id' | 'contact'> & { contact: string };

/** An application from a backup: its referrer and people by contact uuid, its lead by lead uuid. */
export type ImportJob = Omit<Job, 'id' | 'via' | 'lead' | 'people'> & {
  via: string | null;
  lead: string | null;
  people: Array<Omit<JobPerson, 'contact'> & { contact: string }>;
};

export type ImportFormat = 'json' | 'vcard' | 'linkedin' | 'google' | 'outlook';

/** Everything one file brings. Records other than contacts refer to contacts by uuid. */
export interface ImportSet {
  format: ImportFormat;
  /**
   * The contacts, in file order. A large CSV file is not held in memory: it is read again
   * each time this is iterated (once to check it, once to write it).
   */
  contacts: Iterable<ImportContact>;
  contactCount: number;
  /** Rows or cards left out, by why ("rows without a name" → 47), for the summary. */
  skipped: Map<string, number>;
  /** The file's text encoding when it was not UTF-8 ("Windows-1252 (ANSI)"), for the summary. */
  encoding: string | null;
  interactions: ImportInteraction[];
  leads: ImportLead[];
  promises: ImportPledge[];
  needs: ImportNeed[];
  notes: ImportNote[];
  /** Applications (backups from version 3; other files have none). */
  jobs?: ImportJob[];
}

export function emptySet(format: ImportFormat): ImportSet & { contacts: ImportContact[] } {
  return { format, contacts: [], contactCount: 0, skipped: new Map(), encoding: null, interactions: [], leads: [], promises: [], needs: [], notes: [], jobs: [] };
}

export function countSkip(skipped: Map<string, number>, reason: string): void {
  skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
}

/**
 * Refuses a contact no journal should take in (S7: a card with 100,000 CATEGORIES), in the
 * words every refusal of too many tags uses, the record named as the file places it.
 */
export function checkContact(c: ImportContact, file: string): void {
  const tags = new Set(c.tags ?? []);
  if (tags.size > MAX_TAGS) throw new UsageError(`${file}: ${tooManyTags(c.where, null, tags.size).message}`);
}
