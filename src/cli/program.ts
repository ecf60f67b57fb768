import { Command } from 'commander';
import type { Context } from './context.js';
import { registerAdd } from '../commands/add.js';
import { registerBackup } from '../commands/backup.js';
import { registerCompletion } from '../commands/completion.js';
import { registerDoctor } from '../commands/doctor.js';
import { registerDone } from '../commands/done.js';
import { registerDue } from '../commands/due.js';
import { registerEdit } from '../commands/edit.js';
import { registerExport } from '../commands/export.js';
import { registerImport } from '../commands/import.js';
import { registerLead } from '../commands/lead.js';
import { registerList } from '../commands/list.js';
import { registerMerge } from '../commands/merge.js';
import { registerLog } from '../commands/log.js';
import { registerNeed } from '../commands/need.js';
import { registerPromise } from '../commands/promise.js';
import { registerReport } from '../commands/report.js';
import { registerRm } from '../commands/rm.js';
import { registerShow } from '../commands/show.js';
import { registerThank } from '../commands/thank.js';

export interface ProgramIO {
  writeOut(text: string): void;
  writeErr(text: string): void;
}

/** The whole command tree. Commander only parses; each command's run does the work. */
export function buildProgram(ctx: Context, version: string, out: ProgramIO): Command {
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
  for (const register of [
    registerAdd,
    registerLog,
    registerLead,
    registerPromise,
    registerNeed,
    registerThank,
    registerDue,
    registerDone,
    registerReport,
    registerShow,
    registerList,
    registerEdit,
    registerRm,
    registerMerge,
    registerImport,
    registerExport,
    registerBackup,
    registerDoctor,
    registerCompletion,
  ]) {
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
