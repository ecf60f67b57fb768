// Rows of Google Contacts' and Outlook's CSV exports (csvfile.ts reads the file). Both have
// many numbered or named email and phone columns: the first one filled is kept, with the
// phone's kind (mobile, work, fax) from its label or its column.
import { phoneType } from '../core/phones.js';
import type { Columns, RowReader } from './csvfile.js';
import type { ImportContact } from './types.js';

type Cell = (column: string) => string | null;

/** A person's name from its parts, or what else names them (company, email), or null. */
function nameOf(parts: Array<string | null>, fallbacks: Array<string | null>): string | null {
  const full = parts.filter(Boolean).join(' ').trim();
  if (full) return full;
  return fallbacks.find((f) => f !== null && f.trim() !== '') ?? null;
}

/** Google joins several values of one cell with ` ::: `; the first is the one to keep. */
const firstOf = (v: string | null) => (v === null ? null : (v.split(' ::: ')[0]?.trim() ?? null) || null);

/** Columns numbered from 1 (`E-mail 1 - Value`, `Phone 2 - Value`) that the file has. */
function numbered(cols: Columns, pattern: (n: number) => string): number[] {
  const out: number[] = [];
  for (let n = 1; cols.has(pattern(n)); n++) out.push(n);
  return out;
}

export const googleRow = (cols: Columns): RowReader => {
  const emails = numbered(cols, (n) => `e-mail ${n} - value`);
  const phones = numbered(cols, (n) => `phone ${n} - value`);
  const sites = numbered(cols, (n) => `website ${n} - value`);
  // Before 2023 Google wrote `Given Name`, `Family Name`, `Organization 1 - Name` and
  // `Group Membership`; since then `First Name`, `Last Name`, `Organization Name`, `Labels`.
  const pick = (cell: Cell, ...names: string[]) => names.map(cell).find((v) => v !== null) ?? null;
  return (cell, where) => {
    const given = pick(cell, 'first name', 'given name');
    const middle = pick(cell, 'middle name', 'additional name');
    const family = pick(cell, 'last name', 'family name');
    const email = emails.map((n) => firstOf(cell(`e-mail ${n} - value`))).find(Boolean) ?? null;
    const phoneAt = phones.find((n) => firstOf(cell(`phone ${n} - value`)));
    const company = pick(cell, 'organization name', 'organization 1 - name');
    const name = nameOf(
      [pick(cell, 'name prefix'), given, middle, family, pick(cell, 'name suffix')],
      [pick(cell, 'name'), pick(cell, 'nickname'), pick(cell, 'file as'), company, email],
    );
    if (!name) return { skip: 'rows without a name, company or email' };
    const labels = pick(cell, 'labels', 'group membership');
    const contact: ImportContact = {
      where: `${where}, ${name}`,
      name,
      givenName: given,
      familyName: family,
      email,
      phone: phoneAt === undefined ? null : firstOf(cell(`phone ${phoneAt} - value`)),
      phoneType: phoneAt === undefined ? null : phoneType([pick(cell, `phone ${phoneAt} - label`, `phone ${phoneAt} - type`) ?? '']),
      company,
      role: pick(cell, 'organization title', 'organization 1 - title'),
      url: sites.map((n) => firstOf(cell(`website ${n} - value`))).find(Boolean) ?? null,
      notes: cell('notes'),
      // `* myContacts` and `* starred` are Google's own groups, not the person's labels.
      tags: labels === null ? [] : labels.split(':::').map((t) => t.trim()).filter((t) => t !== '' && !t.startsWith('* ')),
    };
    return contact;
  };
};

/** Outlook's phone columns in the order a person is most likely reached, with their kind. */
const OUTLOOK_PHONES: ReadonlyArray<[string, string]> = [
  ['mobile phone', 'cell'],
  ['business phone', 'work'],
  ['home phone', 'home'],
  ['primary phone', 'voice'],
  ['company main phone', 'work'],
  ['business phone 2', 'work'],
  ['home phone 2', 'home'],
  ['other phone', 'voice'],
  ['car phone', 'car'],
  ['pager', 'pager'],
  ['business fax', 'work fax'],
  ['home fax', 'home fax'],
  ['other fax', 'fax'],
];

export const outlookRow = (cols: Columns): RowReader => {
  const emails = ['e-mail address', 'e-mail 2 address', 'e-mail 3 address'].filter((c) => cols.has(c));
  const phones = OUTLOOK_PHONES.filter(([c]) => cols.has(c));
  return (cell, where) => {
    const given = cell('first name');
    const family = cell('last name');
    const email = emails.map(cell).find(Boolean) ?? null;
    const company = cell('company');
    // Outlook's `Title` is Mr. or Dr.; the job is `Job Title`.
    const name = nameOf([cell('title'), given, cell('middle name'), family, cell('suffix')], [cell('nickname'), company, email]);
    if (!name) return { skip: 'rows without a name, company or email' };
    const phone = phones.find(([c]) => cell(c));
    return {
      where: `${where}, ${name}`,
      name,
      givenName: given,
      familyName: family,
      email,
      phone: phone ? cell(phone[0]) : null,
      phoneType: phone ? phoneType([phone[1]]) : null,
      company,
      role: cell('job title'),
      url: cell('web page'),
      notes: cell('notes'),
      tags: (cell('categories') ?? '').split(';').map((t) => t.trim()).filter((t) => t !== ''),
    };
  };
};
