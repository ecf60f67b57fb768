import type { Colors } from './colors.js';
import type { ContactSummary } from '../core/types.js';
import { type Column, fitColumns, headerLine, table } from './table.js';

function columns(color: Colors): Array<Column<ContactSummary>> {
  return [
    { header: 'ID', value: (c) => String(c.id), style: (t) => color.dim(t) },
    { header: 'NAME', value: (c) => c.name, style: (t) => color.cyan(t) },
    { header: 'COMPANY', value: (c) => c.company },
    { header: 'ROLE', value: (c) => c.role, flexible: true },
    { header: 'LAST CONTACT', value: (c) => c.lastContact ?? '' },
    { header: 'TAGS', value: (c) => c.tags.join(', ') },
  ];
}

/** The contact list as aligned columns. */
export function contactTable(contacts: readonly ContactSummary[], color: Colors, width: number | null): string {
  return table(contacts, columns(color), color, width);
}

/**
 * The contact list as SQLite prints it (`Contacts.listLines`): ten thousand rows cost
 * about 30 ms to turn into JavaScript and back into text, and `net list` is meant to be
 * instant. This side decides the layout, exactly as `contactTable` would, and checks what
 * came back; `contactTable` stays the reference, and a test holds the two to the same
 * bytes.
 */
export interface ContactListLayout {
  /** Width of each column; the last one is not padded. */
  widths: number[];
  /** Width the ROLE column is cut to, or null. */
  roleCut: number | null;
  /** Escape codes around the ID and NAME cells: open and close for each ('' without colour). */
  styles: [string, string, string, string];
  header: string;
}

/** The codes a style puts before and after its text. */
function codes(style: (text: string) => string): [string, string] {
  const marked = style('x');
  const at = marked.indexOf('x');
  return [marked.slice(0, at), marked.slice(at + 1)];
}

/** `natural`: the longest cell of each column in characters, as SQLite counts them. */
export function contactListLayout(natural: readonly number[], color: Colors, width: number | null): ContactListLayout {
  const cols = columns(color);
  const { widths, cut } = fitColumns(cols, natural, width);
  return {
    widths,
    roleCut: cut === null ? null : (widths[cut] as number),
    styles: [...codes(color.dim), ...codes(color.cyan)],
    header: headerLine(cols, widths, color),
  };
}

// Characters that take one column, that safeLine leaves alone and that trimEnd does not
// take for space: within these, counting characters is measuring width. (The ellipsis is
// what a cut ROLE ends with.)
const ONE_COLUMN = '\\x20-\\x7e\\xa1-\\u02ff\\u2026';

const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&').replace(/\x1b/g, '\\x1b');

/**
 * The list SQLite printed with `layout` (`rows` lines), header included, or null when a
 * cell holds anything else (controls, wide or combining characters, a style's own codes):
 * then only `contactTable` can print it. Escape codes may appear only where the layout
 * put them.
 */
export function contactListText(layout: ContactListLayout, lines: string, rows: number): string | null {
  // One line per row: a newline inside a cell would start a line of its own.
  let breaks = 0;
  for (let at = lines.indexOf('\n'); at !== -1; at = lines.indexOf('\n', at + 1)) breaks++;
  if (breaks !== rows - 1) return null;
  const codes = layout.styles.filter((c) => c !== '');
  // Without colour, any other character; with it, a line without each code once, in order,
  // between runs of cells (which hold no ESC). Looked for one line at a time, so that no
  // backtracking spans lines however long the list.
  const cell = `[${ONE_COLUMN}]*`;
  const line = cell + codes.map((c) => escape(c) + cell).join('');
  const misfit = codes.length === 0 ? new RegExp(`[^${ONE_COLUMN}\\n]`) : new RegExp(`(?:^|\\n)(?!${line}(?:\\n|$))`);
  if (misfit.test(lines)) return null;
  return `${layout.header}\n${lines}`;
}
