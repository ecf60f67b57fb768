import { SEARCH_KIND } from './migrations/002-search.js';
import type { Db, Row } from './db.js';

/**
 * FTS5 query for what a person typed: every word must appear, each as a prefix
 * ("acm" finds Acme). Words are quoted so that FTS syntax in the text is just text.
 */
export function ftsQuery(text: string): string | null {
  const words = text
    .normalize('NFC')
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((w) => w !== '');
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replaceAll('"', '""')}"*`).join(' ');
}

export class Search {
  constructor(private readonly db: Db) {}

  /** Ids of contacts that a record matching `text` belongs to, most recently added first. */
  contactIds(text: string): number[] {
    const q = ftsQuery(text);
    if (q === null) return [];
    const rows = this.db
      .stmt(
        `WITH hits AS (SELECT rowid / 8 AS rid, rowid % 8 AS kind FROM search WHERE search MATCH ?)
         SELECT DISTINCT cid FROM (
           SELECT rid AS cid FROM hits WHERE kind = ${SEARCH_KIND.contact}
           UNION ALL SELECT ic.contact_id FROM hits JOIN interaction_contacts ic ON ic.interaction_id = hits.rid WHERE hits.kind = ${SEARCH_KIND.interaction}
           UNION ALL SELECT l.source_id FROM hits JOIN leads l ON l.id = hits.rid WHERE hits.kind = ${SEARCH_KIND.lead}
           UNION ALL SELECT l.person_id FROM hits JOIN leads l ON l.id = hits.rid WHERE hits.kind = ${SEARCH_KIND.lead} AND l.person_id IS NOT NULL
           UNION ALL SELECT n.contact_id FROM hits JOIN needs n ON n.id = hits.rid WHERE hits.kind = ${SEARCH_KIND.need}
           UNION ALL SELECT p.contact_id FROM hits JOIN promises p ON p.id = hits.rid WHERE hits.kind = ${SEARCH_KIND.promise}
         ) ORDER BY cid`,
      )
      .all(q) as Row[];
    return rows.map((r) => Number(r.cid));
  }
}
