import type { Colors } from './colors.js';
import { type DueItem, lateness } from '../core/due.js';
import type { IsoDate } from '../core/types.js';
import { type Column, table } from './table.js';
import { thousands } from './text.js';

export function dueJson(d: DueItem) {
  return {
    id: d.id,
    kind: d.kind,
    contact: d.contact ? { id: d.contact.id, name: d.contact.name } : null,
    title: d.title,
    since: d.since,
    due: d.due,
    days_overdue: d.daysOverdue,
    state: d.state,
    reason: d.reason,
    until: d.until,
  };
}

/**
 * On a terminal, WHEN keeps at least this many columns when space is short: how late an
 * item is ("123 days overdue") and why `--all` holds one back ("snoozed until 2026-05-01")
 * stay whole; only the longest reasons are cut.
 */
const WHEN_MIN = 24;

/** On a terminal, a contact's name keeps at least a sixth of the width (and 8 columns) when space is short. */
export function nameWidth(width: number): number {
  return Math.max(8, Math.floor(width / 6));
}

/**
 * One line per item, coloured by urgency: red overdue, yellow today, dim when held back.
 * Piped, every column comes whole, the kind and the full title included, for scripts. On a
 * terminal of `width` columns the line is for reading: what is owed gets the space first,
 * said once (`brief`: no kind column, no date in WHEN), and names shorten with an ellipsis.
 */
export function dueTable(items: readonly DueItem[], c: Colors, width: number | null, today: IsoDate): string {
  const urgency = (d: DueItem, t: string) =>
    d.state !== 'due' ? c.dim(t) : d.daysOverdue > 0 ? c.red(t) : c.yellow(t);
  const id: Column<DueItem> = { header: 'ID', value: (d) => d.id, style: (t) => c.dim(t) };
  const columns: Array<Column<DueItem>> =
    width === null
      ? [
          id,
          { header: 'KIND', value: (d) => d.kind },
          { header: 'CONTACT', value: (d) => d.contact?.name ?? '', style: (t) => c.cyan(t) },
          { header: 'OWED', value: (d) => d.title },
          { header: 'WHEN', value: (d) => lateness(d, today), style: (t, d) => urgency(d, t) },
        ]
      : [
          id,
          { header: 'CONTACT', value: (d) => d.contact?.name ?? '', style: (t) => c.cyan(t), shrinkTo: nameWidth(width) },
          { header: 'OWED', value: (d) => d.brief, flexible: true },
          { header: 'WHEN', value: (d) => lateness(d, today, false), style: (t, d) => urgency(d, t), shrinkTo: WHEN_MIN },
        ];
  return table(items, columns, c, width);
}

/**
 * The lines under the table: how many items were left out and the command that shows them
 * (`… and 5,164 more: net due --limit 0`, null when none were), and on a terminal a summary
 * with how to resolve one, on two lines when `width` is too narrow for one.
 */
export function dueFooter(items: readonly DueItem[], shown: number, showAll: string, width: number | null): { more: string | null; summary: string } {
  const more = items.length > shown ? `… and ${thousands(items.length - shown)} more: ${showAll}` : null;
  const overdue = items.filter((i) => i.state === 'due' && i.daysOverdue > 0).length;
  const counts = `${thousands(items.length)} item${items.length === 1 ? '' : 's'}${overdue ? `, ${thousands(overdue)} overdue` : ''}.`;
  const tip = 'Resolve: net done <id>. Postpone: net snooze <id> <date>.';
  return { more, summary: width !== null && counts.length + 1 + tip.length > width ? `${counts}\n${tip}` : `${counts} ${tip}` };
}
