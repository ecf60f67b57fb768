// `net find`'s answer: each contact that matched, and under them the text that matched,
// marked, with the record it came from.
import type { Explained, Mark } from '../core/find.js';
import type { ContactSummary } from '../core/types.js';
import type { Colors } from './colors.js';
import { safeLine } from './text.js';

/** Matches shown under one contact; `net show` has the rest. */
export const MATCHES_SHOWN = 5;
/** Characters of a long field shown around its first match. */
const EXCERPT = 100;
const BEFORE = 30;

const FIELD_LABELS: Record<string, string> = { met_where: 'where met' };

/** What a match line says it is: "company", "conversation 2026-09-30", "lead 2026-09-30, job". */
function label(e: Explained, field: string): string {
  const { record } = e;
  const name = FIELD_LABELS[field] ?? field;
  switch (record.kind) {
    case 'contact':
      return name;
    case 'interaction':
      return `conversation ${record.on ?? ''}`.trim();
    case 'lead':
      return `lead ${record.on ?? ''}${field === 'what' ? '' : `, ${name}`}`;
    default:
      return `${record.kind} ${record.on ?? ''}`.trim();
  }
}

/** Moves an index off the second half of a surrogate pair, so that slicing never splits a character. */
function whole(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

/**
 * One line of `text` around its first match, every match in it marked: `[Acme]` without
 * colour, highlighted with it. Journal text is made safe piece by piece, so the marks
 * stay where they were.
 */
export function excerpt(text: string, marks: readonly Mark[], c: Colors, width = EXCERPT): string {
  const first = marks[0]?.[0] ?? 0;
  const from = whole(text, Math.max(0, Math.min(first - BEFORE, text.length - width)));
  const to = whole(text, Math.min(text.length, from + width));
  // Without colour the mark must still show: brackets.
  const colour = c.bold('x') !== 'x';
  const mark = (s: string) => (colour ? c.bold(c.yellow(s)) : `[${s}]`);
  let out = from > 0 ? '…' : '';
  let at = from;
  for (const [start, end] of marks) {
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (s >= e) continue;
    out += safeLine(text.slice(at, s)) + mark(safeLine(text.slice(s, e)));
    at = e;
  }
  out += safeLine(text.slice(at, to));
  return to < text.length ? `${out}…` : out;
}

/** The contacts found (in list order) and, under each, why. */
export function renderFound(contacts: readonly ContactSummary[], why: ReadonlyMap<number, readonly Explained[]>, c: Colors): string {
  const out: string[] = [];
  for (const contact of contacts) {
    const work = [contact.role, contact.company].filter((v) => v !== null).map((v) => safeLine(v)).join(' at ');
    out.push(`${c.cyan(safeLine(contact.name))} ${c.dim(`#${contact.id}`)}${work ? `  ${work}` : ''}`);
    const lines = (why.get(contact.id) ?? []).flatMap((e) => e.matches.map((m) => ({ e, m })));
    for (const { e, m } of lines.slice(0, MATCHES_SHOWN)) {
      out.push(`  ${c.dim(e.record.record.padEnd(6))}${label(e, m.field)}: ${excerpt(m.text, m.marks, c)}`);
    }
    if (lines.length > MATCHES_SHOWN) out.push(c.dim(`  … and ${lines.length - MATCHES_SHOWN} more: net show ${contact.id}`));
  }
  return out.join('\n');
}
