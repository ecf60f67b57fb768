// What the report reads beyond the records of each kind: the give and take of everyone a
// period touched, and the markdown report's three long sections as SQLite writes them
// (conversations, open needs, give and take). In a journal of many years those are
// thousands of rows, and building each row in SQL and handing it over as one string is
// about twice as fast as reading records and building rows from them. SQLite writes the
// journal's text as it is; render/markdown.ts (`markedTable`) checks the result and
// escapes it, and the report falls back to building every section from records when
// anything is out of the ordinary.
import type { LedgerCounts, LedgerLabel } from '../core/ledger.js';
import type { MarkedRows } from '../core/report.js';
import type { ContactRef, IsoDate } from '../core/types.js';
import type { Db } from './db.js';

/** How the give and take is worded: each side's lines (as `ledgerFrom` has them), the separator, and the empty side. */
export interface LedgerWording {
  gave: readonly LedgerLabel[];
  received: readonly LedgerLabel[];
  join: string;
  none: string;
}

const CELL = 'char(31)';

/** A date as `YYYY-MM-DD`, or NULL (which leaves its row out). */
const date = (col: string) => `iif(${col} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]', ${col}, NULL)`;

/** Text that may be missing or empty: one space then, as in a markdown table. */
const text = (col: string) => `ifnull(nullif(${col}, ''), ' ')`;

const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * Everyone a period touched: they were in a conversation, gave a lead given, followed or
 * reported, made or closed a promise, noted or closed a need, or were met.
 */
const TOUCHED = `SELECT ic.contact_id AS id FROM interactions x JOIN interaction_contacts ic ON ic.interaction_id = x.id WHERE x.on_date BETWEEN @from AND @to
  UNION SELECT source_id FROM leads WHERE given_on BETWEEN @from AND @to OR followed_on BETWEEN @from AND @to OR reported_on BETWEEN @from AND @to
  UNION SELECT contact_id FROM promises WHERE made_on BETWEEN @from AND @to OR closed_on BETWEEN @from AND @to
  UNION SELECT contact_id FROM needs WHERE noted_on BETWEEN @from AND @to OR closed_on BETWEEN @from AND @to
  UNION SELECT id FROM contacts WHERE coalesce(met_on, substr(created_at, 1, 10)) BETWEEN @from AND @to`;

/** Those people as `c`, in `net list` order: by name as matching sees it, then id. */
const TOUCHED_PEOPLE = `FROM (${TOUCHED}) t JOIN contacts c ON c.id = t.id ORDER BY c.name_key, c.id`;

/** The give-and-take counts kept on each contact (schemas 4 and 7). */
export const LEDGER_COLUMNS: Readonly<Record<keyof LedgerCounts, string>> = {
  leads: 'ledger_leads',
  introductions: 'ledger_introductions',
  theirsKept: 'ledger_theirs_kept',
  thanked: 'thanked_count',
  mineKept: 'ledger_mine_kept',
  needsMet: 'ledger_needs_met',
};

/** Everyone the period touched with their give-and-take counts, in `net list` order (by name as matching sees it, then id). */
export function giveAndTake(db: Db, from: IsoDate, to: IsoDate): Array<{ contact: ContactRef; counts: LedgerCounts }> {
  const counts = Object.entries(LEDGER_COLUMNS).map(([key, column]) => `'${key}', c.${column}`);
  return db.jsonRows(
    `SELECT json_object('contact', json_object('id', c.id, 'name', c.name), 'counts', json_object(${counts.join(', ')})) AS j
     ${TOUCHED_PEOPLE}`,
    { from, to },
  );
}

function marked(db: Db, rowSql: string, params: Record<string, unknown> = {}): MarkedRows {
  const [rows, written, body] = db
    .stmt(`SELECT count(*), count(r), ifnull(group_concat(r, char(30)), '') FROM (${rowSql})`)
    .raw(true)
    .get(params) as [number, number, string];
  return { rows, written, text: body };
}

/** Date | Kind | With | Summary | Thank-you, for the interactions of the period, as `Interactions.inRange` orders them. */
export function conversationRows(db: Db, from: IsoDate, to: IsoDate): MarkedRows {
  return marked(
    db,
    `SELECT ${date('x.on_date')} || ${CELL} || x.kind || ${CELL}
       || ${text(`(SELECT group_concat(c.name, ', ' ORDER BY ic.position, c.id) FROM interaction_contacts ic JOIN contacts c ON c.id = ic.contact_id WHERE ic.interaction_id = x.id)`)}
       || ${CELL} || ${text('x.summary')} || ${CELL}
       || CASE WHEN x.no_reply = 1 THEN 'no reply' WHEN x.thanks_owed = 1 THEN
            iif(nullif(x.thanked_on, '') IS NULL, 'owed', 'sent ' || ${date('x.thanked_on')}) ELSE ' ' END AS r
     FROM interactions x WHERE x.on_date BETWEEN @from AND @to ORDER BY x.on_date, x.id`,
    { from, to },
  );
}

/** Need | Contact | What they need | Since, for every open need, oldest first, from their covering index. */
export function openNeedRows(db: Db): MarkedRows {
  return marked(
    db,
    `SELECT 'n' || n.id || ${CELL} || c.name || ${CELL} || ${text('n.what')} || ${CELL} || ${date('n.noted_on')} AS r
     FROM needs n INDEXED BY needs_open JOIN contacts c ON c.id = n.contact_id WHERE n.status = 'open' ORDER BY n.noted_on, n.id`,
  );
}

/** Contact | They gave you | You gave them, for everyone the period touched, in `net list` order. */
export function giveTakeRows(db: Db, from: IsoDate, to: IsoDate, wording: LedgerWording): MarkedRows {
  const side = (lines: readonly LedgerLabel[]) => {
    const parts = lines.map((l) => {
      const n = `c.${LEDGER_COLUMNS[l.key]}`;
      return `iif(${n} > 0, ${literal(wording.join)} || ${n} || iif(${n} = 1, ${literal(` ${l.one}`)}, ${literal(` ${l.many}`)}), '')`;
    });
    return `ifnull(nullif(substr(${parts.join(' || ')}, ${wording.join.length + 1}), ''), ${literal(wording.none)})`;
  };
  return marked(
    db,
    `SELECT c.name || ${CELL} || ${side(wording.gave)} || ${CELL} || ${side(wording.received)} AS r
     ${TOUCHED_PEOPLE}`,
    { from, to },
  );
}
