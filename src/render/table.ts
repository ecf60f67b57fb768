import type { Colors } from './colors.js';
import { displayWidth, safeLine, truncate } from './text.js';

export interface Column<T> {
  header: string;
  value: (row: T) => string | null | undefined;
  /** Colour for a cell, applied after alignment so escape codes do not skew widths. */
  style?: (text: string, row: T) => string;
  /** This column shrinks when the terminal is narrow, to no less than 10, after any with `shrinkTo`. */
  flexible?: boolean;
  /**
   * On a narrow terminal this column gives up width before the flexible one, to no less
   * than this many columns (left to right when several do): the flexible column is what
   * the table is for, and gets the space first.
   */
  shrinkTo?: number;
}

/**
 * Final column widths from the widest cell of each column (`natural`, headers not
 * included): on a terminal too narrow for them, the columns with `shrinkTo` are cut first,
 * then the flexible one, to no less than 10. `cut` lists the columns that were cut.
 */
function fitColumns(
  columns: ReadonlyArray<Pick<Column<unknown>, 'header' | 'flexible' | 'shrinkTo'>>,
  natural: readonly number[],
  width: number | null,
): { widths: number[]; cut: number[] } {
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), natural[i] ?? 0));
  const cut: number[] = [];
  if (width === null) return { widths, cut };
  let over = widths.reduce((a, b) => a + b, 0) + 2 * (columns.length - 1) - width;
  const order = [
    ...columns.flatMap((c, i) => (c.shrinkTo !== undefined ? [{ i, min: c.shrinkTo }] : [])),
    ...columns.flatMap((c, i) => (c.flexible ? [{ i, min: 10 }] : [])),
  ];
  for (const { i, min } of order) {
    if (over <= 0) break;
    const w = widths[i] ?? 0;
    const to = Math.max(min, displayWidth(columns[i]?.header ?? ''), w - over);
    if (to >= w) continue;
    widths[i] = to;
    over -= w - to;
    cut.push(i);
  }
  return { widths, cut };
}

/** The header row: every title but the last padded to its column, in bold on a terminal. */
function headerLine(columns: ReadonlyArray<Pick<Column<unknown>, 'header'>>, widths: readonly number[], color: Colors): string {
  const last = columns.length - 1;
  return columns
    .map((c, i) => color.bold(i === last ? c.header : c.header + ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(c.header)))))
    .join('  ')
    .trimEnd();
}

/**
 * Aligned columns. On a terminal the header is bold and columns are cut to fit `width`
 * (`fitColumns`); piped, the same columns come out whole as plain text with no escape codes.
 */
export function table<T>(rows: readonly T[], columns: ReadonlyArray<Column<T>>, color: Colors, width: number | null): string {
  const n = columns.length;
  // Every cell made safe and measured once; a list can be ten thousand rows.
  const cells: string[][] = new Array(rows.length);
  const cellWidths = new Int32Array(rows.length * n);
  const natural = new Array<number>(n).fill(0);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as T;
    const line: string[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const text = safeLine((columns[i] as Column<T>).value(row));
      const w = displayWidth(text);
      line[i] = text;
      cellWidths[r * n + i] = w;
      if (w > (natural[i] as number)) natural[i] = w;
    }
    cells[r] = line;
  }
  const { widths, cut } = fitColumns(columns, natural, width);
  for (const i of cut) {
    const w = widths[i] as number;
    for (let r = 0; r < cells.length; r++) {
      const row = cells[r] as string[];
      const text = truncate(row[i] ?? '', w);
      row[i] = text;
      cellWidths[r * n + i] = displayWidth(text);
    }
  }
  // Every column but the last is padded to its width; styles go on after, so that escape
  // codes do not count as width.
  const pad = (text: string, i: number, w: number) => (i === n - 1 ? text : text + ' '.repeat(Math.max(0, (widths[i] as number) - w)));
  const out = [headerLine(columns, widths, color)];
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r] as string[];
    const rowData = rows[r] as T;
    let text = '';
    for (let i = 0; i < n; i++) {
      const col = columns[i] as Column<T>;
      const padded = pad(row[i] as string, i, cellWidths[r * n + i] as number);
      text += (i === 0 ? '' : '  ') + (col.style ? col.style(padded, rowData) : padded);
    }
    out.push(text.trimEnd());
  }
  return out.join('\n');
}
