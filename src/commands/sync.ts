import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { JournalError, UsageError } from '../core/errors.js';
import type { Change } from '../core/sync.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { givenPath } from '../cli/inputs.js';
import type { Journal } from '../store/journal.js';
import { nextHlc } from '../store/history.js';
import { randomUuid } from '../store/random.js';
import { LATEST_VERSION } from '../store/migrations/index.js';
import { SyncStore } from '../store/sync.js';
import { MANIFEST, SyncFolder, noteName, segmentName, snapshotName } from '../store/syncfolder.js';
import {
  type DeviceNote,
  type Key,
  type Manifest,
  type Segment,
  SegmentError,
  deriveKey,
  deviceText,
  keyFits,
  manifestText,
  newSeal,
  parseDevice,
  parseManifest,
  parseSegment,
  segmentText,
} from '../formats/segment.js';
import { plural, safeLine, shellWord } from '../render/text.js';
import { type SyncStatus, syncStatusJson, syncStatusLines } from '../render/sync.js';

interface SyncOptions {
  passphraseFile?: string;
  join?: boolean;
  status?: boolean;
  compact?: boolean;
  json?: boolean;
}

export function registerSync(program: Command, ctx: Context): void {
  program
    .command('sync')
    .argument('[folder]', 'a folder you keep in sync between your machines (default: the one used last)')
    .summary('keep this journal and your other machines’ in step, through a folder you already sync')
    .description(
      'Writes this device’s changes since its last sync to its own files in <folder> and applies the other devices’ new changes:\n' +
        'the latest change to a field wins, a removal wins over older edits. The journal itself never goes into the folder.\n' +
        'With a passphrase the files are encrypted; without one, anyone who can read the folder can read your journal.',
    )
    .option('--passphrase-file <file>', 'encrypt with the passphrase in this file (also NET_SYNC_PASSPHRASE_FILE)')
    .option('--join', 'start this device from the folder: brings everything into an empty journal')
    .option('--status', 'show the devices, when each last synced and what is waiting; changes nothing')
    .option('--compact', 'also write a snapshot, so that old files can be removed once every device has read them')
    .option('--json', 'with --status: print JSON')
    .addHelpText(
      'after',
      examples([
        'net sync ~/Sync/net',
        'net sync ~/Dropbox/net --passphrase-file ~/.config/net/passphrase',
        'net --db ~/new/net.db sync ~/Sync/net --join',
        'net sync --status',
        'net sync --compact',
      ]),
    )
    .action((folder: string | undefined, o: SyncOptions) => run(ctx, folder, o));
}

function passphrase(ctx: Context, o: SyncOptions): string | null {
  const file = o.passphraseFile ?? ctx.env.NET_SYNC_PASSPHRASE_FILE;
  if (file === undefined || file === '') return null;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`Cannot read the passphrase file ${file}. Give a file that holds your sync passphrase on its first line.`);
  }
  const line = text.split(/\r?\n/)[0] ?? '';
  if (line.length === 0) throw new UsageError(`The passphrase file ${file} is empty. Write your sync passphrase on its first line.`);
  return line;
}

/** The folder's key, after checking that the journal and the passphrase belong with the folder. */
function openFolder(manifest: Manifest, secret: string | null, folder: string): Key | null {
  if (manifest.seal === null) {
    if (secret !== null) {
      throw new UsageError(
        `${folder} was set up without a passphrase, so its files are not encrypted. Sync without --passphrase-file, or start a new, empty folder with one.`,
      );
    }
    return null;
  }
  if (secret === null) {
    throw new UsageError(`${folder} holds encrypted files. Give the passphrase: net sync --passphrase-file <file> (or set NET_SYNC_PASSPHRASE_FILE).`);
  }
  const key = deriveKey(secret, manifest.seal);
  if (!keyFits(key, manifest.seal)) {
    throw new UsageError(`The passphrase does not open ${folder}: it is not the one this folder was set up with. Nothing was applied; check the passphrase file and try again.`);
  }
  return key;
}

function shortId(id: string): string {
  return id.slice(0, 8);
}

function run(ctx: Context, arg: string | undefined, o: SyncOptions): void {
  if (o.json && !o.status) throw new UsageError('--json goes with --status: net sync --status --json.');
  if ([o.join, o.status, o.compact].filter(Boolean).length > 1) throw new UsageError('Give one of --join, --status and --compact at a time.');
  // An empty NET_SYNC_PASSPHRASE_FILE is unset; an empty --passphrase-file asked for encryption.
  if (o.passphraseFile !== undefined) givenPath(o.passphraseFile, 'passphrase file', 'Give the file that holds your sync passphrase on its first line: --passphrase-file ~/.config/net/passphrase');
  const j = ctx.journal();
  const store = new SyncStore(j.db);
  const remembered = j.exists ? store.meta('sync_folder') : null;
  if (arg === undefined && remembered === null) {
    throw new UsageError('Give the folder to sync through, one your machines already keep in sync: net sync ~/Sync/net');
  }
  const path = arg !== undefined ? resolve(givenPath(arg, 'sync folder', 'Give the folder to sync through, one your machines already keep in sync: net sync ~/Sync/net')) : (remembered as string);
  const folder = new SyncFolder(path);
  // The folder as a hint prints it: one shell word, so a pasted hint names this folder and runs nothing else.
  const word = shellWord(safeLine(path));
  folder.ensure(!o.status && !o.join);
  const manifestFile = folder.read(MANIFEST);
  let manifest: Manifest | null = null;
  if (manifestFile !== null) {
    try {
      manifest = parseManifest(manifestFile);
    } catch (err) {
      if (err instanceof SegmentError) throw new JournalError(`${path}/${MANIFEST} cannot be read: ${err.message}. Nothing was synced.`);
      throw err;
    }
  }
  const journalId = j.exists ? store.meta('sync_journal') : null;
  const secret = passphrase(ctx, o);
  if (manifest === null) {
    if (o.join || o.status) {
      throw new UsageError(`${path} holds no synced journal yet. Run net sync ${word} first on the machine that has your journal.`);
    }
  } else if (journalId !== null && journalId !== manifest.journal) {
    throw new UsageError(`${path} is the sync folder of another journal; this journal syncs through its own. Give that folder, or join this one from an empty journal (net --db <new file> sync ${word} --join).`);
  } else if (journalId === null && !o.join) {
    throw new UsageError(
      o.status
        ? `This journal has not synced with ${path} yet. To start this device from it: net sync ${word} --join (into an empty journal).`
        : `${path} already holds a synced journal, and this journal is not part of it. To start this device from the folder, use an empty journal: net --db <new file> sync ${word} --join`,
    );
  }
  if (o.join && (journalId === null || journalId !== manifest?.journal) && j.exists && !store.isEmpty()) {
    throw new UsageError(`--join brings a synced journal into an empty one, and this journal already holds records. Use a new journal file: net --db <new file> sync ${word} --join`);
  }
  if (o.status) {
    // Only the device notes and file names are read: no passphrase needed.
    status(ctx, j, store, folder, manifest as Manifest, o.json === true);
    return;
  }
  const key = manifest !== null ? openFolder(manifest, secret, path) : null;
  sync(ctx, j, store, folder, manifest, key, secret, o);
}

interface Incoming {
  changes: Change[];
  snapshot: Segment | null;
  positions: Map<string, number>;
  warnings: string[];
  devices: number;
}

/** A device's note in the folder, or null when it has none (yet) or it cannot be read. */
function noteOf(folder: SyncFolder, device: string): DeviceNote | null {
  const text = folder.read(noteName(device));
  if (text === null) return null;
  try {
    return parseDevice(text, device);
  } catch {
    return null;
  }
}

function loadSegment(folder: SyncFolder, manifest: Manifest, device: string, kind: Segment['kind'], seq: number, key: Key | null): Segment {
  const name = kind === 'changes' ? segmentName(device, seq) : snapshotName(device, seq);
  const text = folder.read(name);
  if (text === null) throw new SegmentError('it is gone');
  return parseSegment(text, { journal: manifest.journal, device, kind, seq }, key);
}

/**
 * Reads what other devices wrote since this one last read them. A device's segments are
 * read in order up to the first that cannot be used (skipped with a warning, tried again
 * next time); where some were removed before this device read them, the newest snapshot
 * that covers them stands in for them.
 */
function incoming(store: SyncStore, folder: SyncFolder, manifest: Manifest, me: string, key: Key | null): Incoming {
  const out: Incoming = { changes: [], snapshot: null, positions: new Map(), warnings: [], devices: 0 };
  const others = folder.devices().filter((d) => d !== me);
  const files = new Map(others.map((d) => [d, folder.files(d)]));
  for (const d of others) out.positions.set(d, store.position(d));
  // A device whose next segment is not here, though it wrote more (its note says, or later segments do).
  const gap = others.some((d) => {
    const segs = files.get(d)?.segments ?? [];
    const pos = out.positions.get(d) ?? 0;
    const latest = Math.max(segs.at(-1) ?? 0, noteOf(folder, d)?.last_segment ?? 0);
    return latest > pos && !segs.includes(pos + 1);
  });
  if (gap) {
    // The newest snapshot (the one that covers the most) of any device.
    let best: Segment | null = null;
    for (const d of folder.devices()) {
      for (const n of [...(folder.files(d).snapshots)].reverse()) {
        try {
          const s = loadSegment(folder, manifest, d, 'snapshot', n, key);
          const total = (x: Segment) => Object.values(x.covers).reduce((a, b) => a + b, 0);
          if (best === null || total(s) > total(best)) best = s;
          break;
        } catch (err) {
          if (!(err instanceof SegmentError)) throw err;
          out.warnings.push(`Skipped snapshot ${n} of device ${shortId(d)}: ${err.message}.`);
        }
      }
    }
    const unusable = best?.records.map(([t, r, regs]) => store.refuse({ c: '', t, r, f: null, v: Object.fromEntries(Object.entries(regs.f).map(([k, [, v]]) => [k, v])) })).find((x) => x !== null);
    if (best !== null && unusable) {
      out.warnings.push(`Skipped snapshot ${best.seq} of device ${shortId(best.device)}: ${unusable}.`);
      best = null;
    }
    if (best !== null && best.schema <= LATEST_VERSION) {
      out.snapshot = best;
      for (const [d, n] of Object.entries(best.covers)) if (d !== me && n > (out.positions.get(d) ?? 0)) out.positions.set(d, n);
    }
  }
  for (const d of others) {
    let pos = out.positions.get(d) ?? 0;
    const mine = (files.get(d)?.segments ?? []).filter((n) => n > pos);
    let took = false;
    for (const n of mine) {
      if (n !== pos + 1) {
        out.warnings.push(
          `${n - 1 === pos + 1 ? `Segment ${pos + 1}` : `Segments ${pos + 1} to ${n - 1}`} of device ${shortId(d)} are missing from the folder, so its changes from ${n} on wait: let the folder finish syncing, or run net sync --compact on that device.`,
        );
        break;
      }
      let seg: Segment;
      try {
        seg = loadSegment(folder, manifest, d, 'changes', n, key);
        if (seg.schema > LATEST_VERSION) throw new SegmentError(`it was written by a newer net (schema ${seg.schema}); update net on this machine`);
        const bad = seg.changes.map((c) => store.refuse(c)).find((r) => r !== null);
        if (bad) throw new SegmentError(bad);
      } catch (err) {
        if (!(err instanceof SegmentError)) throw err;
        out.warnings.push(`Skipped segment ${n} of device ${shortId(d)}: ${err.message}. It is tried again at the next sync.`);
        break;
      }
      out.changes.push(...seg.changes);
      pos = n;
      took = true;
    }
    out.positions.set(d, pos);
    if (took) out.devices++;
  }
  out.changes.sort((a, b) => (a.c < b.c ? -1 : a.c > b.c ? 1 : 0));
  return out;
}

function sync(ctx: Context, j: Journal, store: SyncStore, folder: SyncFolder, found: Manifest | null, key0: Key | null, secret: string | null, o: SyncOptions): void {
  let manifest = found;
  let key = key0;
  const started = new Date().toISOString();
  j.materialize();
  const me = store.deviceId();
  const syncedBefore = store.meta('sync_journal') !== null;
  let newManifest: string | null = null;
  if (manifest === null) {
    const journal = store.meta('sync_journal') ?? randomUuid();
    const sealed = secret === null ? null : newSeal(secret);
    manifest = { journal, seal: sealed?.manifest ?? null };
    key = sealed?.key ?? null;
    newManifest = manifestText(manifest);
  }
  const m = manifest;
  const name = hostname();
  let sent = 0;
  let seq = 0;
  let applied = 0;
  let changed = 0;
  let inc: Incoming | null = null;
  let snapshotSeq: number | null = null;
  const files: Array<[string, string]> = [];
  j.write((command) => {
    // Read under the write lock: two syncs at once never number a segment alike.
    const ownFiles = folder.files(me);
    seq = store.position(me);
    // What this device wrote before, by the folder: more than the journal knows of means a copy of it syncs here too.
    const stray = ownFiles.segments.find((n) => n > seq);
    if (stray !== undefined && found !== null) {
      throw new JournalError(
        `${folder.path} holds segment ${stray} of this device, which this journal did not write: another copy of this journal file syncs here too ` +
          '(each machine needs its own journal: start it with net sync --join), or an earlier sync was interrupted. ' +
          `If no copy exists, remove ${segmentName(me, stray)} from the folder and sync again.`,
      );
    }
    if (store.meta('sync_journal') === null) store.setMeta('sync_journal', m.journal);
    store.setMeta('sync_folder', folder.path);
    // Out: this device's changes since its last sync (everything, the first time).
    const first = store.meta('sync_exported') === null;
    const out = first && !o.join ? store.takeEverything() : store.takeLocal();
    if (out.length > 0) {
      seq++;
      sent = out.length;
      files.push([segmentName(me, seq), segmentText({ journal: m.journal, device: me, kind: 'changes', seq, schema: LATEST_VERSION, changes: out, covers: {}, records: [] }, key)]);
    }
    // In: every other device's new changes, in one merge.
    inc = incoming(store, folder, m, me, key);
    applied = inc.changes.length;
    if (inc.changes.length > 0 || inc.snapshot !== null) {
      try {
        changed = store.apply(inc.changes, inc.snapshot?.records ?? []).changed;
      } catch (err) {
        // A value this journal's schema refuses (a newer net's, or an altered file): the whole sync is undone.
        if (!String((err as { code?: unknown }).code ?? '').startsWith('SQLITE_CONSTRAINT')) throw err;
        throw new JournalError(
          `A change in ${folder.path} breaks a rule of this journal (${(err as Error).message}), so nothing was synced. Update net on every machine; if it persists, the folder's files were altered.`,
        );
      }
      store.markApplied(command);
      // The HLC rule: this device's next command is later than anything it has now seen.
      const seen = store.meta('sync_clock');
      if (seen !== null) j.db.stmt('UPDATE history_commands SET hlc = ? WHERE id = ? AND hlc <= ?').run(nextHlc(seen, Date.now()), command, seen);
    }
    for (const [d, n] of inc.positions) store.setDevice({ device: d, name: noteOf(folder, d)?.name ?? '', segment: n, syncedAt: noteOf(folder, d)?.synced_at ?? null });
    store.setDevice({ device: me, name, segment: seq, syncedAt: started });
    // A journal that synced elsewhere before starts a new folder with a snapshot, for machines that join it.
    if (o.compact || (found === null && syncedBefore)) {
      snapshotSeq = (ownFiles.snapshots.at(-1) ?? 0) + 1;
      // Every device this journal has read, also those not (yet) in this folder.
      const covers: Record<string, number> = {};
      for (const d of store.devices()) covers[d.device] = d.segment;
      for (const [d, n] of inc.positions) covers[d] = Math.max(covers[d] ?? 0, n);
      covers[me] = seq;
      files.push([
        snapshotName(me, snapshotSeq),
        segmentText({ journal: m.journal, device: me, kind: 'snapshot', seq: snapshotSeq, schema: LATEST_VERSION, changes: [], covers, records: [...store.everyRecord()] }, key),
      ]);
    }
    const read: Record<string, number> = {};
    for (const [d, n] of inc.positions) read[d] = n;
    files.push([noteName(me), deviceText({ device: me, name, synced_at: started, last_segment: seq, read })]);
    // The files are written before the journal commits: if one cannot be, nothing is marked sent.
    if (newManifest !== null) folder.write(MANIFEST, newManifest);
    for (const [file, text] of files) folder.write(file, text);
  });
  const removed = tidy(folder, m, me, key);
  const result = inc as Incoming | null;
  // A warning can quote a file of the shared folder (a record kind it names): shown, not obeyed.
  for (const w of result?.warnings ?? []) ctx.io.err(`Warning: ${safeLine(w)}`);
  const parts = [
    sent > 0 ? `sent ${plural(sent, 'change')} (segment ${seq})` : 'nothing new to send',
    applied > 0 || result?.snapshot ? `applied ${plural(applied, 'change')} from ${plural(result?.devices ?? 0, 'other device')}${result?.snapshot ? ' and a snapshot' : ''} (${plural(changed, 'record')} changed here)` : 'nothing new from other devices',
  ];
  if (snapshotSeq !== null) parts.push(`wrote snapshot ${snapshotSeq}`);
  if (removed > 0) parts.push(`removed ${plural(removed, 'old file')} every device has read`);
  ctx.io.out(`Synced with ${safeLine(folder.path)}: ${parts.join('; ')}.${m.seal === null ? ' (Not encrypted: anyone who can read the folder can read these changes.)' : ''}`);
  ctx.io.out(o.join ? 'Next: net due' : 'Next: net sync --status');
}

/**
 * Removes this device's own segments that a snapshot includes and every device known to the
 * folder has read, and its snapshots older than its newest. Only this device's files:
 * each device tidies its own.
 */
function tidy(folder: SyncFolder, manifest: Manifest, me: string, key: Key | null): number {
  const own = folder.files(me);
  let removed = 0;
  for (const n of own.snapshots.slice(0, -1)) if (folder.remove(snapshotName(me, n))) removed++;
  // The notes first (small files): snapshots are read only when some segment could go.
  let readByAll = Number.POSITIVE_INFINITY;
  for (const d of folder.devices()) if (d !== me) readByAll = Math.min(readByAll, noteOf(folder, d)?.read[me] ?? 0);
  if (!own.segments.some((n) => n <= readByAll)) return removed;
  let covered = 0;
  for (const d of folder.devices()) {
    const newest = folder.files(d).snapshots.at(-1);
    if (newest === undefined) continue;
    try {
      covered = Math.max(covered, loadSegment(folder, manifest, d, 'snapshot', newest, key).covers[me] ?? 0);
    } catch {
      // A snapshot that cannot be read covers nothing.
    }
  }
  for (const n of own.segments) if (n <= Math.min(readByAll, covered) && folder.remove(segmentName(me, n))) removed++;
  return removed;
}

function status(ctx: Context, j: Journal, store: SyncStore, folder: SyncFolder, manifest: Manifest, json: boolean): void {
  const me = j.exists ? store.deviceId() : null;
  const known = new Map(store.devices().map((d) => [d.device, d]));
  const devices = folder.devices().map((d) => {
    const note = noteOf(folder, d);
    const pos = known.get(d)?.segment ?? 0;
    return {
      device: d,
      name: note?.name ?? known.get(d)?.name ?? '',
      this_device: d === me,
      last_sync: note?.synced_at ?? known.get(d)?.syncedAt ?? null,
      segments_to_apply: d === me ? 0 : folder.files(d).segments.filter((n) => n > pos).length,
    };
  });
  const s: SyncStatus = { folder: folder.path, journal: manifest.journal, encrypted: manifest.seal !== null, device: me, pending_changes: j.exists ? store.pending() : 0, devices };
  if (json) ctx.io.out(syncStatusJson(s));
  else for (const l of syncStatusLines(s)) ctx.io.out(l);
}
