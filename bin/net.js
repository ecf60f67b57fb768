#!/usr/bin/env node
// CommonJS (see bin/package.json): Node starts a CommonJS entry faster than an ES module.
// `net due` runs every morning, so the compiled bundle is kept in V8's code cache under
// $XDG_CACHE_HOME/net (Node 22.1+ does this itself; on Node 20 the lines below do, one
// cache per command).
// Any problem with the cache falls back to a plain load.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const Module = require('node:module');

const bundle = path.join(__dirname, '..', 'dist', 'net.cjs');

function cacheDir() {
  const base = process.env.XDG_CACHE_HOME && path.isAbsolute(process.env.XDG_CACHE_HOME) ? process.env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  const dir = path.join(base, 'net');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/**
 * One cache per command, each holding what that command's first run compiled (V8 compiles
 * a function when it first runs): `net due` then finds all of its own code compiled,
 * whichever command ran first after an install.
 */
function commandKey() {
  const args = process.argv.slice(2);
  // The first word that is neither an option nor the journal given to --db.
  const first = args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '--db');
  return first !== undefined && /^[a-z]{2,12}$/.test(first) ? first : 'net';
}

/** A short name for the place net is installed, so that two installs keep their own caches. */
function installKey() {
  let h = 0x811c9dc5;
  for (let i = 0; i < bundle.length; i++) h = Math.imul(h ^ bundle.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

const MONTHS_3 = 90 * 24 * 3600 * 1000;

/**
 * Removes the caches this install's earlier builds left for this Node, and any cache
 * nobody has written for three months (another Node or an install since removed); says
 * whether this build may add one more.
 */
function tidy(dir, install, build) {
  let mine = 0;
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith('net-') || !name.endsWith('.v8')) continue;
    const file = path.join(dir, name);
    if (name.startsWith(build)) mine++;
    else if (name.startsWith(install) || Date.now() - fs.statSync(file).mtimeMs > MONTHS_3) fs.rmSync(file, { force: true });
  }
  return mine < 40;
}

function loadWithCodeCache(dir) {
  const vm = require('node:vm');
  const source = fs.readFileSync(bundle, 'utf8');
  const stat = fs.statSync(bundle);
  const install = `net-${installKey()}-${process.version}-${process.arch}-`;
  const build = `${install}${stat.size}-${Math.floor(stat.mtimeMs)}-`;
  const file = path.join(dir, `${build}${commandKey()}.v8`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(file);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: bundle,
    cachedData,
  });
  if (cachedData === undefined || script.cachedDataRejected) {
    // Written on exit so that it includes the functions this run compiled.
    process.once('exit', () => {
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        if (!tidy(dir, install, build)) return;
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, file);
      } catch {
        fs.rmSync(tmp, { force: true });
      }
    });
  }
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
