// vCard 2.1, 3.0 and 4.0 as Google, Apple, Android, Outlook and iPhone write them, and
// vCard 3.0 out. Ours because the maintained parsers we looked at either drop `itemN.`
// groups or choke on repeated lowercase `type=` parameters; the quirks are listed in the
// tests' fixtures. Quoted-printable is decoded by libqp and charsets by iconv-lite.
import { isUtf8 } from 'node:buffer';
import libqp from 'libqp';
import { UsageError } from '../core/errors.js';
import { isPhoneType, phoneType } from '../core/phones.js';
import type { Contact } from '../core/types.js';
import { decodeCharset, decodeFile, encodingLabel, sniffEncoding } from './encoding.js';
import { foldLine } from './ics.js';
import { checkContact, countSkip, emptySet, type ImportContact, type ImportSet } from './types.js';

interface Property {
  name: string;
  params: Map<string, string[]>;
  /** The value as text, quoted-printable and charset decoded. */
  value: string;
  line: number;
}

/** A line as read: its text, one character per byte (latin1) until its value is decoded. */
interface RawLine {
  text: string;
  line: number;
}

/**
 * The logical lines of a file held one character per byte. Line ends may be CRLF, LF, CR
 * or an iPhone's CR CR LF. Folded lines (a space or tab first, RFC 6350 §3.2) are joined as
 * bytes, so a fold inside a UTF-8 character joins back; so are vCard 2.1's quoted-printable
 * soft breaks (`=` at a line's end) and the unindented base64 lines of a 2.1 PHOTO.
 */
function logicalLines(bytes: string): RawLine[] {
  const out: RawLine[] = [];
  let cur: RawLine | null = null;
  let qp = false;
  let base64 = false;
  const head = (text: string) => {
    const colon = text.indexOf(':');
    const h = (colon < 0 ? text : text.slice(0, colon)).toUpperCase();
    qp = /;(ENCODING=)?QUOTED-PRINTABLE\b/.test(h);
    base64 = /;(ENCODING=)?(BASE64|B)\b/.test(h);
  };
  bytes.split(/\r*\n|\r+/).forEach((raw, i) => {
    if (cur) {
      if (qp && cur.text.endsWith('=')) {
        cur.text = cur.text.slice(0, -1) + raw;
        return;
      }
      if (raw.startsWith(' ') || raw.startsWith('\t')) {
        cur.text += raw.slice(1);
        return;
      }
      if (base64 && /^[A-Za-z0-9+/]+=*$/.test(raw)) return;
    }
    cur = { text: raw, line: i + 1 };
    out.push(cur);
    head(raw);
  });
  return out;
}

/** Splits at `sep` outside double quotes. */
function splitOutsideQuotes(s: string, sep: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    if (ch === sep && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

function parseLine(text: string, line: number): Property | null {
  let colon = -1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return null;
  const [head = '', ...rawParams] = splitOutsideQuotes(text.slice(0, colon), ';');
  const name = head.replace(/^[^.]*\./, '').toUpperCase();
  const params = new Map<string, string[]>();
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    // vCard 2.1 style bare parameters (`TEL;CELL`) are types.
    const key = eq < 0 ? 'TYPE' : p.slice(0, eq).toUpperCase();
    const values = (eq < 0 ? p : p.slice(eq + 1)).split(',').map((v) => v.replace(/^"|"$/g, '').toLowerCase());
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  return { name, params, value: text.slice(colon + 1), line };
}

/** Splits a value at unescaped `sep` (`;` for structured values, `,` for lists). */
function splitValue(value: string, sep: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '\\' && i + 1 < value.length) {
      cur += ch + value[i + 1];
      i++;
    } else if (ch === sep) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

export function unescapeValue(v: string): string {
  return v.replace(/\\([\\,;nN:])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));
}

/** vCard 4.0 `PREF=1` (lower is preferred, 1 to 100) or 3.0 `TYPE=pref`; unmarked last. */
function preference(p: Property): number {
  const pref = (p.params.get('PREF') ?? []).map(Number).filter((n) => Number.isFinite(n));
  if (pref.length) return Math.min(...pref);
  return (p.params.get('TYPE') ?? []).includes('pref') ? 1 : 101;
}

function preferred(props: Property[]): Property | undefined {
  let best: Property | undefined;
  for (const p of props) if (!best || preference(p) < preference(best)) best = p;
  return best;
}

function clean(v: string | undefined): string | null {
  const t = v?.trim();
  return t ? t : null;
}

/** The name a card goes by: FN, else N, else its company, else its email; null when none. */
function nameOf(all: (name: string) => Property[], one: (name: string) => string | null): string | null {
  const fn = one('FN');
  if (fn) return fn;
  const n = all('N')[0];
  if (n) {
    const [family = '', given = '', middle = '', prefix = '', suffix = ''] = splitValue(n.value, ';').map(unescapeValue);
    const name = clean([prefix, given, middle, family, suffix].filter((s) => s.trim()).join(' '));
    if (name) return name;
  }
  const org = all('ORG')[0];
  const company = org ? clean(unescapeValue(splitValue(org.value, ';')[0] ?? '')) : null;
  if (company) return company;
  const email = preferred(all('EMAIL'));
  return email ? clean(unescapeValue(email.value).replace(/^mailto:/i, '')) : null;
}

function toContact(props: Property[], where: string): ImportContact | null {
  const all = (name: string) => props.filter((p) => p.name === name);
  const one = (name: string) => clean(unescapeValue(all(name)[0]?.value ?? ''));
  const name = nameOf(all, one);
  if (!name) return null;
  const n = all('N')[0];
  const [family = '', given = ''] = n ? splitValue(n.value, ';').map(unescapeValue) : [];
  const email = preferred(all('EMAIL'));
  const tel = preferred(all('TEL'));
  const org = all('ORG')[0];
  const phone = tel ? unescapeValue(tel.value).replace(/^tel:/i, '') : null;
  const tags = all('CATEGORIES').flatMap((p) => splitValue(p.value, ',').map((t) => unescapeValue(t).trim())).filter((t) => t !== '');
  const uid = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(one('UID') ?? '');
  return {
    where: `${where}, ${name}`,
    ...(uid?.[1] ? { uuid: uid[1].toLowerCase() } : {}),
    name,
    givenName: clean(given),
    familyName: clean(family),
    email: email ? clean(unescapeValue(email.value).replace(/^mailto:/i, '')) : null,
    phone: clean(phone ?? undefined),
    phoneType: tel ? phoneType(tel.params.get('TYPE') ?? []) : null,
    company: org ? clean(unescapeValue(splitValue(org.value, ';')[0] ?? '')) : null,
    role: one('TITLE'),
    url: clean(unescapeValue(preferred(all('URL'))?.value ?? '')),
    notes: one('NOTE'),
    tags,
  };
}

/** Properties a contact does not keep, often large: photos, logos, sounds, keys. */
const DROPPED = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);

/**
 * Reads every card in a vCard file; a card left open (truncated file) is refused, and a
 * card with no name, company or email is skipped and counted. `input` is the file's bytes
 * (or, in tests, its text).
 */
export function parseVcards(input: Buffer | string, file: string): ImportSet & { contacts: ImportContact[] } {
  let bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const set = emptySet('vcard');
  // UTF-16 (Windows' "Unicode") is turned into UTF-8 first; everything else is read byte
  // for byte, each value decoded by its own CHARSET, or the file's.
  const sniffed = sniffEncoding(bytes.subarray(0, 4096), true);
  if (sniffed === 'utf-16le' || sniffed === 'utf-16be') {
    bytes = Buffer.from(decodeFile(bytes).text, 'utf8');
    set.encoding = encodingLabel(sniffed);
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  const ansi = () => {
    set.encoding ??= encodingLabel('windows-1252');
    return 'windows-1252';
  };
  let card: Property[] | null = null;
  let start = 0;
  let cards = 0;
  for (const { text: raw, line } of logicalLines(bytes.toString('latin1'))) {
    if (raw.trim() === '') continue;
    const p = parseLine(raw, line);
    if (!p) {
      if (card) throw new UsageError(`${file}: line ${line} is not a vCard property ("${printable(raw.slice(0, 40))}"). Fix the file and import again; nothing was imported.`);
      continue;
    }
    if (p.name === 'BEGIN' && p.value.trim().toUpperCase() === 'VCARD') {
      if (card) throw new UsageError(`${file}: the card starting at line ${start} has no END:VCARD before line ${line}. The file may be cut short; export it again.`);
      card = [];
      start = line;
    } else if (p.name === 'END' && p.value.trim().toUpperCase() === 'VCARD') {
      if (!card) throw new UsageError(`${file}: line ${line} ends a card that never began. Fix the file and import again; nothing was imported.`);
      cards++;
      const c = toContact(card, `card ${cards} (line ${start})`);
      if (c) {
        checkContact(c, file);
        set.contacts.push(c);
      } else countSkip(set.skipped, 'cards without a name, company or email');
      card = null;
    } else if (card && !DROPPED.has(p.name)) {
      card.push({ ...p, value: decodeValue(p, ansi, file) });
    }
  }
  if (card) throw new UsageError(`${file}: the card starting at line ${start} has no END:VCARD. The file looks cut short; export it again.`);
  if (cards === 0) throw new UsageError(`${file} holds no vCards (no BEGIN:VCARD). Check that it is a .vcf export.`);
  set.contactCount = set.contacts.length;
  return set;
}

/** A value's text from its bytes: quoted-printable undone, then its CHARSET (or the file's) read. */
function decodeValue(p: Property, ansi: () => string, file: string): string {
  let bytes: Buffer = Buffer.from(p.value, 'latin1');
  const encoding = [...(p.params.get('ENCODING') ?? []), ...(p.params.get('TYPE') ?? [])];
  if (encoding.includes('quoted-printable')) bytes = libqp.decode(bytes);
  // Without a CHARSET a value is UTF-8 when it is valid UTF-8, else the file's ANSI.
  const charset = p.params.get('CHARSET')?.[0] ?? (isUtf8(bytes) ? 'utf-8' : ansi());
  const text = decodeCharset(bytes, charset);
  if (text === null) {
    throw new UsageError(`${file}: line ${p.line} is in the character set "${printable(charset)}", which net cannot read. Export the file again as UTF-8; nothing was imported.`);
  }
  return text;
}

/** Text from a file shown in a message: control characters as `?`. */
function printable(s: string): string {
  return s.replace(/\p{C}/gu, '?');
}

function escapeValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\r\n|\r|\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');
}

/**
 * The N property's family and given names: those the source gave, else the name split
 * before its last word, with what follows a comma (`Jane Doe, Ph.D.`) kept as a suffix.
 */
export function nameParts(c: Pick<Contact, 'name' | 'givenName' | 'familyName'>): { family: string; given: string; suffix: string } {
  const atComma = (s: string) => {
    const comma = s.indexOf(',');
    return comma < 0 ? [s.trim(), ''] : [s.slice(0, comma).trim(), s.slice(comma + 1).trim()];
  };
  if (c.givenName || c.familyName) {
    const [family = '', suffix = ''] = atComma(c.familyName ?? '');
    return { family, given: c.givenName ?? '', suffix };
  }
  const [base = '', suffix = ''] = atComma(c.name);
  const words = base.split(/\s+/);
  const family = words.length > 1 ? (words.pop() ?? '') : '';
  return { family, given: words.join(' '), suffix };
}

/** One card in vCard 3.0; every value escaped and every line folded. */
export function toVcard(c: Contact): string {
  const n = nameParts(c);
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${escapeValue(c.name)}`, `N:${escapeValue(n.family)};${escapeValue(n.given)};;;${escapeValue(n.suffix)}`];
  if (c.company) lines.push(`ORG:${escapeValue(c.company)}`);
  if (c.role) lines.push(`TITLE:${escapeValue(c.role)}`);
  if (c.email) lines.push(`EMAIL;TYPE=INTERNET:${escapeValue(c.email)}`);
  // The stored type is checked to be known types only (core/phones.ts) before it is a parameter.
  if (c.phone) lines.push(`TEL${c.phoneType && isPhoneType(c.phoneType) ? `;TYPE=${c.phoneType.toUpperCase()}` : ''}:${escapeValue(c.phone)}`);
  if (c.url) lines.push(`URL:${escapeValue(c.url)}`);
  if (c.notes) lines.push(`NOTE:${escapeValue(c.notes)}`);
  if (c.tags.length) lines.push(`CATEGORIES:${c.tags.map(escapeValue).join(',')}`);
  lines.push(`UID:urn:uuid:${escapeValue(c.uuid)}`, 'END:VCARD');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** vCard 3.0, which Google Contacts, Apple Contacts and net all read: one card a piece. */
export function* vcardText(contacts: Iterable<Contact>): Generator<string> {
  for (const c of contacts) yield toVcard(c);
}

export function toVcards(contacts: readonly Contact[]): string {
  return [...vcardText(contacts)].join('');
}
