// Bringing a parsed file into the journal: a person already there (same uuid, email,
// profile URL, or name and company) is updated, never duplicated, and never silently
// overwritten. The caller runs this inside one write transaction.
import { matchKey } from '../core/names.js';
import type { ImportContact, ImportSet } from '../formats/types.js';
import type { Row } from './db.js';
import type { Journal } from './journal.js';
import { indexRows, SEARCH_SOURCES, type SearchTable } from './migrations/002-search.js';
import { refreshActivity } from './migrations/012-etiquette.js';

export interface Conflict {
  name: string;
  field: string;
  journal: string;
  file: string;
}

export interface ImportResult {
  added: string[];
  updated: string[];
  unchanged: number;
  conflicts: Conflict[];
  records: { interactions: number; leads: number; promises: number; needs: number; notes: number };
}

export interface ImportOptions {
  /** Cadence for added contacts that have none (`--every`). */
  cadenceDays?: number | null;
  onProgress?: (done: number, total: number) => void;
}

/** A profile URL with scheme, `www.`, case and trailing slashes ignored. */
export function urlKey(url: string): string {
  return url.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');
}

const emailKey = (e: string) => e.trim().toLowerCase();
const personKey = (name: string, company: string | null | undefined) => `${matchKey(name)}\u0000${matchKey(company ?? '')}`;

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
  // A large import touches index pages all over the file: 64 MB of page cache, taken only
  // as pages are used. Set here, on the connection that writes: a journal that did not
  // exist yet is opened by its first write, after the command has started.
  j.db.raw.pragma('cache_size = -65536');
  // Per-row triggers (activity, search index) would cost more than the import itself:
  // they stand down while the `bulk` row exists, and everything is brought up to date once.
  const before = new Map(
    (Object.keys(SEARCH_SOURCES) as SearchTable[]).map((t) => [t, Number((j.db.stmt(`SELECT coalesce(max(id), 0) AS m FROM ${t}`).get() as Row).m)]),
  );
  j.db.stmt("INSERT OR REPLACE INTO meta (key, value) VALUES ('bulk', '1')").run();
  // A large import builds the contacts' own indexes once, at the end: with them in place,
  // the interactions and their links (whose activity trigger updates contacts) took about
  // 0.8 s longer per 100,000, measured, for each index. Same transaction: a failed import
  // leaves them as they were.
  const rebuilt = set.interactions.length >= BULK_REBUILD ? contactIndexes(j) : [];
  for (const i of rebuilt) j.db.raw.exec(`DROP INDEX ${i.name}`);
  const touched = new Set<number>();
  const result = importRecords(j, set, opts, touched);
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

function importRecords(j: Journal, set: ImportSet, opts: ImportOptions, touched: Set<number>): ImportResult {
  const result: ImportResult = { added: [], updated: [], unchanged: 0, conflicts: [], records: { interactions: 0, leads: 0, promises: 0, needs: 0, notes: 0 } };
  const byUuid = new Map<string, number>();
  const byEmail = new Map<string, number>();
  const byUrl = new Map<string, number>();
  const byPerson = new Map<string, number>();
  const index = (id: number, c: { uuid?: string | null; name: string; company?: string | null; email?: string | null; url?: string | null }) => {
    if (c.uuid) byUuid.set(c.uuid, id);
    if (c.email) byEmail.set(emailKey(c.email), id);
    if (c.url) byUrl.set(urlKey(c.url), id);
    byPerson.set(personKey(c.name, c.company), id);
  };
  const rows = j.db.stmt('SELECT id, uuid, name, company, email, url FROM contacts ORDER BY id').all() as Row[];
  for (const r of rows) {
    index(Number(r.id), { uuid: String(r.uuid), name: String(r.name), company: r.company as string | null, email: r.email as string | null, url: r.url as string | null });
  }
  const find = (c: ImportContact) =>
    (c.uuid && byUuid.get(c.uuid)) ||
    (c.email && byEmail.get(emailKey(c.email))) ||
    (c.url && byUrl.get(urlKey(c.url))) ||
    byPerson.get(personKey(c.name, c.company));

  const total = set.contacts.length;
  const added = new Set<number>();
  set.contacts.forEach((c, n) => {
    if (opts.onProgress && n % 500 === 0) opts.onProgress(n, total);
    const existing = find(c);
    if (existing === undefined) {
      const id = j.contacts.insert(
        {
          name: c.name,
          company: c.company,
          role: c.role,
          email: c.email,
          phone: c.phone,
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
      added.add(id);
      result.added.push(c.name);
      // Records with their own uuid (a backup) are distinct people even when they share a
      // name or an email; only address-book rows without one are merged with each other.
      if (c.uuid) byUuid.set(c.uuid, id);
      else index(id, c);
      return;
    }
    if (c.uuid) byUuid.set(c.uuid, existing);
    const cur = j.contacts.get(existing);
    if (!cur) return;
    const patch: Record<string, unknown> = {};
    for (const [key, label] of FILLABLE) {
      const incoming = c[key];
      if (incoming === null || incoming === undefined || String(incoming).trim() === '') continue;
      const have = cur[key];
      if (have === null) patch[key] = incoming;
      else if (matchKey(String(have)) !== matchKey(String(incoming)) && !(key === 'url' && urlKey(have) === urlKey(String(incoming)))) {
        result.conflicts.push({ name: cur.name, field: label, journal: String(have), file: String(incoming) });
      }
    }
    const newTags = (c.tags ?? []).filter((t) => !cur.tags.includes(t));
    if (newTags.length) patch.tags = [...cur.tags, ...newTags];
    if (Object.keys(patch).length) {
      j.contacts.update(existing, patch);
      touched.add(existing);
      result.updated.push(cur.name);
      index(existing, { name: cur.name, company: cur.company, email: (patch.email as string) ?? cur.email, url: (patch.url as string) ?? cur.url });
    } else {
      result.unchanged++;
    }
  });
  opts.onProgress?.(total, total);

  const idOf = (uuid: string): number => {
    const id = byUuid.get(uuid) ?? (j.db.stmt('SELECT id FROM contacts WHERE uuid = ?').get(uuid) as Row | undefined)?.id;
    if (id === undefined) throw new Error(`unknown contact uuid ${uuid}`);
    return Number(id);
  };
  for (const c of set.contacts) {
    if (!c.introducedBy || !c.uuid) continue;
    const id = idOf(c.uuid);
    const cur = j.contacts.get(id);
    if (cur && cur.introducedBy === null) {
      j.contacts.update(id, { introducedBy: idOf(c.introducedBy) });
      touched.add(id);
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
  return result;
}
