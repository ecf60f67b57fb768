import type { Colors } from './colors.js';
import { type DueItem, lateness } from '../core/due.js';
import type { IsoDate } from '../core/types.js';
import { table } from './table.js';

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
  };
}

/** One line per item, coloured by urgency: red overdue, yellow today, dim when held back. */
export function dueTable(items: readonly DueItem[], c: Colors, width: number | null, today: IsoDate): string {
  const urgency = (d: DueItem, t: string) =>
    d.state !== 'due' ? c.dim(t) : d.daysOverdue > 0 ? c.red(t) : c.yellow(t);
  return table(
    items,
    [
      { header: 'ID', value: (d) => d.id, style: (t) => c.dim(t) },
      { header: 'KIND', value: (d) => d.kind },
      { header: 'CONTACT', value: (d) => d.contact?.name ?? '', style: (t) => c.cyan(t) },
      { header: 'OWED', value: (d) => d.title, flexible: true },
      { header: 'WHEN', value: (d) => lateness(d, today), style: (t, d) => urgency(d, t) },
    ],
    c,
    width,
  );
}
