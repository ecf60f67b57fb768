// Bringing a parsed file into the journal: a person already there (same uuid, email,
// profile URL or phone, same name and company, or same name, no company and no email,
// phone or URL that tells them apart) is updated, never duplicated, and never silently overwritten. Matching goes
// through the contacts' indexed keys, so an import holds no list of everyone in memory.
// The caller runs this inside one write transaction.
import { matchKey } from '../core/names.js';
import { phoneKey } from '../core/phones.js';
import type { ImportContact, ImportSet } from '../formats/types.js';
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

function contactIndexes(j: Journal): Array<{ name: string; sql: string }> {
  return j.db.raw.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts' AND sql IS NOT NULL").all() as Array<{
    name: string;
    sql: string;
  }>;
}

export function applyImport(j: Journal, set: ImportSet, opts: ImportOptions = {}): ImportResult {
  // A large import touches index pages all over the file: 16 MB of page cache, taken only
  // as pages are used (64 MB took a 100,000-row LinkedIn import to 190 MB of memory; with
  // 16 MB it peaks at about 146 MB, measured). Set here, on the connection that writes: a
  // journal that did not exist yet is opened by its first write, after the command started.
  j.db.raw.pragma('cache_size = -16384');
  // Per-row triggers (activity, search index) would cost more than the import itself:
  // they stand down while the `bulk` row exists, and everything is brought up to date once.
  const before = new Map(
    (Object.keys(SEARCH_SOURCES) as SearchTable[]).map((t) => [t, Number((j.db.stmt(`SELECT coalesce(max(id), 0) AS m FROM ${t}`).get() as Row).m)]),
  );
  j.db.stmt("INSERT OR REPLACE INTO meta (key, value) VALUES ('bulk', '1')").run();
  const touched = new Set<number>();
  const result = importContacts(j, set, opts, touched, before.get('contacts') ?? 0);
  // A large import builds the contacts' own indexes once, at the end: with them in place,
  // the interactions and their links (whose activity trigger updates contacts) took about
  // 0.8 s longer per 100,000, measured, for each index. Dropped only now: the contacts
  // above were matched through them. Same transaction: a failed import leaves them as they were.
  const rebuilt = set.interactions.length >= BULK_REBUILD ? contactIndexes(j) : [];
  for (const i of rebuilt) j.db.raw.exec(`DROP INDEX ${i.name}`);
  importRecords(j, set, result, touched);
  // Counted once for everyone, still in bulk mode: these columns hold no searchable text,
  // so the search index's triggers need not rewrite every contact's entry.
  if (set.interactions.length > 0) j.db.raw.prepare(refreshActivity('1')).run();
  for (const i of rebuilt) j.db.raw.exec(i.sql);
  j.db.stmt("DELETE FROM meta WHERE key = 'bulk'").run();
  for (const [table, max] of before) j.db.raw.prepare(indexRows(table, 'id > ?')).run(max);
  const contactsBefore = before.get('contacts') ?? 0;
  const reindex = [...touched].filter((id) => id <= contactsBefore);
  if (reindex.length) {
    const ids = JSON.stringify(reindex);
    j.db.raw.prepare(`DELETE FROM search WHERE rowid IN (SELECT value * 8 + ${SEARCH_SOURCES.contacts.tag} FROM json_each(?))`).run(ids);
    j.db.raw.prepare(indexRows('contacts', 'id IN (SELECT value FROM json_each(?))')).run(ids);
  }
  return result;
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

function importContacts(j: Journal, set: ImportSet, opts: ImportOptions, touched: Set<number>, contactsBefore: number): ImportResult {
  const result: ImportResult = {
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
  const cols = 'id, name, company, email, phone, url';
  const byKey = (col: string) => j.db.stmt(`SELECT ${cols} FROM contacts WHERE ${col} = ? ORDER BY id`);
  // Records with their own uuid (a backup) are distinct people even when they share a
  // name or an email with another record of the same file; only address-book rows without
  // one are merged with each other. So people a backup added are not matched again.
  const addedWithUuid = new Set<number>();
  const eligible = (c: ImportContact) => (r: Row) => (c.uuid ? Number(r.id) <= contactsBefore : !addedWithUuid.has(Number(r.id)));
  // Without uuids in play (an address book) every row is eligible: the first match will do.
  const lookup = (c: ImportContact, col: string, key: string): Candidate | undefined => {
    if (!c.uuid && addedWithUuid.size === 0) return byKey(col).get(key) as Candidate | undefined;
    return (byKey(col).all(key) as Row[]).find(eligible(c)) as Candidate | undefined;
  };
  const find = (c: ImportContact): { found?: Candidate; sameName?: Candidate } => {
    const ok = eligible(c);
    if (c.uuid) {
      const r = byKey('uuid').get(c.uuid) as Candidate | undefined;
      if (r) return { found: r };
    }
    const email = c.email ? lookup(c, 'email_key', emailKey(c.email)) : undefined;
    if (email) return { found: email };
    const url = c.url ? lookup(c, 'url_key', urlKey(c.url)) : undefined;
    if (url) return { found: url };
    const pk = c.phone ? phoneKey(c.phone) : null;
    const phone = pk ? lookup(c, 'phone_key', pk) : undefined;
    if (phone) return { found: phone };
    const company = matchKey(c.company ?? '');
    const same = (byKey('name_key').all(matchKey(c.name)) as Row[]).filter((r) => ok(r) && matchKey(String(r.company ?? '')) === company) as unknown as Candidate[];
    // Name and company together identify a person; a name alone does not, so there a
    // different email, phone or profile means someone else with the same name.
    const match = company === '' ? same.find((r) => !tellApart(r, c)) : same[0];
    return match ? { found: match } : { sameName: same[0] };
  };
  const sample = (list: string[], name: string) => {
    if (list.length < SAMPLE) list.push(name);
  };

  const total = set.contactCount;
  let n = 0;
  for (const c of set.contacts) {
    if (opts.onProgress && n % 500 === 0) opts.onProgress(n, total);
    n++;
    const { found, sameName } = find(c);
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
          cadencePending: set.format === 'json' ? c.cadencePending === true : (c.cadenceDays ?? opts.cadenceDays ?? null) === null,
          archived: c.archived,
          snoozedUntil: c.snoozedUntil,
        },
        {
          ...(c.uuid ? { uuid: c.uuid } : {}),
          ...(c.createdAt ? { createdAt: c.createdAt } : {}),
          ...(c.recordedOn ? { recordedOn: c.recordedOn } : {}),
        },
      );
      if (c.uuid) addedWithUuid.add(id);
      result.added++;
      sample(result.addedNames, c.name);
      if (sameName) {
        result.duplicateCount++;
        if (result.duplicates.length < SAMPLE) result.duplicates.push({ name: c.name, ids: [sameName.id, id] });
      }
      continue;
    }
    const existing = found.id;
    const cur = j.contacts.get(existing);
    if (!cur) continue;
    const patch: Record<string, unknown> = {};
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
      j.contacts.update(existing, patch);
      touched.add(existing);
      result.updated++;
      sample(result.updatedNames, cur.name);
    } else {
      result.unchanged++;
    }
  }
  opts.onProgress?.(total, total);
  return result;
}

/** Writes introducers and the records other than contacts. */
function importRecords(j: Journal, set: ImportSet, result: ImportResult, touched: Set<number>): void {
  const idOf = (uuid: string): number => {
    const r = j.db.stmt('SELECT id FROM contacts WHERE uuid = ?').get(uuid) as Row | undefined;
    if (r === undefined) throw new Error(`unknown contact uuid ${uuid}`);
    return Number(r.id);
  };
  // Only a backup names introducers; its contacts are an array, read once more here.
  if (set.format === 'json') {
    for (const c of set.contacts) {
      if (!c.introducedBy || !c.uuid) continue;
      const id = idOf(c.uuid);
      const cur = j.contacts.get(id);
      if (cur && cur.introducedBy === null) {
        j.contacts.update(id, { introducedBy: idOf(c.introducedBy) });
        touched.add(id);
      }
    }
  }
  const has = (table: string, uuid: string) => j.db.stmt(`SELECT 1 FROM ${table} WHERE uuid = ?`).get(uuid) !== undefined;
  for (const i of set.interactions) {
    if (has('interactions', i.uuid)) continue;
    const id = j.interactions.insert(
      { ...i, introOf: i.introOf ? idOf(i.introOf) : null, contactIds: i.contacts.map(idOf) },
      { uuid: i.uuid, recordedOn: i.recordedOn ?? i.on },
    );
    for (const t of i.thanked ?? []) j.interactions.markPersonThanked(id, [idOf(t.contact)], t.on);
    result.records.interactions++;
  }
  for (const l of set.leads) {
    if (has('leads', l.uuid)) continue;
    j.leads.insert({ ...l, sourceId: idOf(l.source), personId: l.person ? idOf(l.person) : null }, { uuid: l.uuid, recordedOn: l.recordedOn ?? l.givenOn });
    result.records.leads++;
  }
  for (const p of set.promises) {
    if (has('promises', p.uuid)) continue;
    j.promises.insert({ ...p, contactId: idOf(p.contact) }, { uuid: p.uuid, recordedOn: p.recordedOn ?? p.madeOn });
    result.records.promises++;
  }
  for (const n of set.needs) {
    if (has('needs', n.uuid)) continue;
    j.needs.insert({ ...n, contactId: idOf(n.contact) }, { uuid: n.uuid, recordedOn: n.recordedOn ?? n.notedOn });
    result.records.needs++;
  }
  for (const m of set.notes) {
    if (has('notes', m.uuid)) continue;
    j.notes.insert({ contactId: idOf(m.contact), text: m.text, on: m.on }, { uuid: m.uuid });
    result.records.notes++;
  }
  for (const x of set.jobs ?? []) {
    if (has('jobs', x.uuid)) continue;
    const lead = x.lead === null ? undefined : (j.db.stmt('SELECT id FROM leads WHERE uuid = ?').get(x.lead) as Row | undefined);
    const id = j.jobs.insert(
      { ...x, viaId: x.via ? idOf(x.via) : null, leadId: lead ? Number(lead.id) : null },
      { uuid: x.uuid, recordedOn: x.recordedOn ?? x.startedOn },
    );
    j.jobs.link(id, x.people.map((p) => ({ contactId: idOf(p.contact), met: p.met, helped: p.helped, toldOn: p.toldOn })));
    result.records.jobs++;
  }
}
