import { Command } from 'commander';
import type { Context } from './context.js';

export interface ProgramIO {
  writeOut(text: string): void;
  writeErr(text: string): void;
}

type Register = (program: Command, ctx: Context) => void;

/** Which bundle this is (scripts/build.mjs): the daily commands only, or every command. */
declare const NET_BUNDLE: 'daily' | 'full';

// The commands that register a pair of names load once, under both.
const job = async () => (await import('../commands/job.js')).registerJob;
const company = async () => (await import('../commands/company.js')).registerCompany;
const need = async () => (await import('../commands/need.js')).registerNeed;
const done = async () => (await import('../commands/done.js')).registerDone;
const list = async () => (await import('../commands/list.js')).registerList;
const completion = async () => (await import('../commands/completion.js')).registerCompletion;

/**
 * Each command name and how to load the function that registers it, in the order help
 * lists them. The occasional commands are only in the full bundle (scripts/build.mjs),
 * which takes over their command lines (src/main.ts).
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  add: async () => (await import('../commands/add.js')).registerAdd,
  log: async () => (await import('../commands/log.js')).registerLog,
  lead: async () => (await import('../commands/lead.js')).registerLead,
  job,
  jobs: job,
  ...(NET_BUNDLE === 'full' && {
    company,
    landed: async () => (await import('../commands/landed.js')).registerLanded,
    companies: company,
  }),
  intro: async () => (await import('../commands/intro.js')).registerIntro,
  promise: async () => (await import('../commands/promise.js')).registerPromise,
  need,
  needs: need,
  note: async () => (await import('../commands/note.js')).registerNote,
  thank: async () => (await import('../commands/thank.js')).registerThank,
  noreply: async () => (await import('../commands/noreply.js')).registerNoReply,
  due: async () => (await import('../commands/due.js')).registerDue,
  done,
  snooze: done,
  report: async () => (await import('../commands/report.js')).registerReport,
  ...(NET_BUNDLE === 'full' && {
    calendar: async () => (await import('../commands/calendar.js')).registerCalendar,
    draft: async () => (await import('../commands/draft.js')).registerDraft,
  }),
  show: async () => (await import('../commands/show.js')).registerShow,
  list,
  find: list,
  edit: async () => (await import('../commands/edit.js')).registerEdit,
  rm: async () => (await import('../commands/rm.js')).registerRm,
  ...(NET_BUNDLE === 'full' && {
    merge: async () => (await import('../commands/merge.js')).registerMerge,
    undo: async () => (await import('../commands/undo.js')).registerUndo,
    history: async () => (await import('../commands/history.js')).registerHistory,
    import: async () => (await import('../commands/import.js')).registerImport,
    export: async () => (await import('../commands/export.js')).registerExport,
    backup: async () => (await import('../commands/backup.js')).registerBackup,
    doctor: async () => (await import('../commands/doctor.js')).registerDoctor,
    sync: async () => (await import('../commands/sync.js')).registerSync,
  }),
  __names: completion,
  __ids: completion,
};

/**
 * Whether this bundle runs the command line itself: one of its commands, without --help.
 * Help, the version, unknown commands and occasional ones go to the full bundle.
 */
export function handles(argv: readonly string[]): boolean {
  const name = commandName(argv);
  return name !== undefined && Object.hasOwn(COMMANDS, name) && !argv.includes('--help') && !argv.includes('-h');
}

/** The command a command line runs: its first word that is not an option or --db's value. */
export function commandName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--db') i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/**
 * The command tree. Commander only parses; each command's run does the work. Only the
 * command being run is loaded and registered (start-up time is the product's budget); help,
 * completion and unknown commands get the whole tree.
 */
export async function buildProgram(ctx: Context, version: string, out: ProgramIO, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('net');
  program
    .description('A private journal for job networking: who you met, what you owe them, and what they need.')
    .version(version, '-V, --version', 'print the version')
    .option('--db <path>', 'journal file (default: $NET_DB, else $XDG_DATA_HOME/net/net.db)')
    .option('--no-color', 'plain output without colours (also NO_COLOR=1)')
    .helpCommand('help [command]', 'show help for a command')
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: out.writeOut, writeErr: out.writeErr })
    .exitOverride();
  const only = handles(argv) ? COMMANDS[commandName(argv) ?? ''] : undefined;
  if (only) {
    (await only())(program, ctx);
    return program;
  }
  const all = await Promise.all(Object.entries(COMMANDS).map(async ([key, load]) => [key, await load()] as const));
  // Completion's hidden commands last, each register function once (some register a pair).
  const registers = new Set([...all.filter(([key]) => !key.startsWith('__')), ...all.filter(([key]) => key.startsWith('__'))].map(([, r]) => r));
  for (const register of registers) register(program, ctx);
  program.addHelpText(
    'after',
    `
Every morning:
  net due                          what you owe today, most urgent first
  net add "Dana Whitfield" --met "coffee at Bennu" --need "an intro at Dell"
  net log Dana "call about the role" --kind call
  net thank Dana

Run net <command> --help for a command's options and examples.`,
  );
  return program;
}
