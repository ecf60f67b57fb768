// What `net find` looks for and why a record matched: the words typed, compared as every
// other name in net is (case and accents ignored), and where they occur in a text.
import { foldWithOffsets } from './names.js';

type Folded = ReturnType<typeof foldWithOffsets>;

/**
 * One typed word. `parts` are its runs of letters and digits (what the full-text index
 * holds); `pattern` finds the word itself in folded text; `prefix` says the word may be
 * the start of a longer one ("acm" finds Acme). A word that ends in a symbol ("C++", "C#")
 * must appear with it: "C++" is not any word starting with c.
 */
export interface Term {
  parts: string[];
  pattern: RegExp;
  prefix: boolean;
}

// A Unicode class costs a parse when its expression is made and a compile on its first use
// (0.1-0.3 ms each, in every process): the expressions with one are written where they are
// used, not made when the module loads, and within ASCII, where letters and digits are
// [A-Za-z0-9], a search typed and found in plain ASCII needs none but its own pattern.
const ASCII = /^[\x00-\x7f]*$/;

const escapeRe = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** Strips what surrounds a word (quotes, brackets, sentence punctuation), keeping symbols such as `+` and `#`. */
function trimEdges(word: string): string {
  // A word that begins and ends with an ASCII letter or digit has no edge to strip.
  if (/^[A-Za-z0-9]/.test(word) && /[A-Za-z0-9]$/.test(word)) return word;
  // Quotes, brackets and sentence punctuation around a word are not part of it; `+`, `#` and
  // other symbols are ("C++", "C#", "F#").
  return word.replace(/^[\p{P}\p{Z}\p{Cc}]+|[\p{P}\p{Z}\p{Cc}]+$/gu, (run) => [...run].filter((ch) => /[+#&@$%*]/.test(ch)).join(''));
}

/** Whether one character (a UTF-16 unit) is a letter or a digit. */
function letterOrDigit(ch: string): boolean {
  return ch < '\x80' ? /[A-Za-z0-9]/.test(ch) : /[\p{L}\p{N}]/u.test(ch);
}

/**
 * The words of a search, each with at least one letter or digit; the rest is ignored. A
 * word given again (in any case or accent) asks nothing more and is left out.
 */
export function searchTerms(text: string): Term[] {
  const terms: Term[] = [];
  const seen = new Set<string>();
  for (const raw of text.normalize('NFC').split(/\s+/u)) {
    const word = trimEdges(raw);
    const ascii = ASCII.test(word);
    const parts = (ascii ? word.match(/[A-Za-z0-9]+/g) : word.match(/[\p{L}\p{N}]+/gu)) ?? [];
    if (parts.length === 0) continue;
    const { folded } = foldWithOffsets(word);
    if (seen.has(folded)) continue;
    seen.add(folded);
    // Between two runs any separator will do ("foo-bar" finds "foo bar"); at the ends the
    // symbols kept must be there.
    const runs = ascii ? folded.split(/([A-Za-z0-9]+)/) : folded.split(/([\p{L}\p{N}]+)/u);
    const body = runs
      .map((run, i) => {
        if (i % 2 === 1) return escapeRe(run);
        if (run === '') return '';
        const inner = i > 0 && i < runs.length - 1;
        return inner ? '[^\\p{L}\\p{N}]+' : escapeRe(run);
      })
      .join('');
    // The runs begin and end with what lies outside the letters and digits: empty when the
    // word begins (or ends) with one.
    const startsWithWord = runs[0] === '';
    const prefix = runs[runs.length - 1] === '';
    terms.push({ parts, pattern: new RegExp(`${startsWithWord ? '(?<![\\p{L}\\p{N}])' : ''}${body}`, 'gu'), prefix });
  }
  return terms;
}

/** A stretch of a text that matched: `[start, end)` in UTF-16 units of the original text. */
export type Mark = readonly [number, number];

/**
 * Where the terms occur in `text`, in order and merged where they touch; a word found by
 * its beginning is marked whole ("[Acme]" for "acm").
 */
export function findMarks(text: string, terms: readonly Term[]): Mark[] {
  if (terms.length === 0 || text === '') return [];
  return marksIn(text, foldWithOffsets(text), terms);
}

/** `findMarks` on a text already folded. */
function marksIn(text: string, { folded, start, end }: Folded, terms: readonly Term[]): Mark[] {
  const marks: Array<[number, number]> = [];
  for (const t of terms) {
    t.pattern.lastIndex = 0;
    for (const m of folded.matchAll(t.pattern)) {
      let to = m.index + m[0].length;
      if (t.prefix) while (to < folded.length && letterOrDigit(folded[to] ?? '')) to++;
      if (to > m.index) marks.push(start && end ? [start[m.index] ?? 0, end[to - 1] ?? text.length] : [m.index, to]);
    }
  }
  marks.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const m of marks) {
    const last = merged.at(-1);
    if (last && m[0] <= last[1]) last[1] = Math.max(last[1], m[1]);
    else merged.push([m[0], m[1]]);
  }
  return merged;
}

/** Whether a term occurs in a folded text. */
function holds(folded: string, term: Term): boolean {
  term.pattern.lastIndex = 0;
  const found = term.pattern.test(folded);
  term.pattern.lastIndex = 0;
  return found;
}

export interface FieldMatch {
  field: string;
  text: string;
  marks: Mark[];
}

/**
 * The fields of one record that explain a search, or null when the record does not hold
 * every term (a word of the full-text index alone, like the "c" of "C++", is not enough).
 */
export function recordMatches(fields: ReadonlyArray<{ field: string; text: string | null }>, terms: readonly Term[]): FieldMatch[] | null {
  // Each field is folded once, for every term and for its marks: folding is most of what a search costs.
  const present = fields.flatMap((f) => (f.text === null || f.text === '' ? [] : [{ field: f.field, text: f.text, fold: foldWithOffsets(f.text) }]));
  if (!terms.every((t) => present.some((f) => holds(f.fold.folded, t)))) return null;
  const out: FieldMatch[] = [];
  for (const f of present) {
    const marks = marksIn(f.text, f.fold, terms);
    if (marks.length > 0) out.push({ field: f.field, text: f.text, marks });
  }
  return out;
}

/** The kinds of record a search reads, by the letter of their ids. */
export type SearchedKind = 'contact' | 'interaction' | 'lead' | 'promise' | 'need' | 'note';

/** A record the full-text index found, with its searchable fields and the contacts it belongs to. */
export interface SearchedRecord {
  /** Its id as commands take it: `c3`, `i12`, `l4`, `p2`, `n5`, `m7`. */
  record: string;
  kind: SearchedKind;
  /** The day it is about (met, talked, given, made, noted); null for a contact not yet met. */
  on: string | null;
  fields: Array<{ field: string; text: string | null }>;
  /**
   * Contacts it is listed under: the people of a conversation, a lead's source and person.
   * In no particular order (read unsorted, which spares a sort per conversation).
   */
  owners: number[];
}

/** A record that holds every term, with the fields that show why. */
export interface Explained {
  record: SearchedRecord;
  matches: FieldMatch[];
}

/**
 * Why each contact matched, by contact id: the records under them that hold every term,
 * in the order given. Records the index found only by a part of a word ("c" for "C++")
 * drop out here.
 */
export function explainMatches(records: readonly SearchedRecord[], terms: readonly Term[]): Map<number, Explained[]> {
  const byContact = new Map<number, Explained[]>();
  for (const record of records) {
    const matches = recordMatches(record.fields, terms);
    if (matches === null) continue;
    for (const owner of new Set(record.owners)) {
      const list = byContact.get(owner) ?? [];
      list.push({ record, matches });
      byContact.set(owner, list);
    }
  }
  return byContact;
}
