import { type Explained, explainMatches, type SearchedRecord, searchTerms, type Term } from '../core/find.js';
import { UsageError } from '../core/errors.js';
import { SEARCH_KIND } from './migrations/002-search.js';
import { NOTE_SEARCH_TAG } from './migrations/011-notes.js';
import type { Db } from './db.js';

/** Words a search may have: each is a prefix query, and FTS5's time grows with their number. */
export const MAX_SEARCH_WORDS = 12;

/**
 * FTS5 query for the words a person typed (`searchTerms`): every word must appear, each as
 * a prefix ("acm" finds Acme) unless it ends in a symbol ("C++" needs the word "c" itself,
 * and the rest is checked on the text). A word with several parts ("foo-bar", "O'Brien")
 * is a phrase. Words are quoted so that FTS syntax in the text is just text.
 */
export function ftsQuery(terms: readonly Term[]): string | null {
  if (terms.length === 0) return null;
  if (terms.length > MAX_SEARCH_WORDS) {
    throw new UsageError(`That search has ${terms.length} different words; net find takes at most ${MAX_SEARCH_WORDS}. Keep the words that matter most.`);
  }
  return terms.map((t) => `"${t.parts.join(' ').replaceAll('"', '""')}"${t.prefix ? '*' : ''}`).join(' ');
}

interface RecordRow {
  id: number;
  on: string | null;
  fields: Record<string, string | null>;
  owners: Array<number | null>;
}

/** Each kind of searchable record: its id letter, and its row as SQLite shapes it. */
const RECORDS: Array<{ tag: number; kind: SearchedRecord['kind']; letter: string; object: string; from: string; orderBy: string }> = [
  {
    tag: SEARCH_KIND.contact,
    kind: 'contact',
    letter: 'c',
    object: `json_object('id', id, 'on', met_on, 'owners', json_array(id), 'fields', json_object('name', name, 'company', company,
        'role', role, 'email', email, 'met_where', met_where, 'notes', notes,
        'tags', (SELECT group_concat(value, ', ' ORDER BY key) FROM json_each(contacts.tags))))`,
    from: 'FROM contacts WHERE id IN (SELECT value FROM json_each(?))',
    orderBy: 'id',
  },
  {
    tag: SEARCH_KIND.interaction,
    kind: 'interaction',
    letter: 'i',
    object: `json_object('id', id, 'on', on_date, 'fields', json_object('summary', summary),
        'owners', (SELECT json_group_array(contact_id) FROM interaction_contacts WHERE interaction_id = interactions.id))`,
    from: 'FROM interactions WHERE id IN (SELECT value FROM json_each(?))',
    orderBy: 'on_date DESC, id DESC',
  },
  {
    tag: SEARCH_KIND.lead,
    kind: 'lead',
    letter: 'l',
    object: `json_object('id', id, 'on', given_on, 'owners', json_array(source_id, person_id),
        'fields', json_object('what', what, 'company', company, 'job', job, 'outcome', outcome))`,
    from: 'FROM leads WHERE id IN (SELECT value FROM json_each(?))',
    orderBy: 'given_on DESC, id DESC',
  },
  {
    tag: SEARCH_KIND.promise,
    kind: 'promise',
    letter: 'p',
    object: `json_object('id', id, 'on', made_on, 'owners', json_array(contact_id), 'fields', json_object('what', what))`,
    from: 'FROM promises WHERE id IN (SELECT value FROM json_each(?))',
    orderBy: 'made_on DESC, id DESC',
  },
  {
    tag: SEARCH_KIND.need,
    kind: 'need',
    letter: 'n',
    object: `json_object('id', id, 'on', noted_on, 'owners', json_array(contact_id), 'fields', json_object('what', what))`,
    from: 'FROM needs WHERE id IN (SELECT value FROM json_each(?))',
    orderBy: 'noted_on DESC, id DESC',
  },
  {
    tag: NOTE_SEARCH_TAG,
    kind: 'note',
    letter: 'm',
    object: `json_object('id', id, 'on', on_date, 'owners', json_array(contact_id), 'fields', json_object('text', text))`,
    from: 'FROM notes WHERE id IN (SELECT value FROM json_each(?))',
    orderBy: 'on_date DESC, id DESC',
  },
];

export class Search {
  constructor(private readonly db: Db) {}

  /**
   * The records whose indexed text holds the words `terms` (a superset of what holds every
   * word as typed: `core/find.ts` decides), each with its fields and the contacts it belongs to.
   */
  records(terms: readonly Term[]): SearchedRecord[] {
    const q = ftsQuery(terms);
    if (q === null) return [];
    const hits = this.db.stmt('SELECT rowid / 8 AS id, rowid % 8 AS tag FROM search WHERE search MATCH ?').raw(true).all(q) as Array<[number, number]>;
    const out: SearchedRecord[] = [];
    for (const kind of RECORDS) {
      const ids = hits.filter(([, tag]) => tag === kind.tag).map(([id]) => id);
      if (ids.length === 0) continue;
      for (const r of this.db.jsonRows<RecordRow>(kind.object, kind.from, kind.orderBy, [JSON.stringify(ids)])) {
        out.push({
          record: `${kind.letter}${r.id}`,
          kind: kind.kind,
          on: r.on,
          fields: Object.entries(r.fields).map(([field, value]) => ({ field, text: value })),
          owners: r.owners.filter((o): o is number => o !== null),
        });
      }
    }
    return out;
  }

  /** How many needs and logs (interactions) the journal holds: the texts a word's rarity is measured in. */
  needsAndLogs(): number {
    return this.db.stmt('SELECT (SELECT count(*) FROM needs) + (SELECT count(*) FROM interactions)').pluck().get() as number;
  }

  /**
   * How many needs and logs hold `word` whole, as the search index splits text (one index
   * lookup: the rowid's tag says which kind of record each hit is).
   */
  needsAndLogsWith(word: string): number {
    return this.db
      .stmt(`SELECT count(*) FROM search WHERE search MATCH ? AND rowid % 8 IN (${SEARCH_KIND.need}, ${SEARCH_KIND.interaction})`)
      .pluck()
      .get(`"${word.replaceAll('"', '""')}"`) as number;
  }

  /** Why each contact matched `text`, by contact id: the records under them that hold every word as typed. */
  explained(text: string): Map<number, Explained[]> {
    // The words once for both: each is a regular expression over Unicode classes, costly to compile.
    const terms = searchTerms(text);
    return explainMatches(this.records(terms), terms);
  }
}
