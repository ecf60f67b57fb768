import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { hlcTime } from '../store/history.js';
import { SyncStore } from '../store/sync.js';
import { effects, findConflict, revert } from '../store/undo.js';
import { commandText, effectsText, localTime } from '../render/history.js';
import { safeLine } from '../render/text.js';

const LIST = 20;

export function registerUndo(program: Command, ctx: Context): void {
  program
    .command('undo')
    .argument('[command]', 'the number of a command in net undo --list (default: the most recent)')
    .summary('take back the last command that changed the journal')
    .description(
      'Reverts every change of the most recent command that changed the journal (or of the command numbered as in --list).\n' +
        'Repeated, it walks further back. The undo is itself recorded (see net history). It refuses when a later command\n' +
        'changed the same records: undo that one first.',
    )
    .option('--list', `show the last ${LIST} commands that can be undone`)
    .addHelpText('after', examples(['net undo', 'net undo --list', 'net undo 12']))
    .action((which: string | undefined, o: { list?: boolean }) => {
      const j = ctx.journal();
      if (o.list) {
        if (which !== undefined) throw new UsageError('Give a command number or --list, not both.');
        const rows = j.history.undoable(LIST);
        if (rows.length === 0) {
          ctx.io.out('Nothing to undo: no command has changed this journal yet.');
          return;
        }
        for (const c of rows) {
          const what = effectsText(effects(j.db, j.history.changes(c.id)));
          ctx.io.out(`${String(c.id).padStart(4)}  ${localTime(hlcTime(c.hlc))}  ${safeLine(commandText(c.argv))}  — ${what}`);
        }
        ctx.io.out(`Next: net undo (takes back ${rows[0]?.id})`);
        return;
      }
      let target;
      if (which === undefined) {
        target = j.history.undoable(1)[0];
        if (!target) {
          const last = j.history.commands(1)[0];
          ctx.io.out(
            last === undefined
              ? 'Nothing to undo: no command has changed this journal yet.'
              : new SyncStore(j.db).isApplied(last.id) && j.history.commands(0).every((c) => c.undoes === null && c.undoneBy === null)
                ? 'Nothing to undo on this device: its changes came from other devices (net sync); undo them where they were made, or change them with net edit.'
                : 'Nothing left to undo: every command has been undone (see net history).',
          );
          return;
        }
      } else {
        const n = /^\d{1,15}$/.test(which.trim()) ? Number(which.trim()) : NaN;
        target = Number.isNaN(n) ? undefined : j.history.command(n);
        if (!target) throw new UsageError(`"${safeLine(which)}" is not a command in the history. See the commands you can undo with: net undo --list`);
        if (target.undoes !== null) throw new UsageError(`Command ${target.id} was itself an undo; undoing an undo is not supported. See net undo --list.`);
        if (target.undoneBy !== null) throw new UsageError(`Command ${target.id} was already undone (by ${target.undoneBy}). See net undo --list.`);
        if (new SyncStore(j.db).isApplied(target.id)) {
          throw new UsageError(
            `Command ${target.id} applied other devices' changes (net sync); net undo takes back only this device's commands. Undo it on the device that made it, or change the records with net edit.`,
          );
        }
      }
      const line = safeLine(commandText(target.argv));
      const conflict = findConflict(j.db, j.history, target);
      if (conflict && new SyncStore(j.db).isApplied(conflict.command.id)) {
        throw new UsageError(
          `Cannot undo "${line}": another device has since changed ${conflict.record ?? 'the same records'} (brought in by net sync, command ${conflict.command.id}). Change the records with net edit instead.`,
        );
      }
      if (conflict) {
        throw new UsageError(
          `Cannot undo "${line}": a later command, "${safeLine(commandText(conflict.command.argv))}" (${conflict.command.id}), ` +
            `changed ${conflict.record ?? 'the same records'} too. Undo that one first (net undo ${conflict.command.id}), then this one.`,
        );
      }
      const undoId = j.write((command) => {
        revert(j.db, j.history.changes(target.id));
        j.history.markUndone(target.id, command);
        return command;
      });
      ctx.io.out(`Undid "${line}": ${effectsText(effects(j.db, j.history.changes(undoId)), true)}.`);
    });
}
