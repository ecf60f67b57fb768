import { matchKey, normalizeText } from '../core/names.js';
import { phoneKey } from '../core/phones.js';
import type { Period } from '../core/report.js';
import { MAX_TAGS, tooManyTags } from '../core/tags.js';
import type { Contact, ContactFields, ContactRef, ContactSummary } from '../core/types.js';
import { clean, type Db, type InsertMeta, type Row, str } from './db.js';
import { emailKey, urlKey } from './keys.js';

const COLUMNS: Record<Exclude<keyof ContactFields, 'name' | 'tags' | 'archived'>, string> = {
  givenName: 'given_name',
  familyName: 'family_name',
  phoneType: 'phone_type',
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
  cadencePending: 'cadence_pending',
};

/** A contact `c` as `Contact`, shaped by SQLite (see `Db.jsonRows`). */
const CONTACT = `json_object('id', c.id, 'uuid', c.uuid, 'name', c.name, 'givenName', c.given_name, 'familyName', c.family_name,
  'company', c.company, 'role', c.role, 'email', c.email, 'phone', c.phone, 'phoneType', c.phone_type, 'url', c.url, 'metWhere', c.met_where, 'metOn', c.met_on,
  'introducedBy', iif(c.introduced_by IS NULL, NULL, json_object('id', c.introduced_by, 'name', i.name)), 'tags', json(c.tags),
  'notes', c.notes, 'cadenceDays', c.cadence_days, 'archived', json(iif(c.archived = 1, 'true', 'false')),
  'snoozedUntil', c.snoozed_until, 'createdAt', c.created_at, 'lastContact', c.last_on, 'recordedOn', c.recorded_on,
  'cadencePending', json(iif(c.cadence_pending = 1, 'true', 'false')))`;
const FROM = 'FROM contacts c LEFT JOIN contacts i ON i.id = c.introduced_by';
/** `net list` order: by name as matching sees it, then id. */
const BY_NAME = 'c.name_key, c.id';
/**
 * The list view's columns only: reading every column of ten thousand contacts costs more than
 * the rest of `net list`. The index `contacts_list` (migration 20) holds exactly these, in list order.
 */
const SUMMARY = `json_object('id', c.id, 'name', c.name, 'company', c.company, 'role', c.role, 'tags', json(c.tags), 'lastContact', c.last_on)`;
const REF = `json_object('id', c.id, 'name', c.name)`;

/** Free text (notes) is kept exactly as written, only in NFC; blank is no value. */
function freeText(v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  const t = normalizeText(v);
  return t.trim() === '' ? null : t;
}

/** Tags in NFC, trimmed, blank and repeated ones dropped: linear, so a long list costs little. */
export function normalizeTags(tags: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of tags) {
    const n = normalizeText(t).trim();
    if (n !== '') out.add(n);
  }
  return [...out];
}

/** The keys an import matches by (store/keys.ts), from the stored values. */
function keys(email: string | null, url: string | null, phone: string | null) {
  return { email_key: email === null ? null : emailKey(email), url_key: url === null ? null : urlKey(url), phone_key: phone === null ? null : phoneKey(phone) };
}

/** The contacts `net list --tag/--company` keeps: tag and company matched ignoring case and accents, which SQLite cannot do beyond ASCII. */
function filtered<T extends { tags: string[]; company: string | null }>(rows: T[], filter: ListFilter): T[] {
  const tag = filter.tag === undefined ? null : matchKey(filter.tag);
  const company = filter.company === undefined ? null : matchKey(filter.company);
  if (tag === null && company === null) return rows;
  return rows.filter(
    (c) => (tag === null || c.tags.some((t) => matchKey(t) === tag)) && (company === null || (c.company !== null && matchKey(c.company).includes(company))),
  );
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

  insert(f: ContactFields, meta: InsertMeta = {}): number {
    const name = clean(f.name);
    if (!name) throw new RangeError('a contact needs a name');
    const email = clean(f.email);
    const phone = clean(f.phone);
    const url = clean(f.url);
    const tags = normalizeTags(f.tags ?? []);
    if (tags.length > MAX_TAGS) throw tooManyTags(name, null, tags.length);
    return this.db.insert(
      'contacts',
      {
        name,
        name_key: matchKey(name),
        given_name: clean(f.givenName),
        family_name: clean(f.familyName),
        company: clean(f.company),
        role: clean(f.role),
        email,
        phone,
        phone_type: phone === null ? null : clean(f.phoneType),
        url,
        ...keys(email, url, phone),
        met_where: clean(f.metWhere),
        met_on: f.metOn ?? null,
        introduced_by: f.introducedBy ?? null,
        tags: JSON.stringify(tags),
        notes: freeText(f.notes),
        cadence_days: f.cadenceDays ?? null,
        archived: f.archived ? 1 : 0,
        snoozed_until: f.snoozedUntil ?? null,
        cadence_pending: f.cadencePending ? 1 : 0,
      },
      meta,
    );
  }

  /**
   * Changes the given fields only; `null` or an empty string clears a field. A new name
   * drops the first and last names an import kept, and a new phone its kind, unless the
   * patch gives them too: they described the old value.
   */
  update(id: number, input: Partial<ContactFields>): void {
    const patch: Partial<ContactFields> = { ...input };
    if (patch.name !== undefined) {
      patch.givenName ??= null;
      patch.familyName ??= null;
    }
    if (patch.phone !== undefined) patch.phoneType ??= null;
    const sets: string[] = [];
    const params: Record<string, unknown> = { id };
    if (patch.name !== undefined) {
      const name = clean(patch.name);
      if (!name) throw new RangeError('a contact needs a name');
      sets.push('name = @name', 'name_key = @name_key');
      params.name = name;
      params.name_key = matchKey(name);
    }
    for (const [key, col] of Object.entries(COLUMNS) as Array<[keyof typeof COLUMNS, string]>) {
      const v = patch[key];
      if (v === undefined) continue;
      sets.push(`${col} = @${col}`);
      params[col] = typeof v === 'string' ? (key === 'notes' ? freeText(v) : clean(v)) : typeof v === 'boolean' ? Number(v) : v;
    }
    if (patch.tags !== undefined) {
      const tags = normalizeTags(patch.tags);
      if (tags.length > MAX_TAGS) this.refuseMoreTags(id, tags.length);
      sets.push('tags = @tags');
      params.tags = JSON.stringify(tags);
    }
    if (patch.archived !== undefined) {
      sets.push('archived = @archived');
      params.archived = patch.archived ? 1 : 0;
    }
    if (sets.length === 0) return;
    if (patch.email !== undefined || patch.url !== undefined || patch.phone !== undefined) {
      const cur = this.db.stmt('SELECT email, url, phone FROM contacts WHERE id = ?').get(id) as Row | undefined;
      const value = (col: 'email' | 'url' | 'phone') => (col in params ? (params[col] as string | null) : str(cur?.[col]));
      Object.assign(params, keys(value('email'), value('url'), value('phone')));
      sets.push('email_key = @email_key', 'url_key = @url_key', 'phone_key = @phone_key');
    }
    this.db.raw.prepare(`UPDATE contacts SET ${sets.join(', ')} WHERE id = @id`).run(params);
  }

  /**
   * Refuses `count` tags for contact `id`, over the cap, unless it has more already: a contact
   * an older net let grow past the cap can still lose tags, never gain them.
   */
  private refuseMoreTags(id: number, count: number): void {
    const cur = this.db.stmt('SELECT name, json_array_length(tags) AS n FROM contacts WHERE id = ?').get(id) as Row | undefined;
    if (cur !== undefined && count > Number(cur.n)) throw tooManyTags(String(cur.name), id, count);
  }

  get(id: number): Contact | undefined {
    return this.db.jsonRows<Contact>(CONTACT, `${FROM} WHERE c.id = ?`, 'c.id', [id])[0];
  }

  /**
   * Every contact, archived ones included, in id order, one at a time (an export of a large
   * journal): no other statement may run on the connection until the iteration ends.
   */
  each(): Generator<Contact> {
    return this.db.jsonEach<Contact>(CONTACT, FROM, 'c.id');
  }

  /** Every contact's uuid by id, for records that name contacts by uuid (a backup). */
  uuids(): Map<number, string> {
    return new Map(this.db.stmt('SELECT id, uuid FROM contacts').raw(true).all() as Array<[number, string]>);
  }

  /** Contacts met (or, without a date met, added) in a report's period. */
  metIn(p: Period): Contact[] {
    return this.db.jsonRows<Contact>(CONTACT, `${FROM} WHERE coalesce(c.met_on, substr(c.created_at, 1, 10)) BETWEEN ? AND ?`, 'c.id', [p.from, p.to]);
  }

  byIds(ids: readonly number[]): Contact[] {
    return ids.map((id) => this.get(id)).filter((c): c is Contact => c !== undefined);
  }

  /** Contacts whose name contains the match key: every exact, prefix or substring match. */
  candidates(key: string): ContactRef[] {
    return this.db.jsonRows<ContactRef>(REF, 'FROM contacts c WHERE instr(c.name_key, ?) > 0', 'c.id', [key]);
  }

  /** Contacts whose name is `key` exactly (a `matchKey`): the same name, whatever its case or accents. */
  named(key: string): ContactRef[] {
    return this.db.jsonRows<ContactRef>(REF, 'FROM contacts c WHERE c.name_key = ?', 'c.id', [key]);
  }

  /** Every contact's email as imports match it (`emailKey`): what a mailbox is checked against. */
  emailKeys(): Set<string> {
    return new Set(this.db.stmt('SELECT email_key FROM contacts WHERE email_key IS NOT NULL').pluck().all() as string[]);
  }

  /** Every contact's id and name, archived ones too: what a typed name may have meant. */
  refs(): ContactRef[] {
    return this.db.jsonRows<ContactRef>(REF, 'FROM contacts c', 'c.id');
  }

  ref(id: number): ContactRef | undefined {
    return this.db.jsonRows<ContactRef>(REF, 'FROM contacts c WHERE c.id = ?', 'c.id', [id])[0];
  }

  list(filter: ListFilter = {}): Contact[] {
    return filtered(this.db.jsonRows<Contact>(CONTACT, `${FROM}${filter.includeArchived ? '' : ' WHERE c.archived = 0'}`, BY_NAME), filter);
  }

  /** Names of contacts not archived, one line each (newlines flattened), for shell completion. */
  names(): string[] {
    return (this.db.stmt('SELECT name FROM contacts WHERE archived = 0 ORDER BY name_key').all() as Row[]).map((r) =>
      String(r.name).replace(/[\r\n]+/g, ' '),
    );
  }

  /** `net list`'s rows: everyone (but the archived), or the contacts `ids`, in `net list` order. */
  summaries(filter: ListFilter & { ids?: readonly number[] } = {}): ContactSummary[] {
    if (filter.ids) return filtered(this.db.jsonRows<ContactSummary>(SUMMARY, 'FROM contacts c WHERE c.id IN (SELECT value FROM json_each(?))', BY_NAME, [JSON.stringify(filter.ids)]), filter);
    // Everyone: one pass over the table and a sort, rather than a table page per contact in name order.
    if (filter.includeArchived) return filtered(this.db.jsonRows<ContactSummary>(SUMMARY, 'FROM contacts c NOT INDEXED', BY_NAME), filter);
    return filtered(this.db.jsonRows<ContactSummary>(SUMMARY, 'FROM contacts c WHERE c.archived = 0', BY_NAME), filter);
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
