// The entry point: builds the real context and is the only place that ends the process.
import { processIO } from './cli/io.js';
import { inquirerPrompter } from './cli/prompter.js';
import { commandName, handles } from './cli/program.js';
import { run } from './cli/run.js';

// Set by scripts/build.mjs: the version from package.json (so start-up reads no extra file),
// and which bundle this is.
declare const NET_VERSION: string;
declare const NET_BUNDLE: 'daily' | 'full';

const argv = process.argv.slice(2);
if (NET_BUNDLE === 'daily' && !handles(argv)) {
  // Help, the version and the occasional commands are in the full bundle, beside this one:
  // it runs the command line itself.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a file beside the bundle, not a module of the sources
  require('./net-full.cjs');
} else {
  process.on('SIGINT', () => process.exit(130));

  // `net list | head` closes the pipe early: that is not an error worth a message.
  const closed = (fd: 1 | 2): never => process.exit(fd === 1 ? 0 : 1);

  let prompted = false;
  const prompter = () => {
    prompted = true;
    return inquirerPrompter();
  };
  void processIO(argv.includes('--no-color'), process.env, closed)
    .then((io) => run(argv, { io, env: process.env, now: new Date(), version: NET_VERSION, prompter }))
    .then((code) => {
      process.exitCode = code;
      // The command this bundle ran, for the code cache's loader in bin/net.js: its cache is
      // written again once a command it has not held succeeds, so that it holds that
      // command's code (a run that stopped at a usage error ran little of it).
      if (NET_BUNDLE === 'daily' && code === 0) Object.assign(globalThis, { [Symbol.for('net-journal.command')]: commandName(argv) });
      // Output went to the descriptors with blocking writes (cli/io.ts): with no prompt's
      // stream to drain, end now rather than wait for Node to take the heap apart.
      if (!prompted && process.platform !== 'win32') process.exit(code);
      // Leave time for output to drain; something left holding the event loop (an
      // interrupted prompt) must not keep the command alive.
      setTimeout(() => process.exit(code), 500).unref();
    });
}
