import type { Command } from 'commander';
import { dueItems, visibleDue } from '../core/due.js';
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
    .addHelpText('after', examples(['net due', 'net due --all', 'net due --json']))
    .action((opts: { all?: boolean; json?: boolean }) => {
      const j = ctx.journal();
      const items = visibleDue(dueItems(j.due.input(ctx.today), ctx.today), opts.all ?? false);
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
