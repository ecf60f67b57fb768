// Contact lists saved as CSV: LinkedIn's Connections.csv, Google Contacts' and Outlook's
// exports, as they come and as Excel saves them again (another encoding, `;` or tab
// between cells). Which one a file is comes from its header row; a CSV that is none of
// them is refused, naming the columns it has. Files are read in pieces and never held
// whole: a 100,000-row export costs the same memory as a 100-row one.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { UsageError } from '../core/errors.js';
import { googleRow, outlookRow } from './addressbooks.js';
import { chunkDecoder, type Encoding, encodingLabel, sniffEncoding } from './encoding.js';
import { linkedinRow } from './linkedin.js';
import { checkContact, countSkip, type ImportContact, type ImportSet } from './types.js';

export type CsvKind = 'linkedin' | 'google' | 'outlook';

/** Text in pieces; each call starts from the beginning again. */
export type TextSource = () => Iterable<string>;

/** Reads one row: a contact, or why the row is left out. */
export type RowReader = (cell: (column: string) => string | null, where: string) => ImportContact | { skip: string };

/** Cell lookups by lowercased column name: a row's cells, by header position. */
export type Columns = ReadonlyMap<string, number>;

const READERS: Record<CsvKind, (cols: Columns) => RowReader> = { linkedin: linkedinRow, google: googleRow, outlook: outlookRow };

/** Which export a header row belongs to, or null. */
export function csvKind(cols: Columns): CsvKind | null {
  const has = (c: string) => cols.has(c);
  if (has('connected on') || (has('first name') && has('last name') && has('position'))) return 'linkedin';
  if ([...cols.keys()].some((c) => /^e-mail \d+ - value$/.test(c)) || has('organization name') || has('organization 1 - name') || has('group membership') || has('labels')) {
    return 'google';
  }
  if (has('e-mail address') || has('job title') || has('business phone') || has('mobile phone')) return 'outlook';
  return null;
}

const BLOCK = 1 << 16;

/**
 * A file's text in pieces, decoded; the encoding is found by a first pass over its bytes.
 * `onRead` hears how many bytes have been read, of how many, as the pieces are taken.
 */
export function fileSource(file: string, onRead?: (done: number, size: number) => void): { source: TextSource; encoding: Encoding } {
  const fd = openSync(file, 'r');
  let encoding: Encoding;
  try {
    const head = Buffer.alloc(4096);
    const n = readSync(fd, head, 0, head.length, 0);
    // Only a file that is valid UTF-8 from end to end is read as UTF-8.
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    const buf = Buffer.alloc(BLOCK);
    let valid = true;
    for (let pos = 0, got = 0; valid && (got = readSync(fd, buf, 0, BLOCK, pos)) > 0; pos += got) {
      try {
        utf8.decode(buf.subarray(0, got), { stream: true });
      } catch {
        valid = false;
      }
    }
    if (valid) {
      try {
        utf8.decode();
      } catch {
        valid = false;
      }
    }
    encoding = sniffEncoding(head.subarray(0, n), valid);
  } finally {
    closeSync(fd);
  }
  function* chunks(): Generator<string> {
    const fd2 = openSync(file, 'r');
    try {
      const decoder = chunkDecoder(encoding);
      const buf = Buffer.alloc(BLOCK);
      const size = onRead ? fstatSync(fd2).size : 0;
      for (let pos = 0, got = 0; (got = readSync(fd2, buf, 0, BLOCK, pos)) > 0; pos += got) {
        onRead?.(pos + got, size);
        yield decoder.write(buf.subarray(0, got));
      }
      yield decoder.end();
    } finally {
      closeSync(fd2);
    }
  }
  return { source: chunks, encoding };
}

/**
 * A file's bytes in pieces, each a buffer of its own (a parser may keep one), for a reader
 * that decodes UTF-8 itself: cheaper than decoding to text that it would encode again.
 */
export function* fileBytes(file: string, onRead?: (done: number, size: number) => void): Generator<Uint8Array> {
  const fd = openSync(file, 'r');
  try {
    const size = onRead ? fstatSync(fd).size : 0;
    for (let pos = 0; ; ) {
      const buf = Buffer.allocUnsafe(BLOCK);
      const got = readSync(fd, buf, 0, BLOCK, pos);
      if (got === 0) return;
      pos += got;
      onRead?.(pos, size);
      yield buf.subarray(0, got);
    }
  } finally {
    closeSync(fd);
  }
}

/** Lines across piece boundaries, ends (CRLF, LF, CR) removed, numbered from 1. */
function* lines(source: TextSource): Generator<string> {
  let rest = '';
  let first = true;
  for (const piece of source()) {
    let text = rest + piece;
    if (first && text.length > 0) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    // A CR at the end of a piece may be the first half of a CRLF.
    const cut = text.endsWith('\r') ? text.length - 1 : text.length;
    const parts = text.slice(0, cut).split(/\r\n|\r|\n/);
    rest = (parts.pop() ?? '') + text.slice(cut);
    yield* parts;
  }
  if (rest !== '') yield rest;
}

const DELIMITERS = [',', ';', '\t'] as const;

function columnsOf(line: string, delimiter: string): Columns | null {
  try {
    const [head] = parse(line, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
    return new Map((head ?? []).map((h, i) => [h.trim().toLowerCase(), i] as const));
  } catch {
    return null;
  }
}

/** The header among a file's first lines (after LinkedIn's `Notes:` preamble), with its delimiter. */
function findHeader(line: string): { cols: Columns; delimiter: string; kind: CsvKind } | null {
  for (const delimiter of DELIMITERS) {
    if (!line.includes(delimiter)) continue;
    const cols = columnsOf(line, delimiter);
    const kind = cols && csvKind(cols);
    if (cols && kind) return { cols, delimiter, kind };
  }
  return null;
}

/** Rows are parsed this many lines at a time: csv-parse per row would cost more than the rows. */
const BATCH = 2000;

/**
 * Reads a contact CSV from `source`: the rows it can import, those it skips and why. The
 * returned set reads the file again when its contacts are iterated.
 */
export function readContactsCsv(source: TextSource, file: string, encoding: Encoding = 'utf-8', forced?: CsvKind): ImportSet {
  const scan = scanCsv(source, file, forced);
  const skipped = new Map<string, number>();
  let count = 0;
  for (const c of scan(skipped)) {
    void c;
    count++;
  }
  return {
    format: scan.kind,
    contacts: { [Symbol.iterator]: () => scan(new Map())[Symbol.iterator]() },
    contactCount: count,
    skipped,
    encoding: encoding === 'utf-8' ? null : encodingLabel(encoding),
    interactions: [],
    leads: [],
    promises: [],
    needs: [],
    notes: [],
  };
}

/** Parses a whole CSV text (tests and small inputs): the same reader over one piece. */
export function parseContactsCsv(text: string, file: string, forced?: CsvKind): ImportSet & { contacts: ImportContact[] } {
  const set = readContactsCsv(() => [text], file, 'utf-8', forced);
  return { ...set, contacts: [...set.contacts] };
}

function scanCsv(source: TextSource, file: string, forced?: CsvKind) {
  // Find the header first: its kind is the set's format even before any row is read.
  let header: { cols: Columns; delimiter: string; kind: CsvKind; line: number } | null = null;
  let n = 0;
  let firstLine: string | null = null;
  for (const line of lines(source)) {
    n++;
    if (firstLine === null && line.trim() !== '') firstLine = line;
    const found = findHeader(line);
    if (found) {
      header = { ...found, line: n };
      break;
    }
    if (n >= 50) break;
  }
  if (!header) {
    const seen = firstLine === null ? 'it is empty' : `its first line has the columns ${describeColumns(firstLine)}`;
    throw new UsageError(
      `${file} is not a CSV net can read: ${seen}. net reads LinkedIn's Connections.csv (First Name, Last Name, …, Connected On), ` +
        'Google Contacts CSV (First Name, …, E-mail 1 - Value) and Outlook CSV (First Name, …, E-mail Address); export the file again in one of these.',
    );
  }
  const h = header;
  const kind = forced ?? h.kind;
  const read = READERS[kind](h.cols);
  const run = function* (skipped: Map<string, number>): Generator<ImportContact> {
    let lineNo = 0;
    let pending: string[] = [];
    let pendingStart = 0;
    let batch: string[] = [];
    let batchStart = 0;
    let quotes = 0;
    const flush = function* (): Generator<ImportContact> {
      if (batch.length === 0) return;
      let rows: Array<{ record: string[]; info: { lines: number } }>;
      try {
        rows = parse(batch.join('\n'), { delimiter: h.delimiter, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof rows;
      } catch (err) {
        const e = err as { lines?: number; message: string };
        const at = e.lines !== undefined ? batchStart + e.lines - 1 : batchStart;
        throw new UsageError(`${file}: line ${at} is not valid CSV (${e.message}). Fix the file and import again; nothing was imported.`);
      }
      let prevEnd = batchStart - 1;
      for (const { record, info } of rows) {
        const endLine = batchStart + info.lines - 1;
        const where = `line ${prevEnd + 1}`;
        prevEnd = endLine;
        if (record.every((c) => c.trim() === '')) continue;
        let got: ReturnType<RowReader>;
        try {
          got = read((column) => {
            const i = h.cols.get(column);
            const v = i === undefined ? undefined : record[i]?.trim();
            return v ? v : null;
          }, where);
        } catch (err) {
          throw err instanceof UsageError ? new UsageError(`${file}: ${err.message}`) : err;
        }
        if ('skip' in got) countSkip(skipped, got.skip);
        else {
          checkContact(got, file);
          yield got;
        }
      }
      batch = [];
    };
    for (const line of lines(source)) {
      lineNo++;
      if (lineNo <= h.line) continue;
      if (pending.length === 0) pendingStart = lineNo;
      pending.push(line);
      for (let i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i + 1)) quotes++;
      // A record ends where its quotes are balanced; a quoted cell may hold line breaks.
      if (quotes % 2 !== 0) continue;
      if (batch.length === 0) batchStart = pendingStart;
      batch.push(...pending);
      pending = [];
      quotes = 0;
      if (batch.length >= BATCH) yield* flush();
    }
    if (pending.length) {
      if (batch.length === 0) batchStart = pendingStart;
      batch.push(...pending);
    }
    yield* flush();
  };
  return Object.assign(run, { kind });
}

function describeColumns(line: string): string {
  const delimiter = DELIMITERS.reduce((best, d) => (line.split(d).length > line.split(best).length ? d : best), ',' as string);
  let cols: string[];
  try {
    cols = ((parse(line, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][])[0] ?? []).map((c) => c.trim()).filter((c) => c !== '');
  } catch {
    cols = [line];
  }
  const shown = cols.slice(0, 8).map((c) => `"${c.replace(/[\p{C}]/gu, '?').slice(0, 40)}"`).join(', ');
  return cols.length > 8 ? `${shown} and ${cols.length - 8} more` : shown || '(none)';
}
