// vCard 3.0 and 4.0 as Google Contacts and Apple Contacts write them, and vCard 3.0 out.
// Ours because the maintained parsers we looked at either drop `itemN.` groups or choke on
// repeated lowercase `type=` parameters; the quirks are listed in the tests' fixtures.
import { UsageError } from '../core/errors.js';
import type { Contact } from '../core/types.js';
import { emptySet, type ImportContact, type ImportSet } from './types.js';

interface Property {
  name: string;
  params: Map<string, string[]>;
  value: string;
  line: number;
}

/**
 * Unfolds at the byte level before decoding: some exporters fold in the middle of a UTF-8
 * character, which only joins back correctly as bytes (RFC 6350 §3.2).
 */
export function decodeVcardBytes(buf: Buffer): string {
  const out = Buffer.alloc(buf.length);
  let n = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b === 0x0d && buf[i + 1] === 0x0a && (buf[i + 2] === 0x20 || buf[i + 2] === 0x09)) {
      i += 2;
      continue;
    }
    if (b === 0x0a && (buf[i + 1] === 0x20 || buf[i + 1] === 0x09)) {
      i += 1;
      continue;
    }
    out[n++] = b ?? 0;
  }
  return out.subarray(0, n).toString('utf8');
}

/** Joins folded lines (a line starting with a space or tab continues the one before). */
function unfold(text: string): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const last = out[out.length - 1];
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && last) last.text += raw.slice(1);
    else out.push({ text: raw, line: i + 1 });
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

function toContact(props: Property[], where: string, file: string): ImportContact {
  const all = (name: string) => props.filter((p) => p.name === name);
  const one = (name: string) => clean(unescapeValue(all(name)[0]?.value ?? ''));
  let name = one('FN');
  if (!name) {
    const n = all('N')[0];
    if (n) {
      const [family = '', given = '', middle = '', prefix = '', suffix = ''] = splitValue(n.value, ';').map(unescapeValue);
      name = clean([prefix, given, middle, family, suffix].filter((s) => s.trim()).join(' '));
    }
  }
  if (!name) {
    const org = all('ORG')[0];
    name = org ? clean(unescapeValue(splitValue(org.value, ';')[0] ?? '')) : null;
  }
  if (!name) throw new UsageError(`${file}: ${where} has no name (FN or N). Fix the file and import again; nothing was imported.`);
  const email = preferred(all('EMAIL'));
  const tel = preferred(all('TEL'));
  const org = all('ORG')[0];
  const phone = tel ? unescapeValue(tel.value).replace(/^tel:/i, '') : null;
  const tags = all('CATEGORIES').flatMap((p) => splitValue(p.value, ',').map((t) => unescapeValue(t).trim())).filter((t) => t !== '');
  const uid = /^urn:uuid:([0-9a-f-]{36})$/i.exec(one('UID') ?? '');
  return {
    where,
    ...(uid?.[1] ? { uuid: uid[1].toLowerCase() } : {}),
    name,
    email: email ? clean(unescapeValue(email.value).replace(/^mailto:/i, '')) : null,
    phone: clean(phone ?? undefined),
    company: org ? clean(unescapeValue(splitValue(org.value, ';')[0] ?? '')) : null,
    role: one('TITLE'),
    url: clean(unescapeValue(preferred(all('URL'))?.value ?? '')),
    notes: one('NOTE'),
    tags,
  };
}

/** Reads every card in a vCard file; a card left open (truncated file) is refused. */
export function parseVcards(text: string, file: string): ImportSet {
  const set = emptySet('vcard');
  let card: Property[] | null = null;
  let start = 0;
  for (const { text: raw, line } of unfold(text.replace(/^\uFEFF/, ''))) {
    if (raw.trim() === '') continue;
    const p = parseLine(raw, line);
    if (!p) {
      if (card) throw new UsageError(`${file}: line ${line} is not a vCard property ("${raw.slice(0, 40)}"). Fix the file and import again; nothing was imported.`);
      continue;
    }
    if (p.name === 'BEGIN' && p.value.trim().toUpperCase() === 'VCARD') {
      if (card) throw new UsageError(`${file}: the card starting at line ${start} has no END:VCARD before line ${line}. The file may be cut short; export it again.`);
      card = [];
      start = line;
    } else if (p.name === 'END' && p.value.trim().toUpperCase() === 'VCARD') {
      if (!card) throw new UsageError(`${file}: line ${line} ends a card that never began. Fix the file and import again; nothing was imported.`);
      set.contacts.push(toContact(card, `card ${set.contacts.length + 1} (line ${start})`, file));
      card = null;
    } else if (card) {
      if (p.name !== 'PHOTO' && p.name !== 'LOGO' && p.name !== 'SOUND') card.push(p);
    }
  }
  if (card) throw new UsageError(`${file}: the card starting at line ${start} has no END:VCARD. The file looks cut short; export it again.`);
  if (set.contacts.length === 0) throw new UsageError(`${file} holds no vCards (no BEGIN:VCARD). Check that it is a .vcf export.`);
  return set;
}

function escapeValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\r\n|\r|\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');
}

/** Folds a line at 75 octets without splitting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const len = Buffer.byteLength(ch);
    if (bytes + len > (out.length ? 74 : 75)) {
      out.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += len;
  }
  out.push(cur);
  return out.join('\r\n ');
}

/** vCard 3.0, which Google Contacts, Apple Contacts and net all read. */
export function toVcards(contacts: readonly Contact[]): string {
  const cards = contacts.map((c) => {
    const words = c.name.trim().split(/\s+/);
    const family = words.length > 1 ? (words.pop() ?? '') : '';
    const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${escapeValue(c.name)}`, `N:${escapeValue(family)};${escapeValue(words.join(' '))};;;`];
    if (c.company) lines.push(`ORG:${escapeValue(c.company)}`);
    if (c.role) lines.push(`TITLE:${escapeValue(c.role)}`);
    if (c.email) lines.push(`EMAIL;TYPE=INTERNET:${escapeValue(c.email)}`);
    if (c.phone) lines.push(`TEL;TYPE=CELL:${escapeValue(c.phone)}`);
    if (c.url) lines.push(`URL:${escapeValue(c.url)}`);
    if (c.notes) lines.push(`NOTE:${escapeValue(c.notes)}`);
    if (c.tags.length) lines.push(`CATEGORIES:${c.tags.map(escapeValue).join(',')}`);
    lines.push(`UID:urn:uuid:${c.uuid}`, 'END:VCARD');
    return lines.map(fold).join('\r\n');
  });
  return cards.length ? `${cards.join('\r\n')}\r\n` : '';
}
