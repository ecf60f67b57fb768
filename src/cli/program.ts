import { Command } from 'commander';
import type { Context } from './context.js';
import { registerAdd } from '../commands/add.js';
import { registerBackup } from '../commands/backup.js';
import { registerCalendar } from '../commands/calendar.js';
import { registerCompany } from '../commands/company.js';
import { registerCompletion } from '../commands/completion.js';
import { registerDoctor } from '../commands/doctor.js';
import { registerDone } from '../commands/done.js';
import { registerDraft } from '../commands/draft.js';
import { registerDue } from '../commands/due.js';
import { registerEdit } from '../commands/edit.js';
import { registerExport } from '../commands/export.js';
import { registerHistory } from '../commands/history.js';
import { registerImport } from '../commands/import.js';
import { registerIntro } from '../commands/intro.js';
import { registerJob } from '../commands/job.js';
import { registerLanded } from '../commands/landed.js';
import { registerLead } from '../commands/lead.js';
import { registerList } from '../commands/list.js';
import { registerMerge } from '../commands/merge.js';
import { registerLog } from '../commands/log.js';
import { registerNeed } from '../commands/need.js';
import { registerNote } from '../commands/note.js';
import { registerNoReply } from '../commands/noreply.js';
import { registerPromise } from '../commands/promise.js';
import { registerReport } from '../commands/report.js';
import { registerRm } from '../commands/rm.js';
import { registerShow } from '../commands/show.js';
import { registerThank } from '../commands/thank.js';
import { registerSync } from '../commands/sync.js';
import { registerUndo } from '../commands/undo.js';

export interface ProgramIO {
  writeOut(text: string): void;
  writeErr(text: string): void;
}

type Register = (program: Command, ctx: Context) => void;

/** Each command name and the function that registers it (some register a pair). */
const COMMANDS: Record<string, Register> = {
  add: registerAdd,
  log: registerLog,
  lead: registerLead,
  job: registerJob,
  jobs: registerJob,
  company: registerCompany,
  landed: registerLanded,
  companies: registerCompany,
  intro: registerIntro,
  promise: registerPromise,
  need: registerNeed,
  needs: registerNeed,
  note: registerNote,
  thank: registerThank,
  noreply: registerNoReply,
  due: registerDue,
  done: registerDone,
  snooze: registerDone,
  report: registerReport,
  calendar: registerCalendar,
  draft: registerDraft,
  show: registerShow,
  list: registerList,
  find: registerList,
  edit: registerEdit,
  rm: registerRm,
  merge: registerMerge,
  undo: registerUndo,
  history: registerHistory,
  import: registerImport,
  export: registerExport,
  backup: registerBackup,
  doctor: registerDoctor,
  sync: registerSync,
  __names: registerCompletion,
  __ids: registerCompletion,
};

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
 * command being run is registered (start-up time is the product's budget); help,
 * completion and unknown commands get the whole tree.
 */
export function buildProgram(ctx: Context, version: string, out: ProgramIO, argv: readonly string[] = []): Command {
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
  const name = commandName(argv);
  const only = name !== undefined && !argv.includes('--help') && !argv.includes('-h') ? COMMANDS[name] : undefined;
  if (only) {
    only(program, ctx);
    return program;
  }
  for (const register of new Set([...Object.values(COMMANDS).filter((r) => r !== registerCompletion), registerCompletion])) {
    register(program, ctx);
  }
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
