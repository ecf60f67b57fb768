// Bringing a parsed file into the journal: a person already there (same uuid, email,
// profile URL or phone, same name and company, or same name, no company and no email,
// phone or URL that tells them apart) is updated, never duplicated, and never silently overwritten. Matching goes
// through the contacts' indexed keys, so an import holds no list of everyone in memory.
// The caller runs this inside one write transaction.
import { matchKey } from '../core/names.js';
import { phoneKey } from '../core/phones.js';
import { UsageError } from '../core/errors.js';
import { TooManyTagsError } from '../core/tags.js';
import type { BackupList, BackupRecord } from '../formats/backup.js';
import type { ImportContact, ImportFormat, ImportInteraction, ImportJob, ImportLead, ImportNeed, ImportNote, ImportPledge, ImportSet } from '../formats/types.js';
import type { Row } from './db.js';
import type { Journal } from './journal.js';
import { emailKey, urlKey } from './keys.js';
import { indexRows, SEARCH_SOURCES, type SearchTable } from './migrations/002-search.js';
import { refreshActivity } from './migrations/013-etiquette.js';

export interface Conflict {
  name: string;
  field: string;
  journal: string;
  file: string;
}

/** Two contacts with one name that the file's email, phone or URL says are two people. */
export interface PossibleDuplicate {
  name: string;
  ids: [number, number];
}

/** What an import did. Lists keep their first few entries only; counts are exact. */
export interface ImportResult {
  added: number;
  addedNames: string[];
  updated: number;
  updatedNames: string[];
  unchanged: number;
  conflicts: Conflict[];
  conflictCount: number;
  duplicates: PossibleDuplicate[];
  duplicateCount: number;
  records: { interactions: number; leads: number; promises: number; needs: number; notes: number; jobs: number };
}

export interface ImportOptions {
  /** Cadence for added contacts that have none (`--every`). */
  cadenceDays?: number | null;
  onProgress?: (done: number, total: number) => void;
}

/** How many names, conflicts and duplicates a result keeps to show. */
const SAMPLE = 10;

const FILLABLE = [
  ['company', 'company'],
  ['role', 'role'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['url', 'URL'],
  ['metWhere', 'place met'],
  ['metOn', 'date met'],
  ['notes', 'notes'],
] as const;

/** Interactions from which an import rebuilds the contacts' indexes rather than keep them up to date. */
const BULK_REBUILD = 1000;

export function applyImport(j: Journal, set: ImportSet, opts: ImportOptions = {}): ImportResult {
  const run = new ImportRun(j, set.format, opts);
  const total = set.contactCount;
  let n = 0;
  for (const c of set.contacts) {
    if (opts.onProgress && n % 500 === 0) opts.onProgress(n, total);
    n++;
    run.contact(c);
  }
  opts.onProgress?.(total, total);
  if (set.interactions.length >= BULK_REBUILD) run.rebuildContactIndexesLater();
  for (const i of set.interactions) run.interaction(i);
  for (const l of set.leads) run.lead(l);
  for (const p of set.promises) run.promise(p);
  for (const x of set.needs) run.need(x);
  for (const m of set.notes) run.note(m);
  for (const x of set.jobs ?? []) run.job(x);
  return run.finish();
}

/**
 * Checks a JSON backup whole, as a stream (formats/backupfile.ts reads it), before anything
 * is written: on top of each record's own checks, that no uuid comes twice in a list, that
 * every reference names a contact of the file or of the journal (an introducer may come
 * later in the file than the person introduced), and an application's lead a lead of the
 * file. What it remembers to do so is in temporary tables of `j`'s connection (on disk,
 * like SQLite's other temporary tables here, and never in the journal): a file of any size
 * fits, and a journal that does not exist yet is not created.
 */
export function checkBackup(j: Journal, read: (visit: (r: BackupRecord) => void) => void, file: string): void {
  const db = j.db.raw;
  const fail = (where: string, msg: string): never => {
    throw new UsageError(`${file}: ${where} ${msg}. Fix the file and import again; nothing was imported.`);
  };
  // Temporary tables keep 2 MB of cache (SQLite's default would be 16 MB more memory).
  db.pragma('temp.cache_size = -2048');
  db.exec(`CREATE TEMP TABLE backup_seen (list TEXT NOT NULL, uuid TEXT NOT NULL, PRIMARY KEY (list, uuid)) WITHOUT ROWID;
    CREATE TEMP TABLE backup_introducers (uuid TEXT NOT NULL, "where" TEXT NOT NULL)`);
  try {
    const see = db.prepare('INSERT OR IGNORE INTO temp.backup_seen (list, uuid) VALUES (?, ?)');
    const inFile = db.prepare('SELECT 1 FROM temp.backup_seen WHERE list = ? AND uuid = ?');
    const inJournal = db.prepare('SELECT 1 FROM main.contacts WHERE uuid = ?');
    const later = db.prepare('INSERT INTO temp.backup_introducers (uuid, "where") VALUES (?, ?)');
    const contact = (uuid: string | null, where: string, key: string) => {
      if (uuid !== null && inFile.get('contacts', uuid) === undefined && inJournal.get(uuid) === undefined) {
        fail(where, `has "${key}" ${uuid}, which is no contact in the file or the journal`);
      }
    };
    let contactsDone = false;
    const endContacts = () => {
      if (contactsDone) return;
      contactsDone = true;
      const page = db.prepare('SELECT rowid, uuid, "where" FROM temp.backup_introducers WHERE rowid > ? ORDER BY rowid LIMIT 500');
      for (let last = 0, rows: Row[]; (rows = page.all(last) as Row[]).length > 0; ) {
        for (const r of rows) {
          last = Number(r.rowid);
          contact(String(r.uuid), String(r.where), 'introduced_by');
        }
      }
    };
    // Temporary tables only: one transaction for speed, which takes no lock on the journal.
    j.db.read(() =>
      read((r) => {
        if (r.list !== 'contacts') endContacts();
        if (see.run(r.list, r.record.uuid).changes === 0) fail(r.where, `repeats uuid ${r.record.uuid}`);
        switch (r.list) {
          case 'contacts':
            if (r.record.introducedBy) later.run(r.record.introducedBy, r.where);
            return;
          case 'interactions':
            r.record.contacts.forEach((c) => contact(c, r.where, 'contacts'));
            contact(r.record.introOf ?? null, r.where, 'intro_of');
            (r.record.thanked ?? []).forEach((t) => contact(t.contact, r.where, 'thanked'));
            (r.record.snoozed ?? []).forEach((s) => contact(s.contact, r.where, 'snoozed'));
            return;
          case 'leads':
            contact(r.record.source, r.where, 'source');
            contact(r.record.person, r.where, 'person');
            return;
          case 'jobs':
            contact(r.record.via, r.where, 'via');
            r.record.people.forEach((p) => contact(p.contact, r.where, 'people'));
            if (r.record.lead !== null && inFile.get('leads', r.record.lead) === undefined) fail(r.where, `has "lead" ${r.record.lead}, which is no lead in the file`);
            return;
          default:
            contact(r.record.contact, r.where, 'contact');
        }
      }),
    );
    endContacts();
  } finally {
    db.exec('DROP TABLE temp.backup_seen; DROP TABLE temp.backup_introducers');
  }
}

/**
 * Imports a JSON backup that `checkBackup` passed, record by record as `read` hands them
 * over, so that a backup of any size is never held whole. An introducer who comes later in
 * the file than the person introduced is set when the contacts end. Run it inside one write.
 */
export function applyBackup(j: Journal, read: (visit: (r: BackupRecord) => void) => void, opts: ImportOptions = {}): ImportResult {
  const run = new ImportRun(j, 'json', opts);
  let contactsDone = false;
  let interactions = 0;
  read((r) => {
    if (r.list !== 'contacts' && !contactsDone) {
      contactsDone = true;
      run.introducers();
    }
    switch (r.list) {
      case 'contacts':
        run.contact(r.record);
        run.introducer(r.record);
        return;
      case 'interactions':
        if (++interactions === BULK_REBUILD) run.rebuildContactIndexesLater();
        run.interaction(r.record);
        return;
      case 'leads':
        return run.lead(r.record);
      case 'promises':
        return run.promise(r.record);
      case 'needs':
        return run.need(r.record);
      case 'notes':
        return run.note(r.record);
      case 'jobs':
        return run.job(r.record);
    }
  });
  run.introducers();
  return run.finish();
}

interface Candidate {
  id: number;
  name: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  url: string | null;
}

/** True when the two have an email, phone or URL each and it differs: two people. */
function tellApart(a: Candidate, b: ImportContact): boolean {
  const differ = <T>(x: T | null, y: T | null) => x !== null && y !== null && x !== y;
  return (
    differ(a.email && emailKey(a.email), b.email ? emailKey(b.email) : null) ||
    differ(a.phone && phoneKey(a.phone), b.phone ? phoneKey(b.phone) : null) ||
    differ(a.url && urlKey(a.url), b.url ? urlKey(b.url) : null)
  );
}

/** A URL or phone written another way is the same value, not a difference to report. */
function sameValue(key: string, a: string, b: string): boolean {
  if (matchKey(a) === matchKey(b)) return true;
  if (key === 'url') return urlKey(a) === urlKey(b);
  if (key === 'phone') return phoneKey(a) !== null && phoneKey(a) === phoneKey(b);
  return false;
}

/** Things other tables of the journal hold by uuid, by the list of a backup that brings them. */
const TABLES: Record<BackupList, string> = { contacts: 'contacts', interactions: 'interactions', leads: 'leads', promises: 'promises', needs: 'needs', notes: 'notes', jobs: 'jobs' };

/**
 * One import, record by record, in one write transaction: bulk mode on at the start (the
 * per-row triggers stand down), everything brought up to date by `finish`.
 */
class ImportRun {
  private readonly result: ImportResult = {
    added: 0,
    addedNames: [],
    updated: 0,
    updatedNames: [],
    unchanged: 0,
    conflicts: [],
    conflictCount: 0,
    duplicates: [],
    duplicateCount: 0,
    records: { interactions: 0, leads: 0, promises: 0, needs: 0, notes: 0, jobs: 0 },
  };
  private readonly touched = new Set<number>();
  /** The largest id of each table before the import: rows above it are the import's. */
  private readonly before: Map<string, number>;
  private readonly contactsBefore: number;
  /**
   * Whether this import added contacts from records with their own uuid (a backup): those
   * are distinct people even when they share a name or an email with another record of the
   * same file, so from then on only contacts from before the import are matched. (Only
   * address-book rows, which have no uuid, are merged with each other; no file mixes both.)
   */
  private addedWithUuid = false;
  private readonly rebuilt: Array<{ name: string; sql: string }> = [];
  private pending = false;
  /**
   * Whether a contact of the file turned out to be someone already in the journal under
   * another uuid (same email, profile URL, phone, or name and company): the file's records
   * that point at the file's uuid then go to that person. Their uuids wait in a temporary
   * table (on disk, like the introducers', so that a file of any size fits).
   */
  private aliased = false;

  constructor(
    private readonly j: Journal,
    private readonly format: ImportFormat,
    private readonly opts: ImportOptions,
  ) {
    // A large import touches index pages all over the file: 16 MB of page cache, taken only
    // as pages are used (64 MB took a 100,000-row LinkedIn import to 190 MB of memory; with
    // 16 MB it peaks at about 146 MB, measured). A backup's import keeps 4 MB: it also
    // writes every record's history, and a 600 MB backup peaked at 160 MB with 16 MB (at
    // no cost in time, measured on a 50 MB one). Set here, on the connection that writes:
    // a journal that did not exist yet is opened by its first write, after the command
    // started.
    j.db.raw.pragma(format === 'json' ? 'cache_size = -4096' : 'cache_size = -16384');
    this.before = new Map(Object.values(TABLES).map((t) => [t, Number((j.db.stmt(`SELECT coalesce(max(id), 0) AS m FROM ${t}`).get() as Row).m)]));
    this.contactsBefore = this.before.get('contacts') ?? 0;
    // Per-row triggers (activity, search index) would cost more than the import itself:
    // they stand down while the `bulk` row exists, and everything is brought up to date once.
    j.db.stmt("INSERT OR REPLACE INTO meta (key, value) VALUES ('bulk', '1')").run();
  }

  /** The contact with this uuid, in the journal or imported so far, or the one it was found to be. */
  contactId(uuid: string): number | undefined {
    const r = (this.j.db.stmt('SELECT id FROM contacts WHERE uuid = ?').get(uuid) ??
      (this.aliased ? this.j.db.stmt('SELECT id FROM temp.import_aliases WHERE uuid = ?').get(uuid) : undefined)) as Row | undefined;
    return r === undefined ? undefined : Number(r.id);
  }

  /** The file's contact `uuid` is the journal's contact `id`, known by another uuid. */
  private alias(uuid: string, id: number): void {
    if (!this.aliased) this.j.db.raw.exec('CREATE TEMP TABLE IF NOT EXISTS import_aliases (uuid TEXT PRIMARY KEY, id INTEGER NOT NULL) WITHOUT ROWID');
    this.aliased = true;
    this.j.db.stmt('INSERT OR REPLACE INTO temp.import_aliases (uuid, id) VALUES (?, ?)').run(uuid, id);
  }

  private idOf(uuid: string): number {
    const id = this.contactId(uuid);
    if (id === undefined) throw new Error(`unknown contact uuid ${uuid}`);
    return id;
  }

  /**
   * From here on the contacts' own indexes are dropped, and built once at the end: with
   * them in place, interactions and their links (whose activity trigger updates contacts)
   * took about 0.8 s longer per 100,000, measured, for each index. Called after the
   * contacts, which were matched through them; a failed import leaves them as they were
   * (same transaction).
   */
  rebuildContactIndexesLater(): void {
    const indexes = this.j.db.raw.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts' AND sql IS NOT NULL").all() as Array<{
      name: string;
      sql: string;
    }>;
    for (const i of indexes) this.j.db.raw.exec(`DROP INDEX ${i.name}`);
    this.rebuilt.push(...indexes);
  }

  private find(c: ImportContact): { found?: Candidate; sameName?: Candidate; byUuid?: true } {
    const cols = 'id, name, company, email, phone, url';
    const byKey = (col: string) => this.j.db.stmt(`SELECT ${cols} FROM contacts WHERE ${col} = ? ORDER BY id`);
    const ok = (r: Row) => (c.uuid ? Number(r.id) <= this.contactsBefore : !this.addedWithUuid || Number(r.id) <= this.contactsBefore);
    // Without uuids in play (an address book) every row is eligible: the first match will do.
    const lookup = (col: string, key: string): Candidate | undefined => {
      if (!c.uuid && !this.addedWithUuid) return byKey(col).get(key) as Candidate | undefined;
      return (byKey(col).all(key) as Row[]).find(ok) as Candidate | undefined;
    };
    if (c.uuid) {
      const r = byKey('uuid').get(c.uuid) as Candidate | undefined;
      if (r) return { found: r, byUuid: true };
    }
    const email = c.email ? lookup('email_key', emailKey(c.email)) : undefined;
    if (email) return { found: email };
    const url = c.url ? lookup('url_key', urlKey(c.url)) : undefined;
    if (url) return { found: url };
    const pk = c.phone ? phoneKey(c.phone) : null;
    const phone = pk ? lookup('phone_key', pk) : undefined;
    if (phone) return { found: phone };
    const company = matchKey(c.company ?? '');
    const same = (byKey('name_key').all(matchKey(c.name)) as Row[]).filter((r) => ok(r) && matchKey(String(r.company ?? '')) === company) as unknown as Candidate[];
    // Name and company together identify a person; a name alone does not, so there a
    // different email, phone or profile means someone else with the same name.
    const match = company === '' ? same.find((r) => !tellApart(r, c)) : same[0];
    return match ? { found: match } : { sameName: same[0] };
  }

  contact(c: ImportContact): void {
    const { j, result, opts } = this;
    const sample = (list: string[], name: string) => {
      if (list.length < SAMPLE) list.push(name);
    };
    const { found, sameName, byUuid } = this.find(c);
    if (found === undefined) {
      const id = j.contacts.insert(
        {
          name: c.name,
          givenName: c.givenName,
          familyName: c.familyName,
          company: c.company,
          role: c.role,
          email: c.email,
          phone: c.phone,
          phoneType: c.phoneType,
          url: c.url,
          metWhere: c.metWhere,
          metOn: c.metOn,
          tags: c.tags,
          notes: c.notes,
          cadenceDays: c.cadenceDays ?? opts.cadenceDays ?? null,
          // An address book's people have no cadence until the first conversation gives one.
          cadencePending: this.format === 'json' ? c.cadencePending === true : (c.cadenceDays ?? opts.cadenceDays ?? null) === null,
          archived: c.archived,
          snoozedUntil: c.snoozedUntil,
        },
        {
          ...(c.uuid ? { uuid: c.uuid } : {}),
          ...(c.createdAt ? { createdAt: c.createdAt } : {}),
          ...(c.recordedOn ? { recordedOn: c.recordedOn } : {}),
        },
      );
      if (c.uuid) this.addedWithUuid = true;
      result.added++;
      sample(result.addedNames, c.name);
      if (sameName) {
        result.duplicateCount++;
        if (result.duplicates.length < SAMPLE) result.duplicates.push({ name: c.name, ids: [sameName.id, id] });
      }
      return;
    }
    const existing = found.id;
    if (c.uuid && !byUuid) this.alias(c.uuid, existing);
    const cur = j.contacts.get(existing);
    if (!cur) return;
    const patch: Record<string, unknown> = {};
    // Found by email, phone or profile under another name: the journal's name stays, and the
    // difference is reported like any other. A card named after its email or company (it had
    // no name) is not a name to report.
    const namedAfter = c.name === c.email || c.name === c.company;
    if (!namedAfter && matchKey(cur.name) !== matchKey(c.name)) {
      result.conflictCount++;
      if (result.conflicts.length < SAMPLE) result.conflicts.push({ name: cur.name, field: 'name', journal: cur.name, file: c.name });
    }
    for (const [key, label] of FILLABLE) {
      const incoming = c[key];
      if (incoming === null || incoming === undefined || String(incoming).trim() === '') continue;
      const have = cur[key];
      if (have === null) {
        patch[key] = incoming;
        if (key === 'phone') patch.phoneType = c.phoneType ?? null;
      } else if (!sameValue(key, String(have), String(incoming))) {
        result.conflictCount++;
        if (result.conflicts.length < SAMPLE) result.conflicts.push({ name: cur.name, field: label, journal: String(have), file: String(incoming) });
      }
    }
    if (cur.givenName === null && cur.familyName === null && (c.givenName || c.familyName) && matchKey(cur.name) === matchKey(c.name)) {
      patch.givenName = c.givenName ?? null;
      patch.familyName = c.familyName ?? null;
    }
    const have = new Set(cur.tags);
    const newTags = (c.tags ?? []).filter((t) => !have.has(t));
    if (newTags.length) patch.tags = [...cur.tags, ...newTags];
    if (Object.keys(patch).length) {
      try {
        j.contacts.update(existing, patch);
      } catch (err) {
        // The store refuses too many tags; here the file's record is known, so say which one.
        if (err instanceof TooManyTagsError) throw new UsageError(`${c.where}: ${err.message}`);
        throw err;
      }
      this.touched.add(existing);
      result.updated++;
      sample(result.updatedNames, cur.name);
    } else {
      result.unchanged++;
    }
  }

  /**
   * Who introduced a contact of a backup, for a contact the journal knows no introducer
   * of. One the import has not reached yet waits in a temporary table (on disk, like
   * SQLite's other temporary tables here, so that a file of any size fits) for `introducers`.
   */
  introducer(c: ImportContact): void {
    if (!c.introducedBy || !c.uuid) return;
    const by = this.contactId(c.introducedBy);
    if (by === undefined) {
      if (!this.pending) this.j.db.raw.exec('CREATE TEMP TABLE IF NOT EXISTS import_introducers (uuid TEXT NOT NULL, by TEXT NOT NULL, "where" TEXT NOT NULL)');
      this.pending = true;
      this.j.db.stmt('INSERT INTO temp.import_introducers (uuid, by, "where") VALUES (?, ?, ?)').run(c.uuid, c.introducedBy, c.where);
      return;
    }
    this.introduce(this.idOf(c.uuid), by);
  }

  /**
   * `by` introduced `id`, unless the journal already knows who did, or they are one person
   * (two contacts of the file found to be the same one of the journal).
   */
  private introduce(id: number, by: number): void {
    if (id !== by && this.j.contacts.get(id)?.introducedBy === null) {
      this.j.contacts.update(id, { introducedBy: by });
      this.touched.add(id);
    }
  }

  /** Sets the introducers that came later in the file than the people they introduced. */
  introducers(): void {
    if (!this.pending) return;
    // A page at a time: no other statement may run while one is being read.
    const page = this.j.db.stmt('SELECT rowid, uuid, by, "where" FROM temp.import_introducers WHERE rowid > ? ORDER BY rowid LIMIT 500');
    for (let last = 0, rows: Row[]; (rows = page.all(last) as Row[]).length > 0; ) {
      for (const r of rows) {
        last = Number(r.rowid);
        this.introduce(this.idOf(String(r.uuid)), this.idOf(String(r.by)));
      }
    }
    this.j.db.raw.exec('DROP TABLE temp.import_introducers');
    this.pending = false;
  }

  private has(table: string, uuid: string): boolean {
    return this.j.db.stmt(`SELECT 1 FROM ${table} WHERE uuid = ?`).get(uuid) !== undefined;
  }

  interaction(i: ImportInteraction): void {
    if (this.has('interactions', i.uuid)) return;
    const id = this.j.interactions.insert(
      { ...i, introOf: i.introOf ? this.idOf(i.introOf) : null, contactIds: [...new Set(i.contacts.map((c) => this.idOf(c)))] },
      { uuid: i.uuid, recordedOn: i.recordedOn ?? i.on },
    );
    for (const t of i.thanked ?? []) this.j.interactions.markPersonThanked(id, [this.idOf(t.contact)], t.on);
    for (const s of i.snoozed ?? []) this.j.interactions.snoozePerson(id, this.idOf(s.contact), s.until);
    this.result.records.interactions++;
  }

  lead(l: ImportLead): void {
    if (this.has('leads', l.uuid)) return;
    this.j.leads.insert({ ...l, sourceId: this.idOf(l.source), personId: l.person ? this.idOf(l.person) : null }, { uuid: l.uuid, recordedOn: l.recordedOn ?? l.givenOn });
    this.result.records.leads++;
  }

  promise(p: ImportPledge): void {
    if (this.has('promises', p.uuid)) return;
    this.j.promises.insert({ ...p, contactId: this.idOf(p.contact) }, { uuid: p.uuid, recordedOn: p.recordedOn ?? p.madeOn });
    this.result.records.promises++;
  }

  need(n: ImportNeed): void {
    if (this.has('needs', n.uuid)) return;
    this.j.needs.insert({ ...n, contactId: this.idOf(n.contact) }, { uuid: n.uuid, recordedOn: n.recordedOn ?? n.notedOn });
    this.result.records.needs++;
  }

  note(m: ImportNote): void {
    if (this.has('notes', m.uuid)) return;
    this.j.notes.insert({ contactId: this.idOf(m.contact), text: m.text, on: m.on }, { uuid: m.uuid });
    this.result.records.notes++;
  }

  /** Ends bulk mode: indexes, activity counts and the search index brought up to date once. */
  finish(): ImportResult {
    const { j } = this;
    // Counted once for everyone, still in bulk mode: these columns hold no searchable text,
    // so the search index's triggers need not rewrite every contact's entry.
    if (this.result.records.interactions > 0) j.db.raw.prepare(refreshActivity('1')).run();
    for (const i of this.rebuilt) j.db.raw.exec(i.sql);
    j.db.stmt("DELETE FROM meta WHERE key = 'bulk'").run();
    if (this.aliased) j.db.raw.exec('DROP TABLE temp.import_aliases');
    this.aliased = false;
    for (const table of Object.keys(SEARCH_SOURCES) as SearchTable[]) j.db.raw.prepare(indexRows(table, 'id > ?')).run(this.before.get(table) ?? 0);
    const reindex = [...this.touched].filter((id) => id <= this.contactsBefore);
    if (reindex.length) {
      const ids = JSON.stringify(reindex);
      j.db.raw.prepare(`DELETE FROM search WHERE rowid IN (SELECT value * 8 + ${SEARCH_SOURCES.contacts.tag} FROM json_each(?))`).run(ids);
      j.db.raw.prepare(indexRows('contacts', 'id IN (SELECT value FROM json_each(?))')).run(ids);
    }
    return this.result;
  }

  job(x: ImportJob): void {
    if (this.has('jobs', x.uuid)) return;
    const lead = x.lead === null ? undefined : (this.j.db.stmt('SELECT id FROM leads WHERE uuid = ?').get(x.lead) as Row | undefined);
    const id = this.j.jobs.insert(
      { ...x, viaId: x.via ? this.idOf(x.via) : null, leadId: lead ? Number(lead.id) : null },
      { uuid: x.uuid, recordedOn: x.recordedOn ?? x.startedOn },
    );
    this.j.jobs.link(id, x.people.map((p) => ({ contactId: this.idOf(p.contact), met: p.met, helped: p.helped, toldOn: p.toldOn, snoozedUntil: p.snoozedUntil })));
    this.result.records.jobs++;
  }
}
