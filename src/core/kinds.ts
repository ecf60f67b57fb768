// The record kinds of the journal, described once: the letter their ids take, the table
// that holds them, the fields a person can see and edit. `edit`, `rm`, `undo`, `history`
// and completion loop over this table instead of each growing a switch (Taskwarrior's
// attribute table is the model). A new kind, or a new column, is added here; a store test
// fails until every column of every record table is listed (as a field, as internal, or as
// derived and kept by SQLite itself).

export type KindName = 'contact' | 'interaction' | 'lead' | 'promise' | 'need' | 'note' | 'job';

/** How a field's text from the command line becomes a value (the command layer parses). */
export type FieldType = 'text' | 'required-text' | 'date' | 'interaction-kind' | 'contact' | 'flag' | 'job-stage' | 'lead';

export interface FieldDef {
  /** The column that holds it. */
  column: string;
  /** What people call it in messages: `Changed i4: on 2026-04-02 → 2026-04-01`. */
  label: string;
  /** The `net edit` flag that sets it, when people may edit it. */
  flag?: string;
  type: FieldType;
  /**
   * For a date that may be after today: `deadline`, a day something is due by (read forward,
   * "friday" is the next one); `planned`, the day of a meeting that may be ahead. Every other
   * date is the day something happened, and net refuses one after today.
   */
  ahead?: 'deadline' | 'planned';
}

export interface RecordKind {
  name: KindName;
  /** The letter of its ids: `i12`. Contacts are `c12`, `#12` or a name. */
  prefix: string;
  /** Its table in the journal. */
  table: string;
  /** Singular noun for sentences. */
  noun: string;
  fields: readonly FieldDef[];
  /** Tables that only link this kind to others; a change to them is a change to this record. */
  links?: Readonly<Record<string, string>>;
  /** Columns kept for the journal's own use, not shown in the history. */
  internal: readonly string[];
  /** Columns SQLite keeps up to date from other records (counts, last contact): not history. */
  derived: readonly string[];
}

const KINDS_LIST: readonly RecordKind[] = [
  {
    name: 'contact',
    prefix: 'c',
    table: 'contacts',
    noun: 'contact',
    fields: [
      { column: 'name', label: 'name', flag: '--name', type: 'required-text' },
      { column: 'given_name', label: 'first name', type: 'text' },
      { column: 'family_name', label: 'last name', type: 'text' },
      { column: 'company', label: 'company', flag: '--company', type: 'text' },
      { column: 'role', label: 'role', flag: '--role', type: 'text' },
      { column: 'email', label: 'email', flag: '--email', type: 'text' },
      { column: 'phone', label: 'phone', flag: '--phone', type: 'text' },
      { column: 'phone_type', label: 'phone kind', type: 'text' },
      { column: 'url', label: 'url', flag: '--url', type: 'text' },
      { column: 'met_where', label: 'where met', flag: '--met', type: 'text' },
      { column: 'met_on', label: 'date met', flag: '--on', type: 'date' },
      { column: 'introduced_by', label: 'introduced by', flag: '--via', type: 'contact' },
      { column: 'tags', label: 'tags', flag: '--tag', type: 'text' },
      { column: 'notes', label: 'notes', flag: '--note', type: 'text' },
      { column: 'cadence_days', label: 'cadence', flag: '--every', type: 'text' },
      { column: 'archived', label: 'archived', flag: '--archive', type: 'flag' },
      { column: 'snoozed_until', label: 'snoozed until', type: 'date' },
    ],
    internal: ['id', 'uuid', 'name_key', 'email_key', 'url_key', 'phone_key', 'created_at', 'recorded_on', 'cadence_pending'],
    derived: ['last_on', 'interaction_count', 'last_two_no_reply', 'thanked_count'],
  },
  {
    name: 'interaction',
    prefix: 'i',
    table: 'interactions',
    noun: 'interaction',
    fields: [
      { column: 'on_date', label: 'on', flag: '--on', type: 'date', ahead: 'planned' },
      { column: 'kind', label: 'kind', flag: '--kind', type: 'interaction-kind' },
      { column: 'summary', label: 'summary', flag: '--summary', type: 'text' },
      { column: 'thanks_owed', label: 'thanks', flag: '--thanks', type: 'flag' },
      { column: 'thanked_on', label: 'thanked on', type: 'date' },
      { column: 'no_reply', label: 'no reply', flag: '--no-reply', type: 'flag' },
      { column: 'snoozed_until', label: 'snoozed until', type: 'date' },
      { column: 'note', label: 'note', type: 'text' },
      { column: 'intro_of', label: 'introduction of', type: 'contact' },
      { column: 'intro_by_me', label: 'your introduction', type: 'flag' },
    ],
    links: { interaction_contacts: 'people' },
    internal: ['id', 'uuid', 'created_at', 'recorded_on', 'planned', 'sources'],
    derived: [],
  },
  {
    name: 'lead',
    prefix: 'l',
    table: 'leads',
    noun: 'lead',
    fields: [
      { column: 'source_id', label: 'given by', type: 'contact' },
      { column: 'what', label: 'what', flag: '--what', type: 'required-text' },
      { column: 'person_id', label: 'person', flag: '--person', type: 'contact' },
      { column: 'company', label: 'company', flag: '--company', type: 'text' },
      { column: 'job', label: 'job', flag: '--job', type: 'text' },
      { column: 'given_on', label: 'on', flag: '--on', type: 'date' },
      { column: 'status', label: 'status', type: 'text' },
      { column: 'followed_on', label: 'followed on', type: 'date' },
      { column: 'reported_on', label: 'reported on', type: 'date' },
      { column: 'outcome', label: 'outcome', type: 'text' },
      { column: 'snoozed_until', label: 'snoozed until', type: 'date' },
      { column: 'note', label: 'note', type: 'text' },
      { column: 'news', label: 'news', type: 'text' },
      { column: 'news_on', label: 'news on', type: 'date' },
    ],
    internal: ['id', 'uuid', 'created_at', 'recorded_on'],
    derived: [],
  },
  {
    name: 'promise',
    prefix: 'p',
    table: 'promises',
    noun: 'promise',
    fields: [
      { column: 'contact_id', label: 'with', type: 'contact' },
      { column: 'what', label: 'what', flag: '--what', type: 'required-text' },
      { column: 'direction', label: 'direction', type: 'text' },
      { column: 'made_on', label: 'on', flag: '--on', type: 'date' },
      { column: 'by_date', label: 'by', flag: '--by', type: 'date', ahead: 'deadline' },
      { column: 'status', label: 'status', type: 'text' },
      { column: 'closed_on', label: 'closed on', type: 'date' },
      { column: 'nudges', label: 'nudges', type: 'text' },
      { column: 'last_nudged_on', label: 'last nudged on', type: 'date' },
      { column: 'snoozed_until', label: 'snoozed until', type: 'date' },
      { column: 'note', label: 'note', type: 'text' },
      { column: 'thanks_owed', label: 'thanks', type: 'flag' },
      { column: 'thanked_on', label: 'thanked on', type: 'date' },
    ],
    internal: ['id', 'uuid', 'created_at', 'recorded_on'],
    derived: [],
  },
  {
    name: 'need',
    prefix: 'n',
    table: 'needs',
    noun: 'need',
    fields: [
      { column: 'contact_id', label: 'of', type: 'contact' },
      { column: 'what', label: 'what', flag: '--what', type: 'required-text' },
      { column: 'noted_on', label: 'on', flag: '--on', type: 'date' },
      { column: 'status', label: 'status', type: 'text' },
      { column: 'closed_on', label: 'closed on', type: 'date' },
    ],
    internal: ['id', 'uuid', 'created_at', 'recorded_on'],
    derived: [],
  },
  {
    name: 'note',
    prefix: 'm',
    table: 'notes',
    noun: 'note',
    fields: [
      { column: 'contact_id', label: 'about', type: 'contact' },
      { column: 'text', label: 'text', flag: '--what', type: 'required-text' },
      { column: 'on_date', label: 'on', flag: '--on', type: 'date' },
    ],
    internal: ['id', 'uuid', 'created_at'],
    derived: [],
  },
  {
    name: 'job',
    prefix: 'j',
    table: 'jobs',
    noun: 'application',
    fields: [
      { column: 'title', label: 'title', flag: '--title', type: 'required-text' },
      { column: 'company', label: 'company', flag: '--company', type: 'required-text' },
      { column: 'url', label: 'url', flag: '--url', type: 'text' },
      { column: 'via_id', label: 'referred by', flag: '--via', type: 'contact' },
      { column: 'lead_id', label: 'lead', flag: '--lead', type: 'lead' },
      { column: 'stage', label: 'stage', flag: '--stage', type: 'job-stage' },
      { column: 'stage_on', label: 'in stage since', type: 'date' },
      { column: 'started_on', label: 'on', flag: '--on', type: 'date' },
      { column: 'asked_on', label: 'asked on', type: 'date' },
      { column: 'landed_on', label: 'landed on', type: 'date' },
      { column: 'note', label: 'note', flag: '--note', type: 'text' },
      { column: 'snoozed_until', label: 'snoozed until', type: 'date' },
    ],
    links: { job_contacts: 'people' },
    internal: ['id', 'uuid', 'created_at', 'recorded_on', 'landed_after'],
    derived: [],
  },
];

export const KINDS: ReadonlyMap<KindName, RecordKind> = new Map(KINDS_LIST.map((k) => [k.name, k]));

/** Every kind, in the order people meet them. */
export function recordKinds(): readonly RecordKind[] {
  return KINDS_LIST;
}

export function kindOfTable(table: string): RecordKind | undefined {
  return KINDS_LIST.find((k) => k.table === table || (k.links !== undefined && table in k.links));
}

export function kindByPrefix(prefix: string): RecordKind | undefined {
  return KINDS_LIST.find((k) => k.prefix === prefix.toLowerCase());
}

export interface RecordId {
  kind: RecordKind;
  id: number;
}

/** `i12`, `l3`, `p7`, `n2`, `j4` (any case): a record other than a contact, else null. */
export function parseRecordId(text: string): RecordId | null {
  const m = /^([a-z])(\d{1,15})$/i.exec(text.trim());
  if (!m) return null;
  const kind = kindByPrefix(m[1] ?? '');
  if (!kind || kind.name === 'contact') return null;
  return { kind, id: Number(m[2]) };
}

/** How a record is named in messages: `i12`, or `#5` for a contact. */
export function recordLabel(kind: RecordKind, id: number): string {
  return kind.name === 'contact' ? `#${id}` : `${kind.prefix}${id}`;
}
