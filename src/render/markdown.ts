// The report as CommonMark with GitHub tables. Every piece of journal text goes through
// `mdText`, so a name cannot become HTML, a link, a heading or an extra table column.
import { lateness } from '../core/due.js';
import type { Report } from '../core/report.js';
import { type Headline, replyRate } from '../core/search.js';
import type { IsoDate } from '../core/types.js';
import { LINE_UNSAFE, ledgerText, safeLine, thousands } from './text.js';

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

const CONVERSATIONS = ['Date', 'Kind', 'With', 'Summary', 'Thank-you'];
const WAYS_TO_GIVE = ['Need', 'Contact', 'What they need', 'Since'];
const GIVE_AND_TAKE = ['Contact', 'They gave you', 'You gave them'];

/** A table of `items`, or null when there are none (the section then says it is empty). */
function tableOf<T>(items: readonly T[], headers: readonly string[], row: (item: T) => string[]): string | null {
  return items.length ? mdTable(headers, items.map(row)) : null;
}

/**
 * The open-ended sections (Owed now, Ways to give) list this many rows, most urgent first:
 * a journal of years can owe hundreds of things and hold a thousand open needs, which no
 * reader of a weekly report wants. `--format json` and the command named have them all.
 */
export const SECTION_ROWS = 20;

/**
 * Like `tableOf`, the first `SECTION_ROWS` rows, then a line saying how many more of `count`
 * (default: all of `items`; a report may read only the rows it shows) and where to see them.
 */
function cappedTable<T>(items: readonly T[], headers: readonly string[], row: (item: T) => string[], command: string, count = items.length): string | null {
  if (count <= SECTION_ROWS) return tableOf(items, headers, row);
  const more = thousands(count - SECTION_ROWS);
  return `${mdTable(headers, items.slice(0, SECTION_ROWS).map(row))}\n\n… and ${more} more: ${command}`;
}

function section(title: string, body: string | null, empty: string): string {
  return `## ${title}\n\n${body ?? `_${empty}_`}\n`;
}

export interface MarkdownOptions {
  today: IsoDate;
  graph: boolean;
}

/** The report. */
export function reportMarkdown(r: Report, opts: MarkdownOptions): string {
  const parts: string[] = [`# Networking report: ${r.from} to ${r.to}\n`, `${headlineText(r.headline)}\n`];
  parts.push(
    section(
      'Pipeline',
      tableOf(r.pipeline, ['Application', 'Title', 'Company', 'Stage', 'Days in stage', 'Referrer'], (p) => [
        `j${p.job.id}`,
        mdText(p.job.title),
        mdText(p.job.company),
        p.job.stage,
        String(p.daysInStage),
        mdText(p.job.via?.name),
      ]),
      'No applications under way.',
    ),
  );
  if (r.landedBy) {
    parts.push(
      section(
        'Thank everyone',
        tableOf(r.landed, ['Item', 'Contact', 'Owed', 'When'], (d) => [d.id, mdText(d.contact?.name), mdText(d.title), mdText(lateness(d, r.to))]),
        'Everyone who helped has been told and thanked.',
      ),
    );
  }
  // A report is as of its last day: what was owed then, told as net due told it that day.
  const now = r.to === opts.today;
  parts.push(
    section(
      now ? 'Owed now' : `Owed on ${r.to}`,
      cappedTable(
        r.owedNow,
        ['Item', 'Kind', 'Contact', 'Owed', 'When'],
        (d) => [d.id, d.kind, mdText(d.contact?.name), mdText(d.title), mdText(lateness(d, r.to))],
        'net due',
      ),
      now ? 'Nothing is owed today.' : `Nothing was owed on ${r.to}.`,
    ),
  );
  parts.push(
    section(
      'Conversations',
      tableOf(r.conversations, CONVERSATIONS, (i) => [
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
            ['Lead', 'From', 'What', 'Person', 'Company', 'Status', 'Outcome', 'Latest news'],
            r.leads.map((l) => [
              `l${l.id}`,
              mdText(l.source.name),
              mdText(l.what),
              mdText(l.person?.name),
              mdText(l.company),
              l.status,
              mdText(l.outcome),
              l.news ? `${l.newsOn ?? ''} ${mdText(l.news)}`.trim() : '',
            ]),
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
      cappedTable(r.waysToGive, WAYS_TO_GIVE, (n) => [`n${n.id}`, mdText(n.contact.name), mdText(n.what), n.notedOn], 'net needs', r.openNeeds),
      'No open needs. Ask the people you meet what they are looking for.',
    ),
  );
  parts.push(
    section(
      'Give and take',
      tableOf(r.giveAndTake, GIVE_AND_TAKE, (g) => [mdText(g.contact.name), ledgerText(g.ledger.gaveLines), ledgerText(g.ledger.receivedLines)]),
      'Nobody was in touch in this period.',
    ),
  );
  parts.push(
    // The contract's name for the section: everything net due --all adds, each line saying
    // why it rests (resting after unanswered messages, snoozed, or planned for a later day).
    section(
      'Resting',
      cappedTable(
        r.heldBack,
        ['Item', 'Kind', 'Contact', 'Owed', 'Why', 'Shows again'],
        // The same words as net due --all; "Shows again" is when net due lists it if nothing changes.
        (d) => [d.id, d.kind, mdText(d.contact?.name), mdText(d.title), mdText(lateness(d, r.to)), d.until ?? 'when they answer'],
        'net due --all',
      ),
      now ? 'Nothing is resting, snoozed or planned for a later day.' : `Nothing was resting, snoozed or planned for a later day on ${r.to}.`,
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

/** The period in one line: people met, conversations, the reply rate of messages, leads, needs, promises. */
export function headlineText(h: Headline): string {
  const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
  const rate = replyRate(h);
  const replies = rate === null ? 'no messages sent' : `${h.replies} of ${n(h.messages, 'message')} answered (${rate}%)`;
  return [
    `In this period: ${n(h.peopleMet, 'person', 'people')} met`,
    n(h.conversations, 'conversation'),
    replies,
    `${n(h.leadsFollowed, 'lead')} followed, ${h.leadsReported} reported`,
    `${n(h.needsMet, 'need')} met`,
    `${n(h.promisesKept, 'promise')} kept`,
  ].join(' · ');
}
