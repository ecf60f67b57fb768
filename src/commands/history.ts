import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { KINDS, parseRecordId, type RecordKind, recordLabel } from '../core/kinds.js';
import { parseIdRef } from '../core/names.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { resolveContact } from '../cli/inputs.js';
import { type ChangeRow, type CommandRow, hlcTime } from '../store/history.js';
import { describeChanges, uuidOfRecord } from '../store/undo.js';
import type { Journal } from '../store/journal.js';
import { commandText, historyText } from '../render/history.js';
import { safeLine } from '../render/text.js';

const DEFAULT_LIMIT = 20;
const CONTACT = KINDS.get('contact') as RecordKind;

/**
 * The uuid of the record `ref` names: `i12`, `l3`, `p7`, `n2`, or a contact (`c5`, `#5`, a
 * name). An id also finds a record that has since been removed, from its history.
 */
async function recordUuid(ctx: Context, j: Journal, ref: string): Promise<string> {
  const item = parseRecordId(ref) ?? (/^c\d{1,15}$/i.test(ref.trim()) ? { kind: CONTACT, id: Number(ref.trim().slice(1)) } : null);
  if (item) {
    const uuid = uuidOfRecord(j.db, item.kind.table, item.id);
    if (uuid === null) throw new UsageError(`No ${item.kind.noun} has id ${recordLabel(item.kind, item.id)}, and the history knows none. See net history.`);
    return uuid;
  }
  const id = parseIdRef(ref);
  const removed = id === null ? null : uuidOfRecord(j.db, CONTACT.table, id);
  if (removed !== null) return removed;
  const contact = await resolveContact(ctx, ref);
  return uuidOfRecord(j.db, CONTACT.table, contact.id) as string;
}

export function registerHistory(program: Command, ctx: Context): void {
  program
    .command('history')
    .argument('[record]', 'a contact (name, #5 or c5) or a record id (i12, l3, p7, n2)')
    .summary('what changed, when, and by which command')
    .description(
      'The change history, newest command first: each command line and what it changed. With a contact or a record id,\n' +
        `only the changes that touched it. Shows the last ${DEFAULT_LIMIT} commands unless --limit says otherwise (0 for all);\n` +
        '--json gives every matching command unless --limit.',
    )
    .option('--json', 'machine-readable: an array of commands, newest first')
    .option('--limit <n>', `how many commands (default ${DEFAULT_LIMIT}; 0 for all)`)
    .addHelpText('after', examples(['net history', 'net history Dana', 'net history i12 --json', 'net history --limit 0']))
    .action(async (ref: string | undefined, o: { json?: boolean; limit?: string }) => {
      let limit = o.json ? 0 : DEFAULT_LIMIT;
      if (o.limit !== undefined) {
        if (!/^\d{1,6}$/.test(o.limit.trim())) throw new UsageError(`--limit "${safeLine(o.limit)}" is not a number of commands. Use 0 for all, or a number like 50.`);
        limit = Number(o.limit.trim());
      }
      const j = ctx.journal();
      let groups: Array<{ command: CommandRow; changes: ChangeRow[] }>;
      if (ref === undefined) {
        groups = j.history.commands(limit).map((command) => ({ command, changes: j.history.changes(command.id) }));
      } else {
        const uuid = await recordUuid(ctx, j, ref);
        const byCommand = new Map<number, ChangeRow[]>();
        for (const c of j.history.changesMentioning([uuid]).reverse()) {
          const list = byCommand.get(c.commandId) ?? [];
          list.push(c);
          byCommand.set(c.commandId, list);
        }
        const ids = [...byCommand.keys()].sort((a, b) => b - a);
        groups = (limit > 0 ? ids.slice(0, limit) : ids).flatMap((id) => {
          const command = j.history.command(id);
          return command ? [{ command, changes: byCommand.get(id) ?? [] }] : [];
        });
      }
      const entries = groups.map(({ command, changes }) => ({ command, views: describeChanges(j.db, changes) }));
      if (o.json) {
        ctx.io.out(
          JSON.stringify(
            entries.map(({ command: c, views }) => ({
              id: c.id,
              uuid: c.uuid,
              command: commandText(c.argv),
              argv: c.argv,
              at: hlcTime(c.hlc).toISOString(),
              hlc: c.hlc,
              device: c.device,
              undoes: c.undoes,
              undone_by: c.undoneBy,
              changes: views.map((v) => ({ record: v.record, kind: v.kind, uuid: v.uuid, field: v.field, old: v.old ?? null, new: v.new ?? null })),
            })),
            null,
            2,
          ),
        );
        return;
      }
      ctx.io.out(
        historyText(
          entries.map(({ command: c, views }) => ({ id: c.id, at: hlcTime(c.hlc), argv: c.argv, undoes: c.undoes, undoneBy: c.undoneBy, changes: views })),
        ),
      );
    });
}
