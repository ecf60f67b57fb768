import type { Command } from 'commander';
import { dueItems, visibleDue } from '../core/due.js';
import { UsageError } from '../core/errors.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { dueJson, dueTable } from '../render/due.js';
import { printJson } from '../render/json.js';
import { plural } from '../render/text.js';

export function registerDue(program: Command, ctx: Context): void {
  program
    .command('due')
    .summary('what you owe today, most urgent first')
    .description(
      'Thank-yous, follow-ups, report-backs on leads, promises to keep and nudges, most urgent first.\n' +
        'Resolve an item with net done <id>, or postpone it with net snooze <id> <date>.',
    )
    .option('--all', 'also show snoozed items and people resting after unanswered messages')
    .option('--json', 'print JSON')
    .option('--notify', 'print nothing; show one desktop notification of what is owed today (for a morning timer)')
    .addHelpText('after', examples(['net due', 'net due --all', 'net due --json', 'net due --notify']))
    .action(async (opts: { all?: boolean; json?: boolean; notify?: boolean }) => {
      if (opts.notify && (opts.json || opts.all)) throw new UsageError('--notify prints nothing, so it goes without --json and --all. Run net due --notify on its own.');
      const j = ctx.journal();
      const items = visibleDue(dueItems(j.due.input(ctx.today), ctx.today), opts.all ?? false);
      if (opts.notify) {
        // Loaded only here: child_process and the notifier code cost net due nothing otherwise.
        const { notification, sendNotification } = await import('../cli/notify.js');
        const n = notification(items);
        const warning = n && sendNotification(n, process.platform, ctx.env);
        if (warning) ctx.io.err(`net: warning: no notification shown: ${warning}`);
        return;
      }
      if (opts.json) {
        ctx.io.out(printJson(items.map(dueJson)));
        return;
      }
      if (items.length === 0) {
        const empty = j.contacts.count() === 0;
        ctx.io.out(
          empty
            ? 'Your journal is empty. Record the next person you meet: net add "Dana Whitfield" --met "coffee at Bennu"'
            : 'Nothing is due today. Look for someone to help: net needs',
        );
        return;
      }
      ctx.io.out(dueTable(items, ctx.io.color, ctx.io.columns, ctx.today));
      const overdue = items.filter((i) => i.state === 'due' && i.daysOverdue > 0).length;
      if (ctx.io.stdoutIsTTY) {
        ctx.io.out(
          ctx.io.color.dim(`${plural(items.length, 'item')}${overdue ? `, ${overdue} overdue` : ''}. Resolve one with net done <id>, postpone with net snooze <id> <date>.`),
        );
      }
    });
}
