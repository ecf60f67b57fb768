// The report as CommonMark with GitHub tables. Every piece of journal text goes through
// `mdText`, so a name cannot become HTML, a link, a heading or an extra table column.
import { lateness } from '../core/due.js';
import type { MarkedRows, Report } from '../core/report.js';
import type { IsoDate } from '../core/types.js';
import { GAVE_LINES, RECEIVED_LINES } from '../core/ledger.js';
import { LEDGER_JOIN, LEDGER_NONE, LINE_UNSAFE, ledgerText, safeLine } from './text.js';

// Markdown punctuation, plus `:` and `@` so that no URL or address turns into an autolink.
const MD_SPECIAL = /[\\`*_{}[\]()#+\-!|<>~&:@.=]/g;

/** Anything `mdText` changes: a control, markdown punctuation, or space at either end. Most text has none. */
const MD_CHANGES = new RegExp(`${LINE_UNSAFE.source}|${MD_SPECIAL.source}|^\\s|\\s$`);

/** Journal text as inert markdown on one line: every special character backslash-escaped. */
export function mdText(text: string | null | undefined): string {
  if (text === null || text === undefined || text === '') return '';
  if (!MD_CHANGES.test(text)) return text;
  return safeLine(text).replace(MD_SPECIAL, '\\$&').trim();
}

function mdTable(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c || ' ').join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * What `markedTable` cannot take as it is, in rows SQLite wrote (see store/report.ts): a
 * control character other than the two separators (`mdText` would show it as `\xNN`);
 * space at either end of a cell, except a cell that is one space (`mdText` would trim it);
 * and space next to the ", " that joins a conversation's people (each name is trimmed).
 */
const NOT_AS_IS =
  /[\x00-\x1d\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|(?:^|[\x1e\x1f])(?:(?! )\s|\s(?![\x1e\x1f]|$))|[^\x1e\x1f]\s(?=[\x1e\x1f]|$)|\s, |, \s/;

/**
 * Where a section's rows hold dates, which the report shows as they are: as the first cell,
 * or as (the end of) the last. Matched once `MD_SPECIAL` has escaped their hyphens.
 */
const DATES = {
  first: /(^|\x1e)(\d{4})\\-(\d\d)\\-(\d\d)(?=\x1f)/g,
  last: /(\x1f|\x1fsent )(\d{4})\\-(\d\d)\\-(\d\d)(?=\x1e|$)/g,
};

/**
 * The markdown table of rows SQLite wrote with separators (store/report.ts), byte for byte
 * what `mdTable` makes of the same rows with every journal text through `mdText`; or
 * undefined when SQLite could not write every row, when the rows hold anything that
 * `mdText` would change other than by escaping (see `NOT_AS_IS`), or when cells or rows
 * do not add up, which a separator inside journal text would cause. Escaping is one pass
 * over the whole text: the fixed cells (ids, kinds, statuses, counts) hold no markdown
 * punctuation, and the dates' hyphens are put back where `dates` says the dates are.
 */
function markedTable(headers: readonly string[], rows: MarkedRows, dates: readonly RegExp[] = []): string | null | undefined {
  if (rows.written !== rows.rows) return undefined;
  if (rows.rows === 0) return rows.text === '' ? null : undefined;
  if (NOT_AS_IS.test(rows.text)) return undefined;
  let body = rows.text.replace(MD_SPECIAL, '\\$&');
  for (const d of dates) body = body.replace(d, '$1$2-$3-$4');
  const before = body.length;
  body = body.replaceAll('\x1f', ' | ');
  if (body.length - before !== 2 * rows.rows * (headers.length - 1)) return undefined;
  const cells = body.length;
  body = body.replaceAll('\x1e', ' |\n| ');
  if (body.length - cells !== 4 * (rows.rows - 1)) return undefined;
  return `${mdTable(headers, [])}\n| ${body} |`;
}

const CONVERSATIONS = ['Date', 'Kind', 'With', 'Summary', 'Thank-you'];
const WAYS_TO_GIVE = ['Need', 'Contact', 'What they need', 'Since'];
const GIVE_AND_TAKE = ['Contact', 'They gave you', 'You gave them'];

/** Sections written by SQLite and checked by `markedTable`: a table, or null for none. */
export interface Prebuilt {
  conversations: string | null;
  waysToGive: string | null;
  giveAndTake: string | null;
}

/** The three sections from rows SQLite wrote, or undefined if any of them cannot be taken as it is. */
export function prebuiltSections(rows: Record<keyof Prebuilt, MarkedRows>): Prebuilt | undefined {
  const conversations = markedTable(CONVERSATIONS, rows.conversations, [DATES.first, DATES.last]);
  const waysToGive = markedTable(WAYS_TO_GIVE, rows.waysToGive, [DATES.last]);
  const giveAndTake = markedTable(GIVE_AND_TAKE, rows.giveAndTake);
  if (conversations === undefined || waysToGive === undefined || giveAndTake === undefined) return undefined;
  return { conversations, waysToGive, giveAndTake };
}

/** How the store words the give and take, the way `ledgerText` does. */
export const LEDGER_WORDING = { gave: GAVE_LINES, received: RECEIVED_LINES, join: LEDGER_JOIN, none: LEDGER_NONE };

/** A table of `items`, or null when there are none (the section then says it is empty). */
function tableOf<T>(items: readonly T[], headers: readonly string[], row: (item: T) => string[]): string | null {
  return items.length ? mdTable(headers, items.map(row)) : null;
}

function section(title: string, body: string | null, empty: string): string {
  return `## ${title}\n\n${body ?? `_${empty}_`}\n`;
}

export interface MarkdownOptions {
  today: IsoDate;
  graph: boolean;
}

/** The report; `prebuilt` sections, when given, stand for those of `r`. */
export function reportMarkdown(r: Report, opts: MarkdownOptions, prebuilt?: Prebuilt): string {
  const parts: string[] = [`# Networking report: ${r.from} to ${r.to}\n`];
  parts.push(
    section(
      'Owed now',
      r.owedNow.length
        ? mdTable(
            ['Item', 'Kind', 'Contact', 'Owed', 'When'],
            r.owedNow.map((d) => [d.id, d.kind, mdText(d.contact.name), mdText(d.title), mdText(lateness(d, opts.today))]),
          )
        : null,
      'Nothing is owed today.',
    ),
  );
  parts.push(
    section(
      'Conversations',
      prebuilt
        ? prebuilt.conversations
        : tableOf(r.conversations, CONVERSATIONS, (i) => [
            i.on,
            i.kind,
            i.contacts.map((c) => mdText(c.name)).join(', '),
            mdText(i.summary),
            i.noReply ? 'no reply' : i.thanksOwed ? (i.thankedOn ? `sent ${i.thankedOn}` : 'owed') : '',
          ]),
      'No conversations in this period.',
    ),
  );
  parts.push(
    section(
      'Leads',
      r.leads.length
        ? mdTable(
            ['Lead', 'From', 'What', 'Person', 'Company', 'Status', 'Outcome'],
            r.leads.map((l) => [`l${l.id}`, mdText(l.source.name), mdText(l.what), mdText(l.person?.name), mdText(l.company), l.status, mdText(l.outcome)]),
          )
        : null,
      'No leads given or moved in this period.',
    ),
  );
  parts.push(
    section(
      'Promises',
      r.promises.length
        ? mdTable(
            ['Promise', 'Whose', 'Contact', 'What', 'By', 'Status'],
            r.promises.map((p) => [`p${p.id}`, p.direction === 'mine' ? 'yours' : 'theirs', mdText(p.contact.name), mdText(p.what), p.by ?? '', p.status]),
          )
        : null,
      'No promises open, made or closed in this period.',
    ),
  );
  parts.push(
    section(
      'Ways to give',
      prebuilt ? prebuilt.waysToGive : tableOf(r.waysToGive, WAYS_TO_GIVE, (n) => [`n${n.id}`, mdText(n.contact.name), mdText(n.what), n.notedOn]),
      'No open needs. Ask the people you meet what they are looking for.',
    ),
  );
  parts.push(
    section(
      'Give and take',
      prebuilt
        ? prebuilt.giveAndTake
        : tableOf(r.giveAndTake, GIVE_AND_TAKE, (g) => [mdText(g.contact.name), ledgerText(g.ledger.gaveLines), ledgerText(g.ledger.receivedLines)]),
      'Nobody was in touch in this period.',
    ),
  );
  parts.push(
    section(
      'Resting',
      r.resting.length
        ? mdTable(['Item', 'Contact', 'Why', 'Due again'], r.resting.map((d) => [d.id, mdText(d.contact.name), mdText(d.reason), d.due]))
        : null,
      'Nobody is resting.',
    ),
  );
  if (opts.graph) parts.push(section('Who led to whom', r.graph.length ? mermaid(r) : null, 'No introductions or leads to people in this period.'));
  return parts.join('\n');
}

/** A label Mermaid shows as text: quotes and angle brackets as its entity codes, no backticks. */
function mermaidLabel(text: string): string {
  return safeLine(text)
    .replace(/[#"<>`]/g, (ch) => ({ '#': '#35;', '"': '#quot;', '<': '#lt;', '>': '#gt;', '`': '#96;' })[ch] ?? '');
}

function mermaid(r: Report): string {
  const nodes = new Map<number, string>();
  for (const e of r.graph) {
    nodes.set(e.from.id, e.from.name);
    nodes.set(e.to.id, e.to.name);
  }
  const lines = ['```mermaid', 'graph LR'];
  for (const [id, name] of nodes) lines.push(`  c${id}["${mermaidLabel(name)}"]`);
  for (const e of r.graph) lines.push(`  c${e.from.id} -->|${e.label}| c${e.to.id}`);
  lines.push('```');
  return lines.join('\n');
}
