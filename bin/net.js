#!/usr/bin/env node
// CommonJS (see bin/package.json): Node starts a CommonJS entry faster than an ES module.
// `net due` runs every morning, so the compiled bundle is kept in V8's code cache under
// $XDG_CACHE_HOME/net: Node 22.1+ keeps it itself; on Node 20 the lines below keep it in
// one file. Any problem with the cache falls back to a plain load.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const bundle = path.join(__dirname, '..', 'dist', 'net.cjs');

function cacheDir() {
  const base = process.env.XDG_CACHE_HOME && path.isAbsolute(process.env.XDG_CACHE_HOME) ? process.env.XDG_CACHE_HOME : path.join(process.env.HOME || require('node:os').homedir(), '.cache');
  const dir = path.join(base, 'net');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/**
 * Loads the bundle with the code cache in `net.v8`: a first line naming the build and the
 * Node it belongs to (V8 checks its own version, not that the source is the same one), a
 * second naming the commands whose functions it holds, then V8's data. V8 compiles a
 * function when it first runs, and the cache holds what had been compiled when it was
 * written: so a run that finds no cache, one of another build, or one written before its
 * command ever ran (the bundle names the command it ran, src/main.ts), writes it again on
 * exit. After each daily command has run once, the one file holds them all.
 */
function loadWithCodeCache(dir) {
  const vm = require('node:vm');
  // Latin-1 is the bundle's text as it is ASCII (scripts/build.mjs checks) and is read without decoding.
  const source = fs.readFileSync(bundle, 'latin1');
  const stat = fs.statSync(bundle);
  const build = Buffer.from(`${bundle} ${stat.size} ${Math.floor(stat.mtimeMs)} ${process.version} ${process.arch}\n`);
  const file = path.join(dir, 'net.v8');
  let cachedData;
  let covered = [];
  try {
    const data = fs.readFileSync(file);
    const end = data.indexOf(10, build.length);
    if (end > 0 && data.subarray(0, build.length).equals(build)) {
      covered = data.toString('latin1', build.length, end).split(' ').filter(Boolean);
      cachedData = data.subarray(end + 1);
    }
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const fresh = cachedData === undefined || script.cachedDataRejected;
  process.once('exit', () => {
    const ran = globalThis[Symbol.for('net-journal.command')];
    const learned = typeof ran === 'string' && /^[\w-]+$/.test(ran) && !covered.includes(ran);
    if (!fresh && !learned) return;
    const commands = [...(fresh ? [] : covered), ...(learned ? [ran] : [])].join(' ');
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, Buffer.concat([build, Buffer.from(`${commands}\n`), script.createCachedData()]), { mode: 0o600 });
      fs.renameSync(tmp, file);
    } catch {
      fs.rmSync(tmp, { force: true });
    }
  });
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = Module._nodeModulePaths(path.dirname(bundle));
  script.runInThisContext().call(mod.exports, mod.exports, (id) => mod.require(id), mod, bundle, path.dirname(bundle));
}

let dir = null;
if (process.env.NET_NO_CODE_CACHE !== '1') {
  try {
    dir = cacheDir();
  } catch {
    dir = null;
  }
}
if (dir !== null && typeof Module.enableCompileCache === 'function') {
  Module.enableCompileCache(dir);
  require(bundle);
} else if (dir !== null) {
  loadWithCodeCache(dir);
} else {
  require(bundle);
}
