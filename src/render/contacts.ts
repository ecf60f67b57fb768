import type { Colors } from './colors.js';
import type { ContactSummary } from '../core/types.js';
import { type Column, table } from './table.js';

/** The contact list as aligned columns. */
export function contactTable(contacts: readonly ContactSummary[], color: Colors, width: number | null): string {
  const columns: Array<Column<ContactSummary>> = [
    { header: 'ID', value: (c) => String(c.id), style: (t) => color.dim(t) },
    { header: 'NAME', value: (c) => c.name, style: (t) => color.cyan(t) },
    { header: 'COMPANY', value: (c) => c.company },
    { header: 'ROLE', value: (c) => c.role, flexible: true },
    { header: 'LAST CONTACT', value: (c) => c.lastContact ?? '' },
    { header: 'TAGS', value: (c) => c.tags.join(', ') },
  ];
  return table(contacts, columns, color, width);
}
