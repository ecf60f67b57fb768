import { describe, expect, it } from 'vitest';
import { DRAFT_FIELDS, type DraftValues, draftText, fillTemplate, longDate, mailtoUrl } from '../../src/render/drafts.js';

const values = Object.fromEntries(DRAFT_FIELDS.map((f) => [f, `<${f}>`])) as DraftValues;

describe('drafts', () => {
  it.each([
    ['2026-09-30', '2026-10-01', '30 September'],
    ['2026-01-01', '2026-12-31', '1 January'],
    ['2025-12-31', '2026-01-01', '31 December 2025'],
    ['2027-02-28', '2026-10-01', '28 February 2027'],
  ])('longDate(%s) on %s is %s', (iso, today, text) => {
    expect(longDate(iso, today)).toBe(text);
  });

  it.each([
    ['no subject line: the default subject, the whole text as body', 'Hi {first_name}', { subject: 'Default', body: 'Hi <first_name>\n' }],
    ['a subject line, CRLF endings, blank lines before the body dropped', 'subject: Re {what}\r\n\r\n\r\nBody {need}.\r\n', { subject: 'Re <what>', body: 'Body <need>.\n' }],
    ['text that only looks like a field is kept', 'Price {not a field} {A} {}', { subject: 'Default', body: 'Price {not a field} {A} {}\n' }],
  ])('fillTemplate: %s', (_what, text, draft) => {
    expect(fillTemplate(text, values, 'Default', 't.txt')).toEqual(draft);
  });

  it('fillTemplate refuses an unknown field, naming the file and the fields', () => {
    expect(() => fillTemplate('Hi {frist_name}', values, 'Default', '/cfg/thanks.txt')).toThrow(/^\/cfg\/thanks\.txt uses \{frist_name\}, which is not a template field\. Use one of: \{name\} \{first_name\}/);
  });

  it('a subject with a line break in a field stays one header line', () => {
    const d = fillTemplate('Subject: {what}\nbody', { ...values, what: 'a\r\nBcc: x@y' }, 'D', 't');
    expect(draftText(d, null).split('\n')[0]).toBe('Subject: a Bcc: x@y');
  });

  it('an imported address with a line break stays in the one To: header', () => {
    const d = fillTemplate('Subject: s\nbody', values, 'D', 't');
    const lines = draftText(d, { name: 'Dana', email: 'dana@x.org\r\nBcc: spy@y.org' }).split('\n');
    expect(lines[0]).toBe('To: "Dana" <dana@x.org Bcc: spy@y.org>');
    expect(lines[1]).toBe('Subject: s');
  });

  it('mailto: every reserved character of the subject and body is percent-encoded, line breaks as CRLF', () => {
    const url = mailtoUrl({ subject: 'a&b=c?d#e', body: 'one\ntwo & more=%\n' }, 'x+y@example.com');
    expect(url).toBe('mailto:x%2By@example.com?subject=a%26b%3Dc%3Fd%23e&body=one%0D%0Atwo%20%26%20more%3D%25%0D%0A');
    expect(mailtoUrl({ subject: 's', body: 'b' }, null)).toBe('mailto:?subject=s&body=b');
  });
});
