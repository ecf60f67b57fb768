// Making journal text safe to print on a terminal. The journal and JSON keep the raw value;
// only human output passes through here.

// C0 controls except tab and newline, DEL, C1 controls, and the bidi controls that can
// reorder what a line appears to say.
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text with every control character shown as a harmless `\xNN`, keeping newlines and tabs. */
export function safe(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** Anything `safeLine` changes: controls (tab, CR and newline included) and bidi controls; most text has none. */
export const LINE_UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * One column per character: printable ASCII, Latin-1 and the Latin Extended blocks, which
 * hold no wide characters and no combining marks (those start at U+0300). Most names.
 * Such text is also safe on one line (no control or bidi character is in these blocks).
 */
export const NARROW = /^[\x20-\x7e\xa0-\u02ff]*$/;

/** Like `safe`, on one line: newlines and tabs become spaces. */
export function safeLine(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  if (!LINE_UNSAFE.test(text)) return text;
  return safe(text.replace(/\r\n?/g, '\n')).replace(/[\n\t]+/g, ' ');
}

/**
 * A file's text (a CSV or vCard export) for a terminal: line ends as the terminal shows
 * them, every other control character made visible. Elsewhere the text goes out exact.
 */
export function terminalText(io: { stdoutIsTTY: boolean }, text: string): string {
  return io.stdoutIsTTY ? safe(text.replace(/\r\n|\r$/g, '\n').replace(/\n$/, '')) : text;
}

/** Text as one shell word that no shell expands: single-quoted unless it is plain. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * Journal text as a word of a command printed for the user to copy: double-quoted as
 * people type it, or single-quoted when a shell would expand or end a double-quoted word
 * (`$`, backquote, backslash, `"`, and `!` in an interactive bash), so pasting it runs that
 * command and nothing else.
 */
export function hintWord(text: string): string {
  const line = safeLine(text);
  return /["$`\\!]/.test(line) ? shellWord(line) : `"${line}"`;
}

/** A side of a ledger in words: "2 leads, 1 introduction", or "nothing yet". */
export function ledgerText(lines: ReadonlyArray<{ one: string; many: string; count: number }>): string {
  return lines.filter((l) => l.count > 0).map((l) => `${l.count} ${l.count === 1 ? l.one : l.many}`).join(', ') || 'nothing yet';
}

/** Columns a string takes on a terminal: wide East Asian characters and emoji count two, marks none. */
export function displayWidth(text: string): number {
  if (NARROW.test(text)) return text.length;
  let w = 0;
  let emoji = false;
  let joined = false;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    // An emoji joined to the one before it (👩‍💻) is drawn into it, and a skin-tone
    // modifier changes the emoji it follows: neither takes columns of its own.
    const zero = joined || (emoji && c >= 0x1f3fb && c <= 0x1f3ff) || c === 0x200d || /\p{M}|[\ufe00-\ufe0f]/u.test(ch);
    joined = emoji && c === 0x200d;
    if (zero) continue;
    emoji = c >= 0x1f300 && c <= 0x1faff;
    if (
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x1f300 && c <= 0x1faff) ||
      (c >= 0x20000 && c <= 0x3fffd)
    ) {
      w += 2;
    } else {
      w += 1;
    }
  }
  return w;
}

/** Cuts text to `max` columns, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = displayWidth(ch);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  // "Maximilian Alexander…", not "Maximilian Alexander …".
  return `${out.trimEnd()}…`;
}

/** A count as people read it: `5164` is "5,164". */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Contacts as a choice in a sentence: "Thom Baker (#3)", "A (#1) or B (#2)", "A (#1), B (#2) or C (#3)". */
export function contactsOr(contacts: ReadonlyArray<{ id: number; name: string }>): string {
  const each = contacts.map((c) => `${safeLine(c.name)} (#${c.id})`);
  return each.length <= 1 ? (each[0] ?? '') : `${each.slice(0, -1).join(', ')} or ${each.at(-1) ?? ''}`;
}
