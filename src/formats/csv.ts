// Contacts as CSV for spreadsheets, with OWASP's advice against CSV injection: every field
// quoted, and a cell that a spreadsheet could read as a formula prefixed with `'`.
import type { Contact } from '../core/types.js';

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r\n]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

const HEADER = ['id', 'uuid', 'name', 'company', 'role', 'email', 'phone', 'url', 'tags', 'met_where', 'met_on', 'introduced_by', 'cadence_days', 'last_contact', 'notes'];

export function toCsv(contacts: readonly Contact[]): string {
  const rows = contacts.map((c) =>
    [c.id, c.uuid, c.name, c.company, c.role, c.email, c.phone, c.url, c.tags.join(', '), c.metWhere, c.metOn, c.introducedBy?.name ?? null, c.cadenceDays, c.lastContact, c.notes].map(csvCell).join(','),
  );
  return `${[HEADER.map(csvCell).join(','), ...rows].join('\r\n')}\r\n`;
}
