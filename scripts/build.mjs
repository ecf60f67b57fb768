// Bundles the CLI into CommonJS files: loading one module instead of ~80 saves most of the
// start-up time that `net due` would otherwise spend resolving and compiling files, and
// Node loads CommonJS faster than it links ES modules. Two bundles are built from the same
// sources: `net.cjs` holds the commands of the daily routine and is what bin/net.js loads
// (with its code cache); `net-full.cjs` holds every command and the help, and takes over any
// other command line (src/main.ts). V8 reads, deserialises and sets up a script in time
// that grows with its size, whatever part of it runs: leaving import, export, sync and the
// other occasional commands out of the first bundle saves every daily command about 3 ms.
// The modules loaded only on demand (prompts, natural-language dates, CSV, edit distance, encodings, iCalendar, mail headers) stay external so
// that they cost nothing until used.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Where the bundle goes; the tests build elsewhere to check the addon fallback.
const outfile = process.env.NET_BUILD_OUTFILE ?? 'dist/net.cjs';

// better-sqlite3's JavaScript is bundled (its dozen files would otherwise be resolved and
// compiled at every start); its compiled addon is loaded from where it is now, relative
// to the bundle, so that it is found without searching (src/store/open.ts falls back to
// resolving better-sqlite3's package when it has moved). Its own loader, the `bindings`
// package, stays external: it searches from the caller's folder, which a bundle changes.
const sqliteDir = path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
const addon = process.env.NET_BUILD_SQLITE_ADDON ?? path.relative(path.dirname(outfile), path.join(sqliteDir, 'build', 'Release', 'better_sqlite3.node'));

// commander requires child_process at load for executable subcommands, which net does not
// use; a lazy stand-in keeps that module off the start-up path (about 1.5 ms).
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/commander/`) ? { path: 'child_process', namespace: 'lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:' + 'child_process')[key] });",
      loader: 'js',
    }));
  },
};

const full = path.join(path.dirname(outfile), 'net-full.cjs');
for (const [file, bundle] of [[outfile, 'daily'], [full, 'full']]) {
  await build({
    entryPoints: ['src/main.ts'],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['bindings', 'chrono-node', '@inquirer/prompts', 'csv-parse', 'damerau-levenshtein', 'iconv-lite', 'libqp', 'ical.js', 'libmime', 'nodemailer', '@streamparser/json', './net-full.cjs'],
    define: { NET_VERSION: JSON.stringify(version), NET_SQLITE_ADDON: JSON.stringify(addon), NET_BUNDLE: JSON.stringify(bundle) },
    // import() of the on-demand modules becomes require(): they all ship CommonJS, and the
    // code-cache loader in bin/net.js then needs no experimental dynamic-import hook.
    supported: { 'dynamic-import': false },
    minify: process.env.NET_BUILD_DEBUG !== "1",
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [lazyChildProcess],
  });
  // The unminified bundle for profiling keeps comments, which may hold any letter.
  if (process.env.NET_BUILD_DEBUG !== '1') assertAscii(file);
}

// The bundles must be ASCII: V8 keeps an ASCII source in one byte a character and reads,
// hashes and scans it faster (a single "ø" in a regular expression made the whole 430 KB
// bundle a two-byte string, about 1 ms more at every start), and bin/net.js reads it as
// Latin-1, which is the same text only for ASCII. esbuild escapes strings but copies
// regular expressions as written: write their letters as \u escapes.
function assertAscii(file) {
  const text = readFileSync(file, 'latin1');
  const at = text.search(/[^\x00-\x7f]/);
  if (at >= 0) {
    throw new Error(`${file} is not ASCII at offset ${at}: …${text.slice(Math.max(0, at - 60), at + 20)}… Write that character as a \\u escape in the source.`);
  }
}
