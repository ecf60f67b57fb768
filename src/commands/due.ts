import type { Command } from 'commander';
import { dueItems, visibleDue } from '../core/due.js';
import { UsageError } from '../core/errors.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { dueFooter, dueJson, dueTable } from '../render/due.js';
import { printJson } from '../render/json.js';
import { safeLine } from '../render/text.js';

/** How many items `net due` shows on a terminal without `--limit`: the most urgent screenful. */
export const SCREEN_ITEMS = 30;

/** `--limit`'s number (0 for all), or a usage error naming what was typed. */
function parseLimit(text: string): number {
  if (!/^\d{1,6}$/.test(text.trim())) throw new UsageError(`--limit "${safeLine(text)}" is not a number of items. Use 0 for all, or a number like 50.`);
  return Number(text.trim());
}

export function registerDue(program: Command, ctx: Context): void {
  program
    .command('due')
    .summary('what you owe today, most urgent first')
    .description(
      'Thank-yous, follow-ups, report-backs on leads, promises to keep and nudges, most urgent first.\n' +
        'Resolve an item with net done <id>, or postpone it with net snooze <id> <date>.',
    )
    .option('--all', 'also show snoozed items and people resting after unanswered messages')
    .option('--limit <n>', `show at most this many, most urgent first (0 for all; on a terminal the default is ${SCREEN_ITEMS}, piped and --json all)`)
    .option('--json', 'print JSON')
    .option('--notify', 'print nothing; show one desktop notification of what is owed today (for a morning timer)')
    .addHelpText('after', examples(['net due', 'net due --all', 'net due --limit 0', 'net due --json', 'net due --notify']))
    .action(async (opts: { all?: boolean; json?: boolean; notify?: boolean; limit?: string }) => {
      if (opts.notify && (opts.json || opts.all || opts.limit !== undefined)) {
        throw new UsageError('--notify prints nothing, so it goes without --json, --all and --limit. Run net due --notify on its own.');
      }
      // A terminal shows a screenful; a script and --json get everything unless they ask.
      const limit = opts.limit !== undefined ? parseLimit(opts.limit) : ctx.io.stdoutIsTTY && !opts.json ? SCREEN_ITEMS : 0;
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
      const shown = limit === 0 ? items : items.slice(0, limit);
      if (opts.json) {
        ctx.io.out(printJson(shown.map(dueJson)));
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
      ctx.io.out(dueTable(shown, ctx.io.color, ctx.io.columns, ctx.today));
      const footer = dueFooter(items, shown.length, opts.all ? 'net due --all --limit 0' : 'net due --limit 0', ctx.io.columns);
      if (footer.more) ctx.io.out(ctx.io.color.dim(footer.more));
      if (ctx.io.stdoutIsTTY) ctx.io.out(ctx.io.color.dim(footer.summary));
    });
}
