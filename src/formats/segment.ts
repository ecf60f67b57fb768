// The files of a sync folder (net sync): the folder's manifest, each device's segments of
// changes and snapshots of everything, and each device's note of what it has read. Text in,
// records out; checked, since a folder is shared with other programs and machines.
//
// Sealing. With a passphrase, a segment's text is sealed with AES-256-GCM (Node's own
// crypto, no library): a key derived once per folder with scrypt and the folder's random
// salt, a random 96-bit nonce per file, and as associated data the journal, the device and
// the segment's number, so a segment cannot be passed off as another device's or another
// place's. The manifest holds a sealed known text, so a wrong passphrase is told apart from
// a damaged segment before anything is read.
import { CLOCK_RE, type Change, type Registers } from '../core/sync.js';

/** Node's crypto, loaded when a folder is sealed or opened: every other command starts without it (it costs about 2.5 ms). */
const crypto = () => process.getBuiltinModule('node:crypto');

export const MANIFEST_FORMAT = 'net-sync';
export const SEGMENT_FORMAT = 'net-sync-segment';
export const DEVICE_FORMAT = 'net-sync-device';
export const SYNC_VERSION = 1;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** scrypt's cost: about 0.1 s and 32 MB here, once per sync. */
const SCRYPT = { n: 32768, r: 8, p: 1 };
const CHECK_TEXT = 'net-sync passphrase check';

export class SegmentError extends Error {}

export interface Manifest {
  journal: string;
  /** Present when the folder's segments are sealed. */
  seal: { cipher: 'aes-256-gcm'; salt: string; n: number; r: number; p: number; check: Sealed } | null;
}

export interface Sealed {
  nonce: string;
  tag: string;
  data: string;
}

/** What a segment holds: changes, or (a snapshot) every record's registers as of `covers`. */
export interface Segment {
  journal: string;
  device: string;
  kind: 'changes' | 'snapshot';
  seq: number;
  /** The schema of the journal that wrote it: a newer one is left for a newer net. */
  schema: number;
  changes: Change[];
  /** For a snapshot: the last segment of each device it includes. */
  covers: Record<string, number>;
  records: Array<[string, string, Registers]>;
}

/** A device's note in the folder: when it last synced and what it has read. */
export interface DeviceNote {
  device: string;
  name: string;
  synced_at: string;
  last_segment: number;
  read: Record<string, number>;
}

export function isUuid(s: unknown): s is string {
  return typeof s === 'string' && UUID_RE.test(s);
}

function obj(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new SegmentError(`${what} is not a JSON object`);
  return v as Record<string, unknown>;
}

function parse(text: string, what: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new SegmentError(`${what} is not valid JSON`);
  }
  return obj(v, what);
}

function positions(v: unknown, what: string): Record<string, number> {
  const o = obj(v, what);
  for (const [k, n] of Object.entries(o)) {
    if (!isUuid(k) || !Number.isSafeInteger(n) || (n as number) < 0) throw new SegmentError(`${what} has a bad entry`);
  }
  return o as Record<string, number>;
}

// ---- keys and sealing ----

export interface Key {
  key: Buffer;
}

export function newSeal(passphrase: string): { manifest: NonNullable<Manifest['seal']>; key: Key } {
  const salt = crypto().randomBytes(16).toString('base64');
  const key = deriveKey(passphrase, { salt, ...SCRYPT });
  return { manifest: { cipher: 'aes-256-gcm', salt, ...SCRYPT, check: seal(key, CHECK_TEXT, 'check') }, key };
}

export function deriveKey(passphrase: string, p: { salt: string; n: number; r: number; p: number }): Key {
  const N = p.n;
  return { key: crypto().scryptSync(passphrase.normalize('NFC'), Buffer.from(p.salt, 'base64'), 32, { N, r: p.r, p: p.p, maxmem: 128 * N * p.r * 2 }) };
}

/** Whether `key` opens the folder's check (the passphrase is the folder's). */
export function keyFits(key: Key, m: NonNullable<Manifest['seal']>): boolean {
  try {
    return unseal(key, m.check, 'check') === CHECK_TEXT;
  } catch {
    return false;
  }
}

export function seal(key: Key, text: string, aad: string): Sealed {
  const nonce = crypto().randomBytes(12);
  const c = crypto().createCipheriv('aes-256-gcm', key.key, nonce);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([c.update(text, 'utf8'), c.final()]);
  return { nonce: nonce.toString('base64'), tag: c.getAuthTag().toString('base64'), data: data.toString('base64') };
}

export function unseal(key: Key, s: Sealed, aad: string): string {
  const d = crypto().createDecipheriv('aes-256-gcm', key.key, Buffer.from(s.nonce, 'base64'));
  d.setAAD(Buffer.from(aad, 'utf8'));
  d.setAuthTag(Buffer.from(s.tag, 'base64'));
  try {
    return Buffer.concat([d.update(Buffer.from(s.data, 'base64')), d.final()]).toString('utf8');
  } catch {
    throw new SegmentError('it does not authenticate (altered, damaged, or sealed with another passphrase)');
  }
}

/** The associated data of a segment: which journal, device and place it belongs to. */
function segmentAad(journal: string, device: string, kind: Segment['kind'], seq: number): string {
  return `${journal} ${device} ${kind} ${seq}`;
}

// ---- the manifest ----

export function manifestText(m: Manifest): string {
  return `${JSON.stringify({ format: MANIFEST_FORMAT, version: SYNC_VERSION, journal: m.journal, seal: m.seal }, null, 2)}\n`;
}

export function parseManifest(text: string): Manifest {
  const o = parse(text, 'the folder manifest');
  if (o.format !== MANIFEST_FORMAT) throw new SegmentError('the folder manifest is not a net sync manifest');
  if (typeof o.version !== 'number' || o.version > SYNC_VERSION) throw new SegmentError('the folder was made by a newer net');
  if (!isUuid(o.journal)) throw new SegmentError('the folder manifest has no journal id');
  if (o.seal === null || o.seal === undefined) return { journal: o.journal, seal: null };
  const s = obj(o.seal, 'the manifest seal');
  const c = obj(s.check, 'the manifest check');
  // Bounded: a folder is shared, and a huge cost would stall every sync.
  const within = (x: unknown, max: number) => Number.isSafeInteger(x) && (x as number) > 0 && (x as number) <= max;
  if (s.cipher !== 'aes-256-gcm' || typeof s.salt !== 'string' || !within(s.n, 1 << 20) || !within(s.r, 32) || !within(s.p, 16)) {
    throw new SegmentError('the folder manifest has a seal net does not know');
  }
  if (![c.nonce, c.tag, c.data].every((x) => typeof x === 'string')) throw new SegmentError('the folder manifest check is damaged');
  return {
    journal: o.journal,
    seal: { cipher: 'aes-256-gcm', salt: s.salt, n: s.n as number, r: s.r as number, p: s.p as number, check: c as unknown as Sealed },
  };
}

// ---- segments ----

export function segmentText(s: Segment, key: Key | null): string {
  const body = s.kind === 'changes' ? { changes: s.changes } : { covers: s.covers, records: s.records };
  const head = { format: SEGMENT_FORMAT, version: SYNC_VERSION, journal: s.journal, device: s.device, kind: s.kind, seq: s.seq, schema: s.schema };
  const payload = key === null ? { body } : { sealed: seal(key, JSON.stringify(body), segmentAad(s.journal, s.device, s.kind, s.seq)) };
  return `${JSON.stringify({ ...head, ...payload })}\n`;
}

/** A field's value: what SQLite keeps (text, a number, nothing). */
function scalar(v: unknown): void {
  if (v !== null && v !== undefined && typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v))) {
    throw new SegmentError('a change has a value that is not text, a number or null');
  }
}

function change(v: unknown): Change {
  const o = obj(v, 'a change');
  if (typeof o.c !== 'string' || !CLOCK_RE.test(o.c)) throw new SegmentError('a change has a bad clock');
  if (typeof o.t !== 'string' || typeof o.r !== 'string') throw new SegmentError('a change names no record');
  if (o.f !== null && typeof o.f !== 'string') throw new SegmentError('a change has a bad field');
  if (o.f === null && o.v !== null) Object.values(obj(o.v, 'a record')).forEach(scalar);
  else scalar(o.v);
  return { c: o.c, t: o.t, r: o.r, f: o.f, v: o.v === undefined ? null : o.v };
}

function registers(v: unknown): [string, string, Registers] {
  if (!Array.isArray(v) || v.length !== 3 || typeof v[0] !== 'string' || typeof v[1] !== 'string') throw new SegmentError('a snapshot record is damaged');
  const r = obj(v[2], 'a snapshot record');
  const e = r.e;
  if (e !== null && !(Array.isArray(e) && typeof e[0] === 'string' && CLOCK_RE.test(e[0]) && typeof e[1] === 'boolean')) {
    throw new SegmentError('a snapshot record has a bad clock');
  }
  const f = obj(r.f, 'a snapshot record');
  for (const x of Object.values(f)) {
    if (!Array.isArray(x) || x.length !== 2 || typeof x[0] !== 'string' || !CLOCK_RE.test(x[0])) throw new SegmentError('a snapshot field has a bad clock');
    scalar(x[1]);
  }
  return [v[0], v[1], { e: e as Registers['e'], f: f as Registers['f'] }];
}

/**
 * Reads a segment file's text as the segment it must be (`journal`, `device`, `kind`,
 * `seq` from its place in the folder); throws SegmentError naming what is wrong.
 */
export function parseSegment(text: string, expect: { journal: string; device: string; kind: Segment['kind']; seq: number }, key: Key | null): Segment {
  const o = parse(text, 'the segment');
  if (o.format !== SEGMENT_FORMAT) throw new SegmentError('it is not a net sync segment');
  if (typeof o.version !== 'number' || o.version > SYNC_VERSION) throw new SegmentError('it was written by a newer net');
  if (o.journal !== expect.journal || o.device !== expect.device || o.kind !== expect.kind || o.seq !== expect.seq) {
    throw new SegmentError('its header does not match its place in the folder');
  }
  if (!Number.isSafeInteger(o.schema)) throw new SegmentError('it names no schema');
  let body: unknown;
  if (key === null) {
    if (o.sealed !== undefined) throw new SegmentError('it is sealed, and no passphrase was given');
    body = o.body;
  } else {
    if (o.sealed === undefined) throw new SegmentError('it is not sealed, in a folder whose segments must be');
    const s = obj(o.sealed, 'the sealed body');
    if (![s.nonce, s.tag, s.data].every((x) => typeof x === 'string')) throw new SegmentError('its sealed body is damaged');
    body = parse(unseal(key, s as unknown as Sealed, segmentAad(expect.journal, expect.device, expect.kind, expect.seq)), 'the sealed body');
  }
  const b = obj(body, 'the segment body');
  const seg: Segment = { journal: expect.journal, device: expect.device, kind: expect.kind, seq: expect.seq, schema: o.schema as number, changes: [], covers: {}, records: [] };
  if (expect.kind === 'changes') {
    if (!Array.isArray(b.changes)) throw new SegmentError('it holds no list of changes');
    seg.changes = b.changes.map(change);
  } else {
    if (!Array.isArray(b.records)) throw new SegmentError('it holds no list of records');
    seg.covers = positions(b.covers, 'the snapshot coverage');
    seg.records = b.records.map(registers);
  }
  return seg;
}

// ---- device notes ----

export function deviceText(d: DeviceNote): string {
  return `${JSON.stringify({ format: DEVICE_FORMAT, version: SYNC_VERSION, ...d }, null, 2)}\n`;
}

export function parseDevice(text: string, device: string): DeviceNote {
  const o = parse(text, 'the device note');
  if (o.format !== DEVICE_FORMAT || o.device !== device) throw new SegmentError('the device note does not belong to its folder');
  // A time as net writes it: the note is another machine's, and its text reaches terminals.
  if (typeof o.synced_at !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(o.synced_at) || !Number.isSafeInteger(o.last_segment)) {
    throw new SegmentError('the device note is damaged');
  }
  return {
    device,
    name: typeof o.name === 'string' ? o.name : '',
    synced_at: o.synced_at,
    last_segment: o.last_segment as number,
    read: positions(o.read ?? {}, 'the device note'),
  };
}
