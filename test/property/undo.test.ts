// Undo of every writing command: any sequence of commands, followed by as many undos as
// commands that changed the journal, gives back the journal it started from (compared by
// `net export`). Run in-process (the same `run` the binary calls) to afford many sequences.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { command, exported, net, tempDir } from './commands.js';

async function undoable(db: string): Promise<number> {
  const r = await net(db, ['undo', '--list']);
  return r.out.split('\n').filter((l) => /^\s*\d+\s/.test(l)).length;
}

const SEED: string[][] = [
  ['add', 'Ann Lee', '--company', 'Acme', '--need', 'an intro at Dell', '--lead', 'Globex is hiring', '--promise', 'send the deck', '--expect', 'an intro'],
  ['add', 'Ben Ode', '--via', 'Ann Lee', '--met', 'PyData'],
  ['log', 'Ann', 'call about roles', '--kind', 'call', '--with', 'Ben'],
];

describe('net undo', () => {
  it('after any commands, as many undos give back the journal it started from (by net export)', async () => {
    const dir = tempDir('net-undo-');
    const template = path.join(dir, 'seed.db');
    for (const argv of SEED) expect((await net(template, argv)).code).toBe(0);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 6 }), async (commands) => {
        const db = path.join(dir, `run-${n++}.db`);
        fs.copyFileSync(template, db);
        const before = await exported(db);
        const undoableBefore = await undoable(db);
        for (const argv of commands) await net(db, argv);
        const changed = (await undoable(db)) - undoableBefore;
        for (let i = 0; i < changed; i++) {
          const r = await net(db, ['undo']);
          expect(r.code, `${r.out}\n${r.err}`).toBe(0);
        }
        expect(await exported(db)).toEqual(before);
        fs.rmSync(db, { force: true });
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
