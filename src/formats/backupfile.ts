// Reading a JSON backup piece by piece: a backup can be larger than the longest string V8
// can hold (about 512 MB), and holding all of its records at once would take several
// times its size. @streamparser/json's tokenizer and token parser turn the text into
// tokens and then into one record at a time, synchronously (the importer writes each
// record in the command's one transaction as it comes); the records it has handed over
// are dropped (`keepStack: false`). The outline of the file (which lists there are, in
// which order, and the values of "format" and "version") is followed here from the tokens.
// JSON objects have no order, and other tools (or a `jq -S`) may write the lists in any:
// a list that comes before what it points at is read again, from the file, once that has
// been handed over. Nothing is held aside, so memory stays bounded; a file in the order
// net writes is read once, any other at most three times.
import { TokenParser, TokenType, Tokenizer } from '@streamparser/json';
import { UsageError } from '../core/errors.js';
import { BACKUP_LISTS, type BackupList, type BackupRecord, backupRecord, checkHeader } from './backup.js';

const LISTS = new Set<string>(BACKUP_LISTS);

/** Where the outline stands: inside the top object, waiting for a key, a value, or a comma. */
type Expect = 'key' | 'colon' | 'value' | 'comma';

/** The lists whose records must all have been handed over before a list's: the contacts everything points at, the leads an application names. */
const AFTER: Record<BackupList, readonly BackupList[]> = {
  contacts: [],
  interactions: ['contacts'],
  leads: ['contacts'],
  promises: ['contacts'],
  needs: ['contacts'],
  notes: ['contacts'],
  jobs: ['contacts', 'leads'],
};

/**
 * Reads a backup's text (or its UTF-8 bytes), given in pieces by `pieces` (called again
 * for each reading), and hands each record, checked, to `visit`: every contact before any
 * other record, the leads before the applications, each list's records in file order.
 * The lists may come in any order: those that come too early are left for another reading
 * of the file (`AFTER`). The header is checked when the first list starts if it came
 * before (as net writes it), else when the file ends, with what is missing: a file that
 * turns out not to be a backup has been handed over in part, so the caller checks it whole
 * before it writes anything.
 */
export function readBackup(pieces: () => Iterable<string | Uint8Array>, file: string, visit: (r: BackupRecord) => void): void {
  const done = new Set<BackupList>();
  const ready = (l: BackupList) => !done.has(l) && AFTER[l].every((d) => done.has(d));
  // The first reading checks the whole file and fails on a required list that is missing,
  // so what a list waits for is there: a second reading hands over all but the applications
  // that came before the leads, a third those.
  for (let lists = readOnce(pieces(), file, ready, done, visit); [...lists].some((l) => !done.has(l)); ) {
    lists = readOnce(pieces(), file, ready, done, visit);
  }
}

/** One reading of the file: the records of the lists `ready` wants go to `visit`, and those lists to `done`. Gives the lists the file has. */
function readOnce(
  pieces: Iterable<string | Uint8Array>,
  file: string,
  ready: (l: BackupList) => boolean,
  done: Set<BackupList>,
  visit: (r: BackupRecord) => void,
): ReadonlySet<BackupList> {
  const fail = (msg: string): never => {
    throw new UsageError(`${file}: ${msg}. Fix the file and import again; nothing was imported.`);
  };
  const tokenizer = new Tokenizer();
  // Only the records of the lists are built; everything else is followed token by token.
  const parser = new TokenParser({ paths: ['$.*.*'], keepStack: false });
  let depth = 0;
  let expect: Expect = 'key';
  let key = '';
  const header = new Map<string, unknown>();
  const seen = new Set<BackupList>();
  let list: BackupList | null = null;
  /** Whether the records of `list` are handed over in this reading. */
  let visiting = false;
  let started = false;
  let ended = false;
  let checked = false;
  // What `visit` threw comes back out of the parser as it was: only the parser's own errors mean the text is not JSON.
  let visitFailed: unknown;

  parser.onValue = ({ value, key: index }) => {
    if (list === null || !visiting) return;
    if (typeof index !== 'number') fail(`"${list}" is not a list`);
    const r = backupRecord(list, index as number, value, file);
    try {
      visit(r);
    } catch (err) {
      visitFailed = err;
      throw err;
    }
  };
  tokenizer.onToken = (t) => {
    parser.write(t);
    const opens = t.token === TokenType.LEFT_BRACE || t.token === TokenType.LEFT_BRACKET;
    const closes = t.token === TokenType.RIGHT_BRACE || t.token === TokenType.RIGHT_BRACKET;
    if (!started) {
      started = true;
      if (t.token !== TokenType.LEFT_BRACE) throw new UsageError(`${file} is not a net backup: it is not a JSON object.`);
      depth = 1;
      return;
    }
    if (depth === 1) {
      if (expect === 'key' && t.token === TokenType.STRING) {
        key = String(t.value);
        expect = 'colon';
      } else if (t.token === TokenType.COLON) {
        expect = 'value';
      } else if (t.token === TokenType.COMMA) {
        expect = 'key';
      } else if (expect === 'value') {
        expect = 'comma';
        if (LISTS.has(key)) {
          // As net writes it, the header comes first: a file that is no backup, or one of a
          // newer version, is refused before any of its records.
          if (!checked && header.has('format') && header.has('version')) checkHeader(header.get('format'), header.get('version'), file);
          checked = true;
          list = key as BackupList;
          if (seen.has(list)) fail(`"${key}" appears twice`);
          seen.add(list);
          if (t.token !== TokenType.LEFT_BRACKET) fail(`"${key}" is not a list`);
          visiting = ready(list);
        } else if (!opens) {
          header.set(key, t.value);
        }
      } else if (closes) {
        ended = true;
      }
    }
    if (opens) depth++;
    else if (closes && --depth === 1) {
      if (list !== null && visiting) done.add(list);
      list = null;
    }
  };

  try {
    for (const piece of pieces) tokenizer.write(piece);
    if (!tokenizer.isEnded) tokenizer.end();
  } catch (err) {
    if (err instanceof UsageError || err === visitFailed) throw err;
    throw new UsageError(`${file} is not valid JSON (${(err as Error).message}). Import a file written by net export.`);
  }
  if (!ended) throw new UsageError(`${file} is not valid JSON (it ends before the backup does). Import a file written by net export.`);
  checkHeader(header.get('format'), header.get('version'), file);
  const version = header.get('version') as number;
  // Version 1 had no notes, version 2 no jobs; from the version that added it, a list is required like the others.
  const since: Partial<Record<BackupList, number>> = { notes: 2, jobs: 3 };
  for (const name of BACKUP_LISTS) {
    if (!seen.has(name) && version >= (since[name] ?? 1)) {
      throw new UsageError(`${file}: the backup has no "${name}" list. Fix the file and import again; nothing was imported.`);
    }
  }
  return seen;
}
