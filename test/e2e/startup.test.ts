// What a command loads when it starts: `net due` runs every morning, and each module Node
// loads for it is time the user waits. Timings are measured by `npm run bench`, not here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** The modules Node loaded for `net <args>`: its built-in ones ("NativeModule fs") and files. */
function modulesLoaded(args: readonly string[]): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'net-startup-'));
  try {
    const preload = path.join(dir, 'modules.cjs');
    fs.writeFileSync(preload, "process.on('exit', () => process.stderr.write('\\n' + [...process.moduleLoadList, ...Object.keys(require.cache)].join('\\n')));\n");
    const env = { ...process.env, NET_DB: path.join(dir, 'net.db'), NET_TODAY: '2026-11-23', NET_NO_CODE_CACHE: '1' };
    const r = spawnSync(process.execPath, ['-r', preload, 'bin/net.js', ...args], { cwd: ROOT, env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return r.stderr.split('\n').filter((l) => l.startsWith('NativeModule ') || l.startsWith('/'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('start-up', () => {
  it('net due never loads node:crypto (it costs every start about 2.5 ms)', () => {
    const loaded = modulesLoaded(['due']);
    expect(loaded).toContain('NativeModule fs');
    expect(loaded.filter((m) => /^NativeModule (crypto|internal\/crypto)/.test(m))).toEqual([]);
  });

  it('the daily commands run from the daily bundle alone; help and the occasional commands from the full one', () => {
    const full = path.join(ROOT, 'dist', 'net-full.cjs');
    for (const daily of [['due'], ['list'], ['needs'], ['report']]) expect(modulesLoaded(daily)).not.toContain(full);
    for (const occasional of [['--version'], ['help'], ['sync', '--help'], ['history', '--help']]) expect(modulesLoaded(occasional)).toContain(full);
    expect(fs.statSync(path.join(ROOT, 'dist', 'net.cjs')).size).toBeLessThan(fs.statSync(full).size * 0.7);
  });
});
