import { matchKey, normalizeText } from '../core/names.js';
import type { Contact, ContactRef, ContactSummary, IsoDate } from '../core/types.js';
import { type Db, newUuid, nowStamp, type Row, str } from './db.js';

export interface ContactFields {
  name: string;
  company?: string | null;
  role?: string | null;
  email?: string | null;
  phone?: string | null;
  url?: string | null;
  metWhere?: string | null;
  metOn?: IsoDate | null;
  introducedBy?: number | null;
  tags?: string[];
  notes?: string | null;
  cadenceDays?: number | null;
  archived?: boolean;
  snoozedUntil?: IsoDate | null;
}

const COLUMNS: Record<Exclude<keyof ContactFields, 'name' | 'tags' | 'archived'>, string> = {
  company: 'company',
  role: 'role',
  email: 'email',
  phone: 'phone',
  url: 'url',
  metWhere: 'met_where',
  metOn: 'met_on',
  introducedBy: 'introduced_by',
  notes: 'notes',
  cadenceDays: 'cadence_days',
  snoozedUntil: 'snoozed_until',
};

const SELECT = `
  SELECT c.*, i.name AS intro_name, c.last_on AS last_contact
  FROM contacts c LEFT JOIN contacts i ON i.id = c.introduced_by`;

/** Free text (notes) is kept exactly as written, only in NFC; blank is no value. */
function freeText(v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  const t = normalizeText(v);
  return t.trim() === '' ? null : t;
}

function text(v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  const t = normalizeText(v).trim();
  return t === '' ? null : t;
}

export function normalizeTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const n = normalizeText(t).trim();
    if (n !== '' && !out.includes(n)) out.push(n);
  }
  return out;
}

function toContact(r: Row): Contact {
  return {
    id: Number(r.id),
    uuid: String(r.uuid),
    name: String(r.name),
    company: str(r.company),
    role: str(r.role),
    email: str(r.email),
    phone: str(r.phone),
    url: str(r.url),
    metWhere: str(r.met_where),
    metOn: str(r.met_on),
    introducedBy: r.introduced_by === null ? null : { id: Number(r.introduced_by), name: String(r.intro_name) },
    tags: JSON.parse(String(r.tags)) as string[],
    notes: str(r.notes),
    cadenceDays: r.cadence_days === null ? null : Number(r.cadence_days),
    archived: Number(r.archived) === 1,
    snoozedUntil: str(r.snoozed_until),
    createdAt: String(r.created_at),
    lastContact: str(r.last_contact),
  };
}

/** A tag filter that ignores case and accents, like every other match in net. */
function hasTag(tag: string): (c: { tags: string[] }) => boolean {
  const key = matchKey(tag);
  return (c) => c.tags.some((t) => matchKey(t) === key);
}

export interface ListFilter {
  tag?: string | undefined;
  company?: string | undefined;
  includeArchived?: boolean;
}

export interface RemovedCounts {
  interactions: number;
  leads: number;
  promises: number;
  needs: number;
}

export class Contacts {
  constructor(private readonly db: Db) {}

  insert(f: ContactFields, meta: { uuid?: string; createdAt?: string } = {}): number {
    const name = text(f.name);
    if (!name) throw new RangeError('a contact needs a name');
    const info = this.db
      .stmt(
        `INSERT INTO contacts (uuid, name, name_key, company, role, email, phone, url, met_where, met_on,
           introduced_by, tags, notes, cadence_days, archived, snoozed_until, created_at)
         VALUES (@uuid, @name, @name_key, @company, @role, @email, @phone, @url, @met_where, @met_on,
           @introduced_by, @tags, @notes, @cadence_days, @archived, @snoozed_until, @created_at)`,
      )
      .run({
        uuid: meta.uuid ?? newUuid(),
        name,
        name_key: matchKey(name),
        company: text(f.company),
        role: text(f.role),
        email: text(f.email),
        phone: text(f.phone),
        url: text(f.url),
        met_where: text(f.metWhere),
        met_on: f.metOn ?? null,
        introduced_by: f.introducedBy ?? null,
        tags: JSON.stringify(normalizeTags(f.tags ?? [])),
        notes: freeText(f.notes),
        cadence_days: f.cadenceDays ?? null,
        archived: f.archived ? 1 : 0,
        snoozed_until: f.snoozedUntil ?? null,
        created_at: meta.createdAt ?? nowStamp(),
      });
    return Number(info.lastInsertRowid);
  }

  /** Changes the given fields only; `null` or an empty string clears a field. */
  update(id: number, patch: Partial<ContactFields>): void {
    const sets: string[] = [];
    const params: Record<string, unknown> = { id };
    if (patch.name !== undefined) {
      const name = text(patch.name);
      if (!name) throw new RangeError('a contact needs a name');
      sets.push('name = @name', 'name_key = @name_key');
      params.name = name;
      params.name_key = matchKey(name);
    }
    for (const [key, col] of Object.entries(COLUMNS) as Array<[keyof typeof COLUMNS, string]>) {
      const v = patch[key];
      if (v === undefined) continue;
      sets.push(`${col} = @${col}`);
      params[col] = typeof v === 'string' ? (key === 'notes' ? freeText(v) : text(v)) : v;
    }
    if (patch.tags !== undefined) {
      sets.push('tags = @tags');
      params.tags = JSON.stringify(normalizeTags(patch.tags));
    }
    if (patch.archived !== undefined) {
      sets.push('archived = @archived');
      params.archived = patch.archived ? 1 : 0;
    }
    if (sets.length === 0) return;
    this.db.raw.prepare(`UPDATE contacts SET ${sets.join(', ')} WHERE id = @id`).run(params);
  }

  get(id: number): Contact | undefined {
    const r = this.db.stmt(`${SELECT} WHERE c.id = ?`).get(id) as Row | undefined;
    return r ? toContact(r) : undefined;
  }

  /** Contacts met (or, without a date met, added) between two dates, both included. */
  metBetween(from: IsoDate, to: IsoDate): Contact[] {
    return (this.db.stmt(`${SELECT} WHERE coalesce(c.met_on, substr(c.created_at, 1, 10)) BETWEEN ? AND ? ORDER BY c.id`).all(from, to) as Row[]).map(
      toContact,
    );
  }

  byIds(ids: readonly number[]): Contact[] {
    return ids.map((id) => this.get(id)).filter((c): c is Contact => c !== undefined);
  }

  /** Contacts whose name contains the match key: every exact, prefix or substring match. */
  candidates(key: string): ContactRef[] {
    return (this.db.stmt('SELECT id, name FROM contacts WHERE instr(name_key, ?) > 0 ORDER BY id').all(key) as Row[]).map(
      (r) => ({ id: Number(r.id), name: String(r.name) }),
    );
  }

  /** Contacts whose name is `key` exactly (a `matchKey`): the same name, whatever its case or accents. */
  named(key: string): ContactRef[] {
    return (this.db.stmt('SELECT id, name FROM contacts WHERE name_key = ? ORDER BY id').all(key) as Row[]).map((r) => ({
      id: Number(r.id),
      name: String(r.name),
    }));
  }

  /** Every contact's id and name, archived ones too: what a typed name may have meant. */
  refs(): ContactRef[] {
    return (this.db.stmt('SELECT id, name FROM contacts ORDER BY id').raw(true).all() as Array<[number, string]>).map(([id, name]) => ({ id, name }));
  }

  ref(id: number): ContactRef | undefined {
    const r = this.db.stmt('SELECT id, name FROM contacts WHERE id = ?').get(id) as Row | undefined;
    return r ? { id: Number(r.id), name: String(r.name) } : undefined;
  }

  list(filter: ListFilter = {}): Contact[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (!filter.includeArchived) where.push('c.archived = 0');
    const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY c.name_key, c.id`;
    let rows = (this.db.stmt(sql).all(...params) as Row[]).map(toContact);
    if (filter.tag !== undefined) rows = rows.filter(hasTag(filter.tag));
    if (filter.company !== undefined) {
      // Accent- and case-insensitive, which SQLite's LIKE is not beyond ASCII.
      const key = matchKey(filter.company);
      rows = rows.filter((c) => c.company !== null && matchKey(c.company).includes(key));
    }
    return rows;
  }

  /** Names of contacts not archived, one line each (newlines flattened), for shell completion. */
  names(): string[] {
    return (this.db.stmt('SELECT name FROM contacts WHERE archived = 0 ORDER BY name_key').all() as Row[]).map((r) =>
      String(r.name).replace(/[\r\n]+/g, ' '),
    );
  }

  /**
   * The list view's columns only: reading every column of ten thousand contacts costs
   * more than the rest of `net list`.
   */
  summaries(filter: ListFilter & { ids?: readonly number[] } = {}): ContactSummary[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.ids) {
      where.push('id IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(filter.ids));
    } else if (!filter.includeArchived) {
      where.push('archived = 0');
    }
    const sql = `SELECT id, name, company, role, tags, last_on FROM contacts NOT INDEXED${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY name_key, id`;
    // Arrays rather than row objects: fewer allocations when the list is ten thousand long.
    const raw = this.db.stmt(sql).raw(true).all(...params) as Array<[number, string, string | null, string | null, string, string | null]>;
    let rows = raw.map(([id, name, company, role, tags, lastOn]) => ({
      id,
      name,
      company,
      role,
      tags: tags === '[]' ? [] : (JSON.parse(tags) as string[]),
      lastContact: lastOn,
    }));
    if (filter.tag !== undefined) rows = rows.filter(hasTag(filter.tag));
    if (filter.company !== undefined) {
      const key = matchKey(filter.company);
      rows = rows.filter((c) => c.company !== null && matchKey(c.company).includes(key));
    }
    return rows;
  }

  count(): number {
    return Number((this.db.stmt('SELECT count(*) AS n FROM contacts').get() as Row).n);
  }

  /**
   * Deletes a contact and what only they were part of. Leads where they were the person
   * stay with their source; interactions shared with others stay with the others.
   */
  remove(id: number): RemovedCounts {
    const n = (sql: string) => Number((this.db.stmt(sql).get(id) as Row).n);
    const counts: RemovedCounts = {
      interactions: n(
        `SELECT count(*) AS n FROM interaction_contacts ic WHERE ic.contact_id = ?
           AND NOT EXISTS (SELECT 1 FROM interaction_contacts o WHERE o.interaction_id = ic.interaction_id AND o.contact_id <> ic.contact_id)`,
      ),
      leads: n('SELECT count(*) AS n FROM leads WHERE source_id = ?'),
      promises: n('SELECT count(*) AS n FROM promises WHERE contact_id = ?'),
      needs: n('SELECT count(*) AS n FROM needs WHERE contact_id = ?'),
    };
    this.db
      .stmt(
        `DELETE FROM interactions WHERE id IN (
           SELECT ic.interaction_id FROM interaction_contacts ic WHERE ic.contact_id = ?
             AND NOT EXISTS (SELECT 1 FROM interaction_contacts o WHERE o.interaction_id = ic.interaction_id AND o.contact_id <> ic.contact_id))`,
      )
      .run(id);
    this.db.stmt('DELETE FROM contacts WHERE id = ?').run(id);
    return counts;
  }
}
