// Text normalisation and matching a typed reference to a contact. One place decides how
// names compare, so `Jose`, `josé` and a decomposed `José` all find the same person.

/** The form stored in the journal: NFC, so the same text is the same bytes. */
export function normalizeText(s: string): string {
  return s.normalize('NFC');
}

/** The form used to compare: accents removed, case folded, spaces collapsed. */
// Letters that are not a base letter plus an accent, so NFD leaves them whole.
const FOLD: Record<string, string> = { ø: 'o', ł: 'l', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };
// Those letters, escaped: a regular expression is copied into the bundle as it is written,
// and the bundle must stay ASCII (scripts/build.mjs says why).
const FOLDED = /[\u00f8\u0142\u00df\u00e6\u0153\u0111\u00f0\u00fe\u0131\u0127]/g;

/** Characters already folded by `foldChar`: a search folds every character it reads, from a few distinct ones. */
const folds = new Map<string, string>();

/** One character in the compared form (without matchKey's trimming): "É" → "e", "ß" → "ss". */
function foldChar(ch: string): string {
  let f = folds.get(ch);
  if (f === undefined) {
    f = ch < '\x80' ? ch.toLowerCase() : unaccented(ch);
    folds.set(ch, f);
  }
  return f;
}

/**
 * ASCII text has no accent to remove, no letter of `FOLD` and the same lower case in every
 * locale: only other text is decomposed and stripped of its marks. (The class of marks is
 * compiled on first use, about half a millisecond of a command that never needed it.)
 */
const ASCII = /^[\x00-\x7f]*$/;

function unaccented(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en-US')
    .replace(FOLDED, (c) => FOLD[c] ?? c);
}

/**
 * `text` in the compared form, character by character, with where each of its UTF-16
 * units came from in `text` (`start` and `end`), so that a match found in the folded text
 * can be marked in the original. ASCII text folds to its lower case, each unit from
 * itself: its offsets are not kept (null), which spares a search that reads thousands of
 * records most of its work.
 */
export function foldWithOffsets(text: string): { folded: string; start: number[] | null; end: number[] | null } {
  if (ASCII.test(text)) return { folded: text.toLowerCase(), start: null, end: null };
  let folded = '';
  const start: number[] = [];
  const end: number[] = [];
  let at = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    folded += f;
    for (let k = 0; k < f.length; k++) {
      start.push(at);
      end.push(at + ch.length);
    }
    at += ch.length;
  }
  return { folded, start, end };
}

export function matchKey(s: string): string {
  return (ASCII.test(s) ? s.toLowerCase() : unaccented(s)).replace(/\s+/g, ' ').trim();
}

export interface Named {
  id: number;
  name: string;
}

export type MatchResult<T extends Named> =
  | { kind: 'one'; contact: T }
  | { kind: 'none' }
  | { kind: 'many'; candidates: T[] };

/** `12`, `#12` or `c12`: a contact's numeric id, else null. */
export function parseIdRef(ref: string): number | null {
  const m = /^(?:#|c)?(\d{1,15})$/i.exec(ref.trim());
  return m ? Number(m[1]) : null;
}

/**
 * Finds the contact a reference names: exact name first, then a unique prefix, then a
 * unique substring, all compared by `matchKey`. Several at the first level that matches
 * is ambiguous; the caller asks or refuses.
 */
export function matchContact<T extends Named>(contacts: readonly T[], ref: string): MatchResult<T> {
  const key = matchKey(ref);
  if (key === '') return { kind: 'none' };
  const keyed = contacts.map((c) => ({ c, k: matchKey(c.name) }));
  const tiers: Array<(k: string) => boolean> = [
    (k) => k === key,
    (k) => k.startsWith(key),
    (k) => k.includes(key),
  ];
  for (const test of tiers) {
    const found = keyed.filter((x) => test(x.k)).map((x) => x.c);
    if (found.length === 1 && found[0]) return { kind: 'one', contact: found[0] };
    if (found.length > 1) return { kind: 'many', candidates: found };
  }
  return { kind: 'none' };
}

/** `l12`, `L12`, `#12` or `12` for an item whose letter prefix is `prefix`. */
export function parseItemId(text: string, prefix: string): number | null {
  const m = new RegExp(`^(?:${prefix}|#)?(\\d{1,15})$`, 'i').exec(text.trim());
  return m ? Number(m[1]) : null;
}

/** How many edits a typed name may be away from a contact's to be offered: more for longer names. */
function allowedEdits(length: number): number {
  if (length < 3) return 0;
  if (length <= 4) return 1;
  return length <= 8 ? 2 : 3;
}

/**
 * Contacts whose name is close to `ref` (a typo: "Thomm" for Thom Baker), closest first,
 * for "Did you mean …?". A name is compared whole and by each run of as many of its words
 * as `ref` has, so a misspelt first name alone finds the full name. `distance` is an edit
 * distance (a swap of two letters counting as one edit), passed in so that this stays pure and its library is loaded only when needed.
 */
export function closeNames<T extends Named>(contacts: readonly T[], ref: string, distance: (a: string, b: string) => number, limit = 3): T[] {
  const key = matchKey(ref);
  const allowed = allowedEdits(key.length);
  if (allowed === 0) return [];
  const width = key.split(' ').length;
  const scored: Array<{ c: T; d: number; k: string }> = [];
  for (const c of contacts) {
    const k = matchKey(c.name);
    const words = k.split(' ');
    let best = distance(key, k);
    for (let i = 0; i + width <= words.length && best > 0; i++) best = Math.min(best, distance(key, words.slice(i, i + width).join(' ')));
    if (best <= allowed) scored.push({ c, d: best, k });
  }
  scored.sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : a.k > b.k ? 1 : a.c.id - b.c.id));
  return scored.slice(0, limit).map((s) => s.c);
}
