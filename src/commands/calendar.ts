import type { Command } from 'commander';
import { addDays } from '../core/dates.js';
import { dueAhead } from '../core/due.js';
import { UsageError } from '../core/errors.js';
import type { Context } from '../cli/context.js';
import { assertStdoutOpen, writeFileAtomic } from '../cli/files.js';
import { examples } from '../cli/help.js';
import { plural, safeLine } from '../render/text.js';

/** A year ahead is the most a reminder feed is useful for, and keeps the work bounded. */
const MAX_DAYS = 366;

function parseDays(text: string): number {
  if (!/^\d{1,4}$/.test(text.trim()) || Number(text) > MAX_DAYS) {
    throw new UsageError(`--days "${text}" is not a number of days from 0 to ${MAX_DAYS}. Try --days 60.`);
  }
  return Number(text);
}

export function registerCalendar(program: Command, ctx: Context): void {
  program
    .command('calendar')
    .summary('what you owe, today and in the coming days, as an iCalendar (.ics) feed')
    .description(
      'One all-day event per item net due shows today and per item that falls due in the next --days days,\n' +
        'as an iCalendar (RFC 5545) file. Each event keeps its UID across exports: rewrite the file from a timer\n' +
        'into a folder your calendar subscribes to, and resolved items disappear from the calendar.',
    )
    .option('-o, --output <file>', 'write to a file (private, mode 0600, replaced whole) instead of stdout')
    .option('--days <n>', `how many days ahead (0 to ${MAX_DAYS})`, '60')
    .addHelpText('after', examples(['net calendar -o net.ics', 'net calendar --days 14 > net.ics']))
    .action(async (o: { output?: string; days: string }) => {
      const days = parseDays(o.days);
      if (o.output === undefined || o.output === '-') assertStdoutOpen(ctx.io, 'the calendar');
      const j = ctx.journal();
      const { itemRecord } = await import('../store/items.js');
      const entries = j.read(() =>
        dueAhead(j.due.input(addDays(ctx.today, days)), ctx.today, days).map((e) => {
          const record = itemRecord(j, e.item.id);
          if (!record) throw new Error(`due item ${e.item.id} has no record`);
          return { ...e, record };
        }),
      );
      const { calendarEvents } = await import('../render/calendar.js');
      const { toIcs } = await import('../formats/ics.js');
      const text = toIcs(calendarEvents(entries, ctx.today), { name: 'net: what you owe', stamp: `${ctx.today.replaceAll('-', '')}T000000Z` });
      if (o.output === undefined || o.output === '-') {
        // The last CRLF is completed by the newline out() adds.
        ctx.io.out(text.replace(/\n$/, ''));
        return;
      }
      writeFileAtomic(o.output, text, j.file);
      const today = entries.filter((e) => e.on === ctx.today).length;
      ctx.io.out(
        `Wrote ${plural(entries.length, 'event')} to ${safeLine(o.output)}: ${today} owed today, ${entries.length - today} falling due in the next ${plural(days, 'day')}.`,
      );
    });
}
