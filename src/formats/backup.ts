// The `net-journal` JSON backup format, version 2 (documented in the README): writing it
// from the journal's records and reading it back, refusing anything it cannot restore.
import { FIRST_DATE, LAST_DATE, MAX_CADENCE_DAYS, MAX_STORED_NUDGES, isJournalDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import {
  type Contact,
  type DatedNote,
  type Interaction,
  type Lead,
  type Need,
  type Pledge,
  INTERACTION_KINDS,
  LEAD_STATUSES,
  NEED_STATUSES,
  PROMISE_STATUSES,
} from '../core/types.js';
import { emptySet, type ImportSet } from './types.js';

export const BACKUP_FORMAT = 'net-journal';
/** 2 added `notes` (dated notes); a version 1 file, which has none, still imports. */
export const BACKUP_VERSION = 2;

export interface JournalRecords {
  contacts: readonly Contact[];
  interactions: readonly Interaction[];
  leads: readonly Lead[];
  promises: readonly Pledge[];
  needs: readonly Need[];
  notes: readonly DatedNote[];
}

/** The backup object for a journal's records, each kind in the order it was recorded. */
export function toBackup(r: JournalRecords, exportedAt: string) {
  const uuid = new Map(r.contacts.map((c) => [c.id, c.uuid]));
  const u = (id: number) => {
    const v = uuid.get(id);
    if (v === undefined) throw new Error(`contact ${id} missing from export`);
    return v;
  };
  const byId = <T extends { id: number }>(xs: readonly T[]) => [...xs].sort((a, b) => a.id - b.id);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exported_at: exportedAt,
    contacts: byId(r.contacts).map((c) => ({
      uuid: c.uuid,
      name: c.name,
      company: c.company,
      role: c.role,
      email: c.email,
      phone: c.phone,
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
    })),
    interactions: byId(r.interactions).map((i) => ({
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
    })),
    leads: byId(r.leads).map((l) => ({
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
    })),
    promises: byId(r.promises).map((p) => ({
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
    })),
    needs: byId(r.needs).map((n) => ({
      uuid: n.uuid,
      contact: u(n.contact.id),
      what: n.what,
      noted_on: n.notedOn,
      status: n.status,
      closed_on: n.closedOn,
      recorded_on: n.recordedOn ?? null,
    })),
    notes: byId(r.notes).map((m) => ({
      uuid: m.uuid,
      contact: u(m.contact.id),
      on: m.on,
      text: m.text,
    })),
  };
}

type Obj = Record<string, unknown>;

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

  /** A panel's people thanked one by one: `[{contact, on}]`. */
  thanked(): Array<{ contact: string; on: string }> {
    const v = this.value('thanked', false);
    if (v === null || v === undefined) return [];
    const ok = Array.isArray(v) && v.every((t) => typeof t === 'object' && t !== null && typeof t.contact === 'string' && typeof t.on === 'string' && isJournalDate(t.on));
    if (!ok) this.fail('has "thanked" that is not a list of {"contact": uuid, "on": YYYY-MM-DD}');
    return v as Array<{ contact: string; on: string }>;
  }

  strings(key: string, required = false): string[] {
    const v = this.value(key, required);
    if (v === null || v === undefined) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) this.fail(`has "${key}" that is not a list of text`);
    return v as string[];
  }
}

function records(doc: Obj, key: string, file: string): Obj[] {
  if (!(key in doc)) throw new UsageError(`${file}: the backup has no "${key}" list. Fix the file and import again; nothing was imported.`);
  const v = doc[key];
  if (!Array.isArray(v)) throw new UsageError(`${file}: "${key}" is not a list. Fix the file and import again; nothing was imported.`);
  return v.map((x, i) => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) {
      throw new UsageError(`${file}: ${key}[${i}] is not an object. Fix the file and import again; nothing was imported.`);
    }
    return x as Obj;
  });
}

/**
 * Parses and checks a backup. Unknown keys are ignored; a missing required key, a bad
 * value, a newer version or a reference to a contact that is neither in the file nor in
 * `knownUuids` is refused, naming the record.
 */
export function parseBackup(text: string, file: string, knownUuids: (uuid: string) => boolean): ImportSet {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError(`${file} is not valid JSON (${(err as Error).message}). Import a file written by net export.`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new UsageError(`${file} is not a net backup: it is not a JSON object.`);
  const d = doc as Obj;
  if (d.format !== BACKUP_FORMAT) throw new UsageError(`${file} is not a net backup: "format" is not "${BACKUP_FORMAT}".`);
  if (typeof d.version !== 'number' || !Number.isInteger(d.version) || d.version < 1) {
    throw new UsageError(`${file}: "version" must be a whole number (this net writes ${BACKUP_VERSION}).`);
  }
  if (d.version > BACKUP_VERSION) {
    throw new UsageError(`${file} was written by a newer version of net (backup version ${d.version}; this one reads up to ${BACKUP_VERSION}). Update net to import it.`);
  }
  const set = emptySet('json');
  const inFile = new Set<string>();
  const seen = (kind: string, uuid: string, where: string) => {
    const key = `${kind}:${uuid}`;
    if (inFile.has(key)) throw new UsageError(`${file}: ${where} repeats uuid ${uuid}. Fix the file and import again; nothing was imported.`);
    inFile.add(key);
  };
  records(d, 'contacts', file).forEach((o, i) => {
    const where = `contacts[${i}]`;
    const f = new Fields(o, where, file);
    const uuid = f.text('uuid');
    seen('contact', uuid, where);
    set.contacts.push({
      where: `${where} (${String(o.name ?? '')})`,
      uuid,
      name: f.text('name'),
      company: f.optText('company'),
      role: f.optText('role'),
      email: f.optText('email'),
      phone: f.optText('phone'),
      url: f.optText('url'),
      metWhere: f.optText('met_where'),
      metOn: f.optDate('met_on'),
      introducedBy: f.optText('introduced_by'),
      tags: f.strings('tags'),
      notes: f.optText('notes'),
      cadenceDays: f.optInt('cadence_days', MAX_CADENCE_DAYS) || null,
      archived: f.bool('archived'),
      snoozedUntil: f.optDate('snoozed_until'),
      createdAt: f.optText('created_at') ?? undefined,
      ...recorded(f),
      cadencePending: f.bool('cadence_pending'),
    });
  });
  const contactUuids = new Set(set.contacts.map((c) => c.uuid));
  const ref = (uuid: string | null, where: string, key: string) => {
    if (uuid !== null && !contactUuids.has(uuid) && !knownUuids(uuid)) {
      throw new UsageError(`${file}: ${where} has "${key}" ${uuid}, which is no contact in the file or the journal. Fix the file and import again; nothing was imported.`);
    }
    return uuid;
  };
  set.contacts.forEach((c) => ref(c.introducedBy ?? null, c.where, 'introduced_by'));
  records(d, 'interactions', file).forEach((o, i) => {
    const where = `interactions[${i}]`;
    const f = new Fields(o, where, file);
    const uuid = f.text('uuid');
    seen('interaction', uuid, where);
    const contacts = f.strings('contacts', true);
    if (contacts.length === 0) throw new UsageError(`${file}: ${where} names no contacts. Fix the file and import again; nothing was imported.`);
    contacts.forEach((c) => ref(c, where, 'contacts'));
    set.interactions.push({
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
      introOf: ref(f.optText('intro_of'), where, 'intro_of'),
      introByMe: f.bool('intro_by_me'),
      thanked: f.thanked().map((t) => ({ contact: ref(t.contact, where, 'thanked') as string, on: t.on })),
    });
  });
  records(d, 'leads', file).forEach((o, i) => {
    const where = `leads[${i}]`;
    const f = new Fields(o, where, file);
    const uuid = f.text('uuid');
    seen('lead', uuid, where);
    set.leads.push({
      uuid,
      source: ref(f.text('source'), where, 'source') as string,
      what: f.text('what'),
      person: ref(f.optText('person'), where, 'person'),
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
    });
  });
  records(d, 'promises', file).forEach((o, i) => {
    const where = `promises[${i}]`;
    const f = new Fields(o, where, file);
    const uuid = f.text('uuid');
    seen('promise', uuid, where);
    set.promises.push({
      uuid,
      contact: ref(f.text('contact'), where, 'contact') as string,
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
    });
  });
  records(d, 'needs', file).forEach((o, i) => {
    const where = `needs[${i}]`;
    const f = new Fields(o, where, file);
    const uuid = f.text('uuid');
    seen('need', uuid, where);
    set.needs.push({
      uuid,
      contact: ref(f.text('contact'), where, 'contact') as string,
      what: f.text('what'),
      notedOn: f.date('noted_on'),
      status: f.oneOf('status', NEED_STATUSES),
      closedOn: f.optDate('closed_on'),
      ...recorded(f),
    });
  });
  // Version 1 had no notes; from version 2 the list is required like the others.
  if (d.version >= 2 || 'notes' in d) {
    records(d, 'notes', file).forEach((o, i) => {
      const where = `notes[${i}]`;
      const f = new Fields(o, where, file);
      const uuid = f.text('uuid');
      seen('note', uuid, where);
      set.notes.push({ uuid, contact: ref(f.text('contact'), where, 'contact') as string, on: f.date('on'), text: f.text('text') });
    });
  }
  return set;
}
