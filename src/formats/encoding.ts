// The text encodings address books and spreadsheets are really saved in. A file is read as
// UTF-8 when it is valid UTF-8; UTF-16 when it says so (a byte-order mark) or looks so
// (every other byte zero, as Windows "Unicode" saves); otherwise as Windows-1252, the
// "ANSI" of Excel and Outlook on Western Windows (a superset of Latin-1's letters). The
// conversion itself is iconv-lite's: never our own tables, and never mojibake stored.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** How many bytes of a file's start are enough to tell UTF-16 from the rest. */
const SNIFF = 4096;

/** The encoding a UTF-16 file without a byte-order mark betrays by its zero bytes. */
function utf16ByZeros(head: Buffer): Encoding | null {
  const n = Math.min(head.length, SNIFF) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  const half = n / 2;
  // Text in Latin script saved as UTF-16 has a zero in nearly every high byte.
  if (odd > half * 0.4 && even < half * 0.05) return 'utf-16le';
  if (even > half * 0.4 && odd < half * 0.05) return 'utf-16be';
  return null;
}

/**
 * The encoding of a file from its first bytes, and whether the whole file is valid UTF-8
 * (which only the caller, who has read all of it, can say).
 */
export function sniffEncoding(head: Buffer, validUtf8: boolean): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const utf16 = utf16ByZeros(head);
  if (utf16) return utf16;
  return validUtf8 ? 'utf-8' : 'windows-1252';
}

/** The name a person knows an encoding by, for messages and the import summary. */
export function encodingLabel(e: Encoding): string {
  return { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16', 'windows-1252': 'Windows-1252 (ANSI)' }[e];
}

/** A whole file's text, without a byte-order mark, and the encoding it was read in. */
export function decodeFile(bytes: Buffer): { text: string; encoding: Encoding } {
  const encoding = sniffEncoding(bytes.subarray(0, SNIFF), isUtf8(bytes));
  return { text: iconv.decode(bytes, encoding, { stripBOM: true }), encoding };
}

/** Bytes in a named charset (a vCard's `CHARSET=`), or null when iconv-lite does not know it. */
export function decodeCharset(bytes: Buffer, charset: string): string | null {
  if (!iconv.encodingExists(charset)) return null;
  return iconv.decode(bytes, charset, { stripBOM: false });
}

/** A decoder fed chunk by chunk, for files read in pieces. */
export function chunkDecoder(encoding: Encoding): { write(b: Buffer): string; end(): string } {
  const d = iconv.getDecoder(encoding, { stripBOM: true });
  return { write: (b) => d.write(b), end: () => d.end() ?? '' };
}
