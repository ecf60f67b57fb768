// The entry point: builds the real context and is the only place that ends the process.
import { readFileSync } from 'node:fs';
import { processIO } from './cli/io.js';
import { run } from './cli/run.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const argv = process.argv.slice(2);
const io = processIO(argv.includes('--no-color'), process.env);

process.on('SIGINT', () => process.exit(130));

const code = await run(argv, { io, env: process.env, now: new Date(), version: pkg.version });
process.exitCode = code;
// Leave time for output to drain; something left holding the event loop (an interrupted
// prompt) must not keep the command alive.
setTimeout(() => process.exit(code), 500).unref();
