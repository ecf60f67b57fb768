// net sync converges: 2 or 3 devices, each with its own journal and its own copy of the sync
// folder, run random commands (undo included) and sync at random moments, while a simulated
// file syncer carries random files between the folder copies, in random order and batches
// (a device may see segment 3 of another before segment 2, or nothing for a while). Once
// everything has been carried everywhere and every device has synced, every journal's
// `net export` is the same. Run in-process (the same `run` the binary calls).
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { command, exported, net, tempDir } from './commands.js';

/** Every file under a folder, relative to it. */
function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else if (!e.name.startsWith('.')) out.push(r);
    }
  };
  walk('');
  return out;
}

/** What a file syncer would still carry from one copy of the folder to another: new files, newer device notes. */
function differing(from: string, to: string): string[] {
  const syncedAt = (file: string) => (JSON.parse(fs.readFileSync(file, 'utf8')) as { synced_at: string }).synced_at;
  return files(from).filter((f) => {
    const there = path.join(to, f);
    if (!fs.existsSync(there)) return true;
    return path.basename(f) === 'device.json' && syncedAt(path.join(from, f)) > syncedAt(there);
  });
}

/** Carries one file the way syncers do: whole, by a rename. */
function carry(from: string, to: string, file: string): void {
  const target = path.join(to, file);
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  fs.copyFileSync(path.join(from, file), `${target}.part`);
  fs.renameSync(`${target}.part`, target);
}

type Step = { kind: 'command'; device: number; argv: string[] } | { kind: 'sync'; device: number } | { kind: 'carry'; from: number; to: number; count: number; pick: number };

/** Commands that touch the same few records and fields on every device: where devices disagree. */
const contested: fc.Arbitrary<string[]> = fc.oneof(
  fc.tuple(fc.constantFrom('Ann', 'Ben'), fc.constantFrom('Acme', 'Globex', 'Initech')).map(([w, c]) => ['edit', w, '--company', c]),
  fc.tuple(fc.constantFrom('Ann', 'Ben'), fc.constantFrom('CTO', 'VP')).map(([w, r]) => ['edit', w, '--role', r]),
  fc.constantFrom<string[]>(['rm', 'Ben', '--yes'], ['rm', 'i1', '--yes'], ['promise', 'kept', 'p1'], ['lead', 'dropped', 'l1']),
  fc.constantFrom('2026-09-20', '2026-09-22').map((d) => ['edit', 'i1', '--on', d]),
  fc.constantFrom('Ann', 'Ben').map((w) => ['log', w, 'catch-up', '--kind', 'call']),
);

const step = (devices: number): fc.Arbitrary<Step> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.nat(devices - 1), command).map(([device, argv]): Step => ({ kind: 'command', device, argv })) },
    { weight: 3, arbitrary: fc.tuple(fc.nat(devices - 1), contested).map(([device, argv]): Step => ({ kind: 'command', device, argv })) },
    { weight: 1, arbitrary: fc.nat(devices - 1).map((device): Step => ({ kind: 'command', device, argv: ['undo'] })) },
    { weight: 2, arbitrary: fc.nat(devices - 1).map((device): Step => ({ kind: 'sync', device })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.nat(devices - 1), fc.nat(devices - 1), fc.integer({ min: 1, max: 4 }), fc.nat())
        .map(([from, to, count, pick]): Step => ({ kind: 'carry', from, to, count, pick })),
    },
  );

const SEED: string[][] = [
  ['add', 'Ann Lee', '--company', 'Acme', '--need', 'an intro at Dell', '--lead', 'Globex is hiring', '--promise', 'send the deck', '--expect', 'an intro'],
  ['add', 'Ben Ode', '--via', 'Ann Lee', '--met', 'PyData'],
  ['log', 'Ann', 'call about roles', '--kind', 'call', '--with', 'Ben'],
];

describe('net sync', () => {
  it('random histories on 2-3 devices, carried in random orders and batches, end in identical exports', async () => {
    const root = tempDir('net-sync-');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 3 }).chain((devices) => fc.tuple(fc.constant(devices), fc.array(step(devices), { minLength: 4, maxLength: 24 }))),
        async ([devices, steps]) => {
          const dir = path.join(root, `run-${n++}`);
          const dbs = Array.from({ length: devices }, (_, i) => path.join(dir, `d${i}.db`));
          const folders = Array.from({ length: devices }, (_, i) => path.join(dir, `f${i}`));
          fs.mkdirSync(dir);
          for (const f of folders) fs.mkdirSync(f);
          const [db0, f0] = [dbs[0] as string, folders[0] as string];
          for (const argv of SEED) expect((await net(db0, argv)).code).toBe(0);
          expect((await net(db0, ['sync', f0])).code).toBe(0);
          for (let i = 1; i < devices; i++) {
            for (const f of files(f0)) carry(f0, folders[i] as string, f);
            const r = await net(dbs[i] as string, ['sync', folders[i] as string, '--join']);
            expect(r.code, r.err).toBe(0);
          }
          for (const s of steps) {
            if (s.kind === 'command') await net(dbs[s.device] as string, s.argv);
            else if (s.kind === 'sync') {
              const r = await net(dbs[s.device] as string, ['sync']);
              expect(r.code, r.err).toBe(0);
            } else if (s.from !== s.to) {
              const [from, to] = [folders[s.from] as string, folders[s.to] as string];
              const waiting = differing(from, to);
              for (let k = 0; k < s.count && waiting.length > 0; k++) carry(from, to, waiting.splice((s.pick + k * 7) % waiting.length, 1)[0] as string);
            }
          }
          // Everything reaches everyone: each device syncs, the syncer carries every file, twice.
          for (let round = 0; round < 2; round++) {
            for (const db of dbs) expect((await net(db, ['sync'])).code).toBe(0);
            for (const from of folders) for (const to of folders) if (from !== to) for (const f of differing(from, to)) carry(from, to, f);
          }
          for (const db of dbs) {
            const r = await net(db, ['sync']);
            expect(r.code, r.err).toBe(0);
            expect(r.err).toBe('');
          }
          const first = await exported(db0, true);
          for (const db of dbs.slice(1)) expect(await exported(db, true)).toEqual(first);
          fs.rmSync(dir, { recursive: true, force: true });
        },
      ),
      { numRuns: 20 },
    );
  }, 240_000);
});
