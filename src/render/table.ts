import { type Colors, plain } from './colors.js';
import { NARROW, displayWidth, safeLine, truncate } from './text.js';

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
  // Every cell made safe and measured once; a list can be ten thousand rows. Most cells are
  // narrow text, which one test finds both safe and as wide as it is long.
  const cells: string[] = new Array(rows.length * n);
  const cellWidths = new Int32Array(rows.length * n);
  const natural = new Array<number>(n).fill(0);
  for (let r = 0, k = 0; r < rows.length; r++) {
    const row = rows[r] as T;
    for (let i = 0; i < n; i++, k++) {
      const value = (columns[i] as Column<T>).value(row) ?? '';
      const narrow = NARROW.test(value);
      const text = narrow ? value : safeLine(value);
      const w = narrow ? value.length : displayWidth(text);
      cells[k] = text;
      cellWidths[k] = w;
      if (w > (natural[i] as number)) natural[i] = w;
    }
  }
  const { widths, cut } = fitColumns(columns, natural, width);
  for (const i of cut) {
    const w = widths[i] as number;
    for (let k = i; k < cells.length; k += n) {
      const text = truncate(cells[k] as string, w);
      cells[k] = text;
      cellWidths[k] = displayWidth(text);
    }
  }
  // Every column but the last is padded to its width; styles go on after, so that escape
  // codes do not count as width.
  const out: string[] = new Array(rows.length + 1);
  out[0] = headerLine(columns, widths, color);
  // Each line is joined from its cells at once, one flat string: added cell by cell, every
  // line stayed a tree of pieces until the end, which the garbage collector copied again
  // and again over ten thousand lines. The cells go in a flat array for the same reason.
  const parts: string[] = new Array(n);
  // Styles are colours: without colour there is nothing to call.
  const styles = columns.map((c) => (color === plain ? undefined : c.style));
  for (let r = 0, k = 0; r < rows.length; r++) {
    const row = rows[r] as T;
    for (let i = 0; i < n; i++, k++) {
      const style = styles[i];
      const cell = cells[k] as string;
      const padded = i === n - 1 ? cell : cell.padEnd(cell.length + (widths[i] as number) - (cellWidths[k] as number));
      parts[i] = style ? style(padded, row) : padded;
    }
    const line = parts.join('  ');
    // Only a line that ends in blanks (an empty last cell, or one ending in spaces) needs
    // trimming; the rest are kept as joined instead of being copied once more.
    const last = parts[n - 1] as string;
    out[r + 1] = last === '' || /\s$/.test(last) ? line.trimEnd() : line;
  }
  return out.join('\n');
}
