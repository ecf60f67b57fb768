// Runs one command line against a context and returns its exit code. Errors become one or
// two plain sentences on stderr; the stack only with NET_DEBUG=1.
import { type Command, CommanderError } from 'commander';
import { FIRST_DATE, LAST_DATE, isJournalDate, localToday } from '../core/dates.js';
import { JournalError, NetError, UsageError } from '../core/errors.js';
import { Journal } from '../store/journal.js';
import { describeSqliteError, journalPath } from '../store/open.js';
import { syncedFolder } from '../store/placement.js';
import { safe } from '../render/text.js';
import type { Context } from './context.js';
import { vanished } from './inputs.js';
import type { IO } from './io.js';
import { buildProgram, commandName } from './program.js';
import { inquirerPrompter, type Prompter } from './prompter.js';

export interface RunDeps {
  io: IO;
  env: NodeJS.ProcessEnv;
  now: Date;
  version: string;
  prompter?: () => Promise<Prompter>;
}

const HELP_CODES = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);

export async function run(argv: readonly string[], deps: RunDeps): Promise<number> {
  const { io, env } = deps;
  let journal: Journal | undefined;
  let file = '';
  // Ctrl-C ends the process at once (main.ts): the journal is closed on the way out, so that
  // an interrupted command (a long import still reading its file) leaves no -wal or -shm
  // file behind. Nothing is half-written: every write is one synchronous transaction.
  const closeOnExit = () => {
    try {
      journal?.close();
    } catch {
      // Busy: stdout closed (`net export | head`) while the export still reads the journal.
      // The process ends now all the same (SQLite tidies the -wal and -shm files at the next
      // close); nothing was written.
    }
  };
  process.once('exit', closeOnExit);
  try {
    const today = todayFrom(env, deps.now);
    let prompter: Promise<Prompter> | undefined;
    const ctx: Context = {
      io,
      env,
      today,
      journalFile: () => journalPath({ flag: program.opts<{ db?: string }>().db, env }),
      journal: () => {
        if (!journal) {
          file = ctx.journalFile();
          journal = Journal.open(file, env);
          journal.command = withoutDb(argv);
          journal.asOf(today);
        }
        return journal;
      },
      prompter: () => (prompter ??= (deps.prompter ?? inquirerPrompter)()),
    };
    const program = await buildProgram(
      ctx,
      deps.version,
      {
        writeOut: (s) => io.out(s.replace(/\n$/, '')),
        writeErr: (s) => io.err(safe(s.replace(/\n$/, ''))),
      },
      argv,
    );
    if (argv.length === 0) {
      io.out(program.helpInformation().replace(/\n$/, ''));
      return 0;
    }
    await program.parseAsync([...asCommand(argv, program)], { from: 'user' });
    if (journal) {
      // The journal is created on first use, by a command that succeeded (a dry run leaves none).
      journal.materialize();
      if (!journal.exists) journal.discard();
      warnIfSynced(journal, io);
    }
    return 0;
  } catch (err) {
    const code = report(vanishedContact(err, journal) ?? err, io, env, file);
    journal?.discard();
    return code;
  } finally {
    process.off('exit', closeOnExit);
    journal?.close();
  }
}

/**
 * `net help <word>` where the word names no command is read as `net <word>`, so that it is
 * refused as an unknown command (with the same suggestion) instead of printing the whole help.
 */
function asCommand(argv: readonly string[], program: Command): readonly string[] {
  if (commandName(argv) !== 'help') return argv;
  const at = argv.indexOf('help');
  const topic = argv.slice(at + 1).find((a) => !a.startsWith('-'));
  if (topic === undefined || program.commands.some((c) => c.name() === topic || c.aliases().includes(topic))) return argv;
  return [...argv.slice(0, at), ...argv.slice(at + 1)];
}

/** The command line as the history keeps it: where the journal is does not belong there. */
export function withoutDb(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (a === '--db') i++;
    else if (!a.startsWith('--db=')) out.push(a);
  }
  return out;
}

/**
 * A write refused by a foreign key because a contact the command named was removed by
 * another net process after it was looked up: say who, rather than quote SQLite.
 */
function vanishedContact(err: unknown, journal: Journal | undefined): JournalError | null {
  if ((err as { code?: string })?.code !== 'SQLITE_CONSTRAINT_FOREIGNKEY' || !journal?.db.raw.open) return null;
  const gone = journal.vanished()[0];
  return gone ? vanished(gone) : null;
}

/**
 * Date arithmetic refuses a stored date that is not a calendar date (a journal edited by
 * hand): say so, and where `net doctor` names the record.
 */
function badStoredDate(err: unknown): JournalError | null {
  const m = err instanceof RangeError ? /^not a calendar date: (.*)$/s.exec(err.message) : null;
  if (!m) return null;
  return new JournalError(`The journal holds the date "${m[1]}", which is not a calendar date, so net cannot work with it. Run net doctor to see which record holds it.`);
}

/** A journal in Dropbox and the like can be uploaded without its -wal file: say so, once. */
function warnIfSynced(journal: Journal, io: IO): void {
  const service = syncedFolder(journal.file);
  if (service === null || !journal.exists || journal.meta('synced_folder_warned') !== null) return;
  io.err(
    `net: warning: your journal is inside ${service}. Sync services can copy a SQLite file while it is being written ` +
      'and corrupt it. Keep the journal outside the synced folder (the default place is fine) and put backups there instead: net backup <file in the synced folder>.',
  );
  journal.setMeta('synced_folder_warned', new Date().toISOString());
}

function todayFrom(env: NodeJS.ProcessEnv, now: Date): string {
  const fixed = env.NET_TODAY;
  if (fixed === undefined || fixed === '') return localToday(now);
  if (!isJournalDate(fixed)) {
    throw new UsageError(`NET_TODAY="${fixed}" is not a date from ${FIRST_DATE} to ${LAST_DATE}. Set it as YYYY-MM-DD, or unset it to use today's date.`);
  }
  return fixed;
}

function report(err: unknown, io: IO, env: NodeJS.ProcessEnv, file: string): number {
  if (err instanceof CommanderError) {
    if (HELP_CODES.has(err.code)) return err.exitCode === 0 || err.code !== 'commander.help' ? 0 : 2;
    // Commander has already printed what was wrong; add where to look.
    io.err('Run net --help (or net <command> --help) for usage and examples.');
    return 2;
  }
  const debug = env.NET_DEBUG === '1';
  const known = err instanceof NetError ? err : (describeSqliteError(err, file || 'the journal') ?? badStoredDate(err));
  if (known) {
    io.err(`net: ${safe(known.message)}`);
    if (debug && err instanceof Error && err.stack) io.err(err.stack);
    return known.exitCode;
  }
  const e = err as NodeJS.ErrnoException;
  if (typeof e?.code === 'string' && typeof e.syscall === 'string') {
    io.err(`net: ${safe(e.message)}. Check the path and its permissions; nothing was changed.`);
  } else {
    io.err(`net: something unexpected went wrong (${safe(String(e?.message ?? err))}); nothing was changed. Run again with NET_DEBUG=1 for details and report it.`);
  }
  if (debug && err instanceof Error && err.stack) io.err(err.stack);
  return 1;
}
