// Writing commands as a user would type them, for property tests (some fail: a failed
// command must change nothing).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, expect } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memoryIO } from '../memory-io.js';

/** The day every property test's commands run on. */
export const TODAY = '2026-10-01';

/** Runs net in this process (the same `run` the binary calls) on journal `db`. */
export async function net(db: string, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIO();
  const code = await run(argv, { io, env: { NET_DB: db, NET_TODAY: TODAY }, now: new Date(), version: 'test' });
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A temporary folder, removed after the test file's tests. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/**
 * The journal's export without its time stamp. With `byUuid`, each list sorted by uuid:
 * records keep the order of each journal's local ids, which devices give in the order
 * records reached them.
 */
export async function exported(db: string, byUuid = false): Promise<unknown> {
  const r = await net(db, ['export']);
  expect(r.code, r.err).toBe(0);
  const { exported_at: _, ...rest } = JSON.parse(r.out) as Record<string, unknown>;
  if (byUuid) {
    for (const [k, v] of Object.entries(rest)) {
      if (Array.isArray(v)) rest[k] = [...(v as Array<{ uuid: string }>)].sort((a, b) => a.uuid.localeCompare(b.uuid));
    }
  }
  return rest;
}

const who = fc.constantFrom('Ann', 'Ben', 'Cy Dunn', '1', '2', '3', '4');
const item = (prefix: string) => fc.integer({ min: 1, max: 4 }).map((n) => `${prefix}${n}`);
const day = fc.constantFrom('2026-09-20', '2026-09-30', 'yesterday', 'today');
const text = fc.constantFrom('coffee', 'a "quoted" note', 'Ünïcode ✓', "it's", 'x');

/** One writing command, as a user would type it (some fail: they must change nothing). */
export const command: fc.Arbitrary<string[]> = fc.oneof(
  fc.tuple(fc.constantFrom('Cy Dunn', 'Dee Ray', 'Ann Lee 2'), text).map(([n, t]) => ['add', n, '--note', t, '--need', t]),
  fc.tuple(who, text, fc.constantFrom('coffee', 'email', 'call'), day).map(([w, t, k, d]) => ['log', w, t, '--kind', k, '--on', d]),
  fc.tuple(who, who, text).map(([a, b, t]) => ['log', a, t, '--with', b]),
  fc.tuple(who, text, fc.boolean()).map(([w, t, p]) => (p ? ['lead', w, t, '--person', 'Eve Park'] : ['lead', w, t, '--company', 'Initech'])),
  fc.tuple(fc.constantFrom('followed', 'reported', 'dropped'), item('l')).map(([s, l]) => ['lead', s, l]),
  fc.tuple(who, text, fc.boolean()).map(([w, t, theirs]) => ['promise', w, t, ...(theirs ? ['--theirs'] : ['--by', 'friday'])]),
  fc.tuple(fc.constantFrom('kept', 'dropped'), item('p')).map(([s, p]) => ['promise', s, p]),
  fc.tuple(who, text).map(([w, t]) => ['need', w, t]),
  fc.tuple(fc.constantFrom('met', 'dropped'), item('n')).map(([s, n]) => ['need', s, n]),
  who.map((w) => ['thank', w]),
  fc.tuple(fc.constantFrom('p', 'i', 'l', 'c'), fc.integer({ min: 1, max: 4 })).map(([p, n]) => ['done', `${p}${n}`]),
  fc.tuple(item('i'), fc.constantFrom('2w', 'monday')).map(([i, d]) => ['snooze', i, d]),
  fc.tuple(who, text).map(([w, t]) => ['edit', w, '--company', t, '--tag', 'x', '--every', '30d']),
  fc.tuple(who, who).map(([a, b]) => ['edit', a, '--via', b]),
  who.map((w) => ['rm', w, '--yes']),
  fc.tuple(who, who).map(([a, b]) => ['merge', a, b, '--yes']),
  fc.tuple(item('i'), day, fc.constantFrom('coffee', 'call'), who).map(([i, d, k, w]) => ['edit', i, '--on', d, '--kind', k, '--add', w]),
  fc.tuple(item('i'), who, fc.boolean()).map(([i, w, t]) => ['edit', i, '--with', w, t ? '--thanks' : '--no-reply']),
  fc.tuple(item('l'), who, text).map(([l, w, t]) => ['edit', l, '--person', w, '--job', t]),
  fc.tuple(item('p'), day, text).map(([p, d, t]) => ['edit', p, '--by', d, '--what', t]),
  fc.tuple(item('n'), day).map(([n, d]) => ['edit', n, '--on', d]),
  fc.constantFrom('i', 'l', 'p', 'n').chain((k) => item(k)).map((id) => ['rm', id, '--yes']),
);

