// The entry point: builds the real context and is the only place that ends the process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processIO } from './cli/io.js';
import { run } from './cli/run.js';

// main.ts is bundled to CommonJS (scripts/build.mjs), where __dirname is dist/.
const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
const argv = process.argv.slice(2);
const io = processIO(argv.includes('--no-color'), process.env);

process.on('SIGINT', () => process.exit(130));
// `net list | head` closes the pipe early: that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => process.exit(err.code === 'EPIPE' ? 0 : 1));
}

void run(argv, { io, env: process.env, now: new Date(), version: pkg.version }).then((code) => {
  process.exitCode = code;
  // Leave time for output to drain; something left holding the event loop (an interrupted
  // prompt) must not keep the command alive.
  setTimeout(() => process.exit(code), 500).unref();
});
