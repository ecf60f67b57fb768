// Bundles the CLI into one CommonJS file: loading one module instead of ~80 saves most of the
// start-up time that `net due` would otherwise spend resolving and compiling files, and
// Node loads CommonJS faster than it links ES modules.
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

await build({
  entryPoints: ['src/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['bindings', 'chrono-node', '@inquirer/prompts', 'csv-parse', 'damerau-levenshtein', 'iconv-lite', 'libqp', 'ical.js', 'libmime', 'nodemailer', '@streamparser/json'],
  define: { NET_VERSION: JSON.stringify(version), NET_SQLITE_ADDON: JSON.stringify(addon) },
  // import() of the on-demand modules becomes require(): they all ship CommonJS, and the
  // code-cache loader in bin/net.js then needs no experimental dynamic-import hook.
  supported: { 'dynamic-import': false },
  minify: process.env.NET_BUILD_DEBUG !== "1",
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [lazyChildProcess],
});
