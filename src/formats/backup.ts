// The `net-journal` JSON backup format (documented in the README): writing it from the
// journal's records and reading it back, refusing anything it cannot restore.
import { FIRST_DATE, LAST_DATE, MAX_CADENCE_DAYS, MAX_STORED_NUDGES, isJournalDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { isPhoneType } from '../core/phones.js';
import {
  type Contact,
  type DatedNote,
  type Interaction,
  type Job,
  type Lead,
  type Need,
  type Pledge,
  INTERACTION_KINDS,
  JOB_STAGES,
  LEAD_STATUSES,
  NEED_STATUSES,
  PROMISE_STATUSES,
} from '../core/types.js';
import { checkContact, type ImportContact, type ImportInteraction, type ImportJob, type ImportLead, type ImportNeed, type ImportNote, type ImportPledge } from './types.js';

export const BACKUP_FORMAT = 'net-journal';
/**
 * Version 2 added `notes` (dated notes) and the contacts' given_name, family_name and
 * phone_type; version 3 added `jobs` (applications); version 4 the people snoozed on
 * their own (`snoozed` on an interaction, `snoozed_until` on an application's people), so
 * that a net that would drop them refuses the file instead. Older files still import.
 */
export const BACKUP_VERSION = 4;

export interface JournalRecords {
  contacts: readonly Contact[];
  interactions: readonly Interaction[];
  leads: readonly Lead[];
  promises: readonly Pledge[];
  needs: readonly Need[];
  notes: readonly DatedNote[];
  jobs?: readonly Job[];
}

/** A contact's uuid by id; throws for a contact that is not in the export. */
type UuidOf = (id: number) => string;

function uuidLookup(uuids: ReadonlyMap<number, string>): UuidOf {
  return (id) => {
    const v = uuids.get(id);
    if (v === undefined) throw new Error(`contact ${id} missing from export`);
    return v;
  };
}

function contactRecord(c: Contact, u: UuidOf) {
  return {
    uuid: c.uuid,
    name: c.name,
    given_name: c.givenName,
    family_name: c.familyName,
    company: c.company,
    role: c.role,
    email: c.email,
    phone: c.phone,
    phone_type: c.phoneType,
    url: c.url,
    met_where: c.metWhere,
    met_on: c.metOn,
    introduced_by: c.introducedBy ? u(c.introducedBy.id) : null,
    tags: c.tags,
    notes: c.notes,
    cadence_days: c.cadenceDays,
    archived: c.archived,
    snoozed_until: c.snoozedUntil,
    created_at: c.createdAt,
    recorded_on: c.recordedOn ?? null,
    cadence_pending: c.cadencePending ?? false,
  };
}

function interactionRecord(i: Interaction, u: UuidOf) {
  return {
    uuid: i.uuid,
    contacts: i.contacts.map((c) => u(c.id)),
    on: i.on,
    kind: i.kind,
    summary: i.summary,
    thanks_owed: i.thanksOwed,
    thanked_on: i.thankedOn,
    no_reply: i.noReply,
    snoozed_until: i.snoozedUntil,
    recorded_on: i.recordedOn ?? null,
    note: i.note ?? null,
    intro_of: i.introOf ? u(i.introOf.id) : null,
    intro_by_me: i.introByMe ?? false,
    thanked: (i.thankedPeople ?? []).map((t) => ({ contact: u(t.id), on: t.on })),
    snoozed: (i.snoozedPeople ?? []).map((s) => ({ contact: u(s.id), until: s.until })),
    sources: i.sources ?? [],
  };
}

function leadRecord(l: Lead, u: UuidOf) {
  return {
    uuid: l.uuid,
    source: u(l.source.id),
    what: l.what,
    person: l.person ? u(l.person.id) : null,
    company: l.company,
    job: l.job,
    given_on: l.givenOn,
    status: l.status,
    followed_on: l.followedOn,
    reported_on: l.reportedOn,
    outcome: l.outcome,
    snoozed_until: l.snoozedUntil,
    recorded_on: l.recordedOn ?? null,
    note: l.note ?? null,
    news: l.news ?? null,
    news_on: l.newsOn ?? null,
  };
}

function promiseRecord(p: Pledge, u: UuidOf) {
  return {
    uuid: p.uuid,
    contact: u(p.contact.id),
    what: p.what,
    direction: p.direction,
    made_on: p.madeOn,
    by: p.by,
    status: p.status,
    closed_on: p.closedOn,
    nudges: p.nudges,
    last_nudged_on: p.lastNudgedOn,
    snoozed_until: p.snoozedUntil,
    recorded_on: p.recordedOn ?? null,
    note: p.note ?? null,
    thanks_owed: p.thanksOwed ?? false,
    thanked_on: p.thankedOn ?? null,
  };
}

function noteRecord(m: DatedNote, u: UuidOf) {
  return { uuid: m.uuid, contact: u(m.contact.id), on: m.on, text: m.text };
}

function jobRecord(x: Job, u: UuidOf) {
  return {
    uuid: x.uuid,
    title: x.title,
    company: x.company,
    url: x.url,
    via: x.via ? u(x.via.id) : null,
    lead: x.lead?.uuid ?? null,
    stage: x.stage,
    stage_on: x.stageOn,
    started_on: x.startedOn,
    asked_on: x.askedOn,
    landed_on: x.landedOn,
    note: x.note,
    snoozed_until: x.snoozedUntil,
    recorded_on: x.recordedOn ?? null,
    people: x.people.map((p) => ({ contact: u(p.contact.id), met: p.met, helped: p.helped, told_on: p.toldOn, snoozed_until: p.snoozedUntil ?? null })),
  };
}

function needRecord(n: Need, u: UuidOf) {
  return {
    uuid: n.uuid,
    contact: u(n.contact.id),
    what: n.what,
    noted_on: n.notedOn,
    status: n.status,
    closed_on: n.closedOn,
    recorded_on: n.recordedOn ?? null,
  };
}

/** The backup object for a journal's records, each kind in the order it was recorded. */
export function toBackup(r: JournalRecords, exportedAt: string) {
  const u = uuidLookup(new Map(r.contacts.map((c) => [c.id, c.uuid])));
  const byId = <T extends { id: number }>(xs: readonly T[]) => [...xs].sort((a, b) => a.id - b.id);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exported_at: exportedAt,
    contacts: byId(r.contacts).map((c) => contactRecord(c, u)),
    interactions: byId(r.interactions).map((i) => interactionRecord(i, u)),
    leads: byId(r.leads).map((l) => leadRecord(l, u)),
    promises: byId(r.promises).map((p) => promiseRecord(p, u)),
    needs: byId(r.needs).map((n) => needRecord(n, u)),
    notes: byId(r.notes).map((m) => noteRecord(m, u)),
    jobs: byId(r.jobs ?? []).map((x) => jobRecord(x, u)),
  };
}

/** A journal's records one at a time, each kind in id order (see `Contacts.each`). */
export interface RecordStreams {
  uuids: ReadonlyMap<number, string>;
  contacts: Iterable<Contact>;
  interactions: Iterable<Interaction>;
  leads: Iterable<Lead>;
  promises: Iterable<Pledge>;
  needs: Iterable<Need>;
  notes: Iterable<DatedNote>;
  jobs?: Iterable<Job>;
}

/** One list of the backup, as `JSON.stringify(…, null, 2)` lays it out inside the object. */
function* section(key: string, items: Iterable<unknown>, last: boolean): Generator<string> {
  const end = last ? '' : ',';
  // Each record is written when the next one shows whether a comma follows it.
  let prev: string | null = null;
  for (const item of items) {
    yield prev === null ? `  ${JSON.stringify(key)}: [\n` : `${prev},\n`;
    prev = `    ${JSON.stringify(item, null, 2).replace(/\n/g, '\n    ')}`;
  }
  yield prev === null ? `  ${JSON.stringify(key)}: []${end}\n` : `${prev}\n  ]${end}\n`;
}

/**
 * The backup as text in pieces, each ending a line: exactly `JSON.stringify(toBackup(…),
 * null, 2)` and a newline, without ever holding the journal or the text whole, so that a
 * journal of any size exports.
 */
export function* backupText(r: RecordStreams, exportedAt: string): Generator<string> {
  const u = uuidLookup(r.uuids);
  yield `{\n  "format": ${JSON.stringify(BACKUP_FORMAT)},\n  "version": ${BACKUP_VERSION},\n  "exported_at": ${JSON.stringify(exportedAt)},\n`;
  yield* section('contacts', map(r.contacts, (c) => contactRecord(c, u)), false);
  yield* section('interactions', map(r.interactions, (i) => interactionRecord(i, u)), false);
  yield* section('leads', map(r.leads, (l) => leadRecord(l, u)), false);
  yield* section('promises', map(r.promises, (p) => promiseRecord(p, u)), false);
  yield* section('needs', map(r.needs, (n) => needRecord(n, u)), false);
  yield* section('notes', map(r.notes, (m) => noteRecord(m, u)), false);
  yield* section('jobs', map(r.jobs ?? [], (x) => jobRecord(x, u)), true);
  yield '}\n';
}

function* map<T, U>(xs: Iterable<T>, f: (x: T) => U): Generator<U> {
  for (const x of xs) yield f(x);
}

type Obj = Record<string, unknown>;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** File text shown in a message: control characters as `?`, and not too long. */
function printable(s: string): string {
  return s.replace(/\p{C}/gu, '?').slice(0, 60);
}

/** `recorded_on` when the backup has it (older ones do not: the record's own date stands for it then). */
function recorded(f: Fields): { recordedOn?: string } {
  const on = f.optDate('recorded_on');
  return on === null ? {} : { recordedOn: on };
}

/** Reads one record's fields with checks, naming the record in every error. */
class Fields {
  constructor(
    private readonly o: Obj,
    private readonly where: string,
    private readonly file: string,
  ) {}

  private fail(msg: string): never {
    throw new UsageError(`${this.file}: ${this.where} ${msg}. Fix the file and import again; nothing was imported.`);
  }

  private value(key: string, required: boolean): unknown {
    if (!(key in this.o)) {
      if (required) this.fail(`has no "${key}"`);
      return null;
    }
    return this.o[key];
  }

  /** A record's uuid or a reference to one: anything else could smuggle lines into a vCard. */
  uuid(key: string): string {
    const v = this.text(key);
    if (!UUID_RE.test(v)) this.fail(`has "${key}" "${printable(v)}", which is not a uuid (like 1b4e28ba-2fa1-41d2-883f-0016d3cca427)`);
    return v.toLowerCase();
  }

  optUuid(key: string): string | null {
    const v = this.optText(key);
    if (v === null) return null;
    if (!UUID_RE.test(v)) this.fail(`has "${key}" "${printable(v)}", which is not a uuid (like 1b4e28ba-2fa1-41d2-883f-0016d3cca427)`);
    return v.toLowerCase();
  }

  uuids(key: string): string[] {
    const v = this.strings(key, true);
    const bad = v.find((u) => !UUID_RE.test(u));
    if (bad !== undefined) this.fail(`has "${key}" with "${printable(bad)}", which is not a uuid`);
    return v.map((u) => u.toLowerCase());
  }

  timestamp(key: string): string | null {
    const v = this.optText(key);
    if (v !== null && (!TIMESTAMP_RE.test(v) || Number.isNaN(Date.parse(v)))) this.fail(`has "${key}" "${printable(v)}", which is not an ISO-8601 time`);
    return v;
  }

  phoneType(key: string): string | null {
    const v = this.optText(key);
    if (v !== null && !isPhoneType(v)) this.fail(`has "${key}" "${printable(v)}"; expected vCard phone types such as cell, work or work,fax`);
    return v;
  }

  text(key: string): string {
    const v = this.value(key, true);
    if (typeof v !== 'string' || v.trim() === '') this.fail(`needs "${key}" as non-empty text`);
    return v;
  }

  optText(key: string): string | null {
    const v = this.value(key, false);
    if (v === null || v === undefined) return null;
    if (typeof v !== 'string') this.fail(`has "${key}" that is not text`);
    return v;
  }

  date(key: string): string {
    const v = this.text(key);
    if (!isJournalDate(v)) this.fail(`has "${key}" "${v}", which is not a YYYY-MM-DD date from ${FIRST_DATE} to ${LAST_DATE}`);
    return v;
  }

  optDate(key: string): string | null {
    const v = this.optText(key);
    if (v !== null && !isJournalDate(v)) this.fail(`has "${key}" "${v}", which is not a YYYY-MM-DD date from ${FIRST_DATE} to ${LAST_DATE}`);
    return v;
  }

  bool(key: string): boolean {
    const v = this.value(key, false);
    if (v === null || v === undefined) return false;
    if (typeof v !== 'boolean') this.fail(`has "${key}" that is not true or false`);
    return v;
  }

  /** A whole number from 0 to `max` (1e21 is an integer to JavaScript, not to a journal). */
  optInt(key: string, max: number): number | null {
    const v = this.value(key, false);
    if (v === null || v === undefined) return null;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) this.fail(`has "${key}" ${JSON.stringify(v)}, which is not a whole number from 0 to ${max}`);
    return v;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T {
    const v = this.text(key);
    if (!(allowed as readonly string[]).includes(v)) this.fail(`has "${key}" "${v}"; expected one of ${allowed.join(', ')}`);
    return v as T;
  }

  /** An application's people: `[{contact, met, helped, told_on}]`. */
  jobPeople(): Array<{ contact: string; met: boolean; helped: string | null; toldOn: string | null; snoozedUntil: string | null }> {
    const v = this.value('people', false);
    if (v === null || v === undefined) return [];
    if (!Array.isArray(v)) this.fail('has "people" that is not a list');
    return (v as unknown[]).map((p, i) => {
      if (typeof p !== 'object' || p === null || Array.isArray(p)) this.fail(`has people[${i}] that is not an object`);
      const f = new Fields(p as Obj, `${this.where} people[${i}]`, this.file);
      return { contact: f.uuid('contact'), met: f.bool('met'), helped: f.optText('helped'), toldOn: f.optDate('told_on'), snoozedUntil: f.optDate('snoozed_until') };
    });
  }

  /** A panel's people thanked one by one: `[{contact, on}]`. */
  thanked(): Array<{ contact: string; on: string }> {
    return this.personDays('thanked', 'on').map((t) => ({ contact: t.contact, on: t.day }));
  }

  /** A panel's people whose thank-you is snoozed on its own: `[{contact, until}]`; absent from older backups. */
  snoozed(): Array<{ contact: string; until: string }> {
    return this.personDays('snoozed', 'until').map((t) => ({ contact: t.contact, until: t.day }));
  }

  /** A list of `{"contact": uuid, "<day>": YYYY-MM-DD}`. */
  private personDays(key: string, day: string): Array<{ contact: string; day: string }> {
    const v = this.value(key, false);
    if (v === null || v === undefined) return [];
    const ok = Array.isArray(v) && v.every((t) => typeof t === 'object' && t !== null && typeof t.contact === 'string' && UUID_RE.test(t.contact) && typeof t[day] === 'string' && isJournalDate(t[day]));
    if (!ok) this.fail(`has "${key}" that is not a list of {"contact": uuid, "${day}": YYYY-MM-DD}`);
    return (v as Array<Record<string, string>>).map((t) => ({ contact: (t.contact ?? '').toLowerCase(), day: t[day] ?? '' }));
  }

  strings(key: string, required = false): string[] {
    const v = this.value(key, required);
    if (v === null || v === undefined) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) this.fail(`has "${key}" that is not a list of text`);
    return v as string[];
  }
}

/** The lists of a backup, in the order net writes them; the records of each kind. */
export const BACKUP_LISTS = ['contacts', 'interactions', 'leads', 'promises', 'needs', 'notes', 'jobs'] as const;
export type BackupList = (typeof BACKUP_LISTS)[number];

/** One checked record of a backup, and where it is in the file (for messages). References are uuids, checked by the importer. */
export type BackupRecord =
  | { list: 'contacts'; where: string; record: ImportContact & { uuid: string } }
  | { list: 'interactions'; where: string; record: ImportInteraction }
  | { list: 'leads'; where: string; record: ImportLead }
  | { list: 'promises'; where: string; record: ImportPledge }
  | { list: 'needs'; where: string; record: ImportNeed }
  | { list: 'notes'; where: string; record: ImportNote }
  | { list: 'jobs'; where: string; record: ImportJob };

/** The checks of the header: a net backup of a version this net reads. */
export function checkHeader(format: unknown, version: unknown, file: string): void {
  if (format !== BACKUP_FORMAT) throw new UsageError(`${file} is not a net backup: "format" is not "${BACKUP_FORMAT}".`);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new UsageError(`${file}: "version" must be a whole number (this net writes ${BACKUP_VERSION}).`);
  }
  if (version > BACKUP_VERSION) {
    throw new UsageError(`${file} was written by a newer version of net (backup version ${version}; this one reads up to ${BACKUP_VERSION}). Update net to import it.`);
  }
}

/**
 * Checks one record of one of the lists (`value` is `list[index]` as parsed) and gives
 * it as the importer takes it. Unknown keys are ignored; a missing required key or a bad
 * value is refused, naming the record.
 */
export function backupRecord(list: BackupList, index: number, value: unknown, file: string): BackupRecord {
  const where = `${list}[${index}]`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`${file}: ${where} is not an object. Fix the file and import again; nothing was imported.`);
  }
  const o = value as Obj;
  const f = new Fields(o, where, file);
  switch (list) {
    case 'contacts': {
      const c = {
        where: `${where} (${printable(String(o.name ?? ''))})`,
        uuid: f.uuid('uuid'),
        name: f.text('name'),
        givenName: f.optText('given_name'),
        familyName: f.optText('family_name'),
        company: f.optText('company'),
        role: f.optText('role'),
        email: f.optText('email'),
        phone: f.optText('phone'),
        phoneType: f.phoneType('phone_type'),
        url: f.optText('url'),
        metWhere: f.optText('met_where'),
        metOn: f.optDate('met_on'),
        introducedBy: f.optUuid('introduced_by'),
        tags: f.strings('tags'),
        notes: f.optText('notes'),
        cadenceDays: f.optInt('cadence_days', MAX_CADENCE_DAYS) || null,
        archived: f.bool('archived'),
        snoozedUntil: f.optDate('snoozed_until'),
        createdAt: f.timestamp('created_at') ?? undefined,
        ...recorded(f),
        cadencePending: f.bool('cadence_pending'),
      };
      checkContact(c, file);
      return { list, where: c.where, record: c };
    }
    case 'interactions': {
      const uuid = f.uuid('uuid');
      const contacts = f.uuids('contacts');
      if (contacts.length === 0) throw new UsageError(`${file}: ${where} names no contacts. Fix the file and import again; nothing was imported.`);
      return {
        list,
        where,
        record: {
          uuid,
          contacts,
          on: f.date('on'),
          kind: f.oneOf('kind', INTERACTION_KINDS),
          summary: f.optText('summary'),
          thanksOwed: f.bool('thanks_owed'),
          thankedOn: f.optDate('thanked_on'),
          noReply: f.bool('no_reply'),
          snoozedUntil: f.optDate('snoozed_until'),
          ...recorded(f),
          note: f.optText('note'),
          introOf: f.optUuid('intro_of'),
          introByMe: f.bool('intro_by_me'),
          thanked: f.thanked(),
          snoozed: f.snoozed(),
          // What a calendar or mail import knows it by; absent from backups older than schema 15.
          sources: f.strings('sources'),
        },
      };
    }
    case 'leads':
      return {
        list,
        where,
        record: {
          uuid: f.uuid('uuid'),
          source: f.uuid('source'),
          what: f.text('what'),
          person: f.optUuid('person'),
          company: f.optText('company'),
          job: f.optText('job'),
          givenOn: f.date('given_on'),
          status: f.oneOf('status', LEAD_STATUSES),
          followedOn: f.optDate('followed_on'),
          reportedOn: f.optDate('reported_on'),
          outcome: f.optText('outcome'),
          snoozedUntil: f.optDate('snoozed_until'),
          ...recorded(f),
          note: f.optText('note'),
          news: f.optText('news'),
          newsOn: f.optDate('news_on'),
        },
      };
    case 'promises':
      return {
        list,
        where,
        record: {
          uuid: f.uuid('uuid'),
          contact: f.uuid('contact'),
          what: f.text('what'),
          direction: f.oneOf('direction', ['mine', 'theirs'] as const),
          madeOn: f.date('made_on'),
          by: f.optDate('by'),
          status: f.oneOf('status', PROMISE_STATUSES),
          closedOn: f.optDate('closed_on'),
          nudges: f.optInt('nudges', MAX_STORED_NUDGES) ?? 0,
          lastNudgedOn: f.optDate('last_nudged_on'),
          snoozedUntil: f.optDate('snoozed_until'),
          ...recorded(f),
          note: f.optText('note'),
          thanksOwed: f.bool('thanks_owed'),
          thankedOn: f.optDate('thanked_on'),
        },
      };
    case 'needs':
      return {
        list,
        where,
        record: {
          uuid: f.uuid('uuid'),
          contact: f.uuid('contact'),
          what: f.text('what'),
          notedOn: f.date('noted_on'),
          status: f.oneOf('status', NEED_STATUSES),
          closedOn: f.optDate('closed_on'),
          ...recorded(f),
        },
      };
    case 'notes':
      return { list, where, record: { uuid: f.uuid('uuid'), contact: f.uuid('contact'), on: f.date('on'), text: f.text('text') } };
    case 'jobs': {
      const startedOn = f.date('started_on');
      return {
        list,
        where,
        record: {
          uuid: f.uuid('uuid'),
          title: f.text('title'),
          company: f.text('company'),
          url: f.optText('url'),
          via: f.optUuid('via'),
          lead: f.optUuid('lead'),
          stage: f.oneOf('stage', JOB_STAGES),
          stageOn: f.optDate('stage_on') ?? startedOn,
          startedOn,
          askedOn: f.optDate('asked_on'),
          landedOn: f.optDate('landed_on'),
          note: f.optText('note'),
          snoozedUntil: f.optDate('snoozed_until'),
          ...recorded(f),
          people: f.jobPeople(),
        },
      };
    }
  }
}
