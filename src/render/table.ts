import type { Colors } from './colors.js';
import { displayWidth, safeLine, truncate } from './text.js';

export interface Column<T> {
  header: string;
  value: (row: T) => string | null | undefined;
  /** Colour for a cell, applied after alignment so escape codes do not skew widths. */
  style?: (text: string, row: T) => string;
  /** This column shrinks first when the terminal is narrow. */
  flexible?: boolean;
}

/**
 * Aligned columns. On a terminal the header is bold and a flexible column is cut to fit
 * `width`; piped, the same columns come out as plain text with no escape codes.
 */
export function table<T>(rows: readonly T[], columns: ReadonlyArray<Column<T>>, color: Colors, width: number | null): string {
  const cells = rows.map((r) => columns.map((c) => safeLine(c.value(r))));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...cells.map((row) => displayWidth(row[i] ?? ''))));
  if (width !== null) {
    const total = widths.reduce((a, b) => a + b, 0) + 2 * (columns.length - 1);
    const flex = columns.findIndex((c) => c.flexible);
    if (total > width && flex >= 0) {
      widths[flex] = Math.max(10, (widths[flex] ?? 0) - (total - width));
      for (const row of cells) row[flex] = truncate(row[flex] ?? '', widths[flex] ?? 10);
    }
  }
  const pad = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - displayWidth(text)));
  const line = (parts: string[]) => parts.join('  ').trimEnd();
  const header = line(columns.map((c, i) => color.bold(i === columns.length - 1 ? c.header : pad(c.header, widths[i] ?? 0))));
  const body = cells.map((row, r) =>
    line(
      row.map((text, i) => {
        const col = columns[i];
        const padded = i === row.length - 1 ? text : pad(text, widths[i] ?? 0);
        const rowData = rows[r];
        return col?.style && rowData !== undefined ? col.style(padded, rowData) : padded;
      }),
    ),
  );
  return [header, ...body].join('\n');
}
