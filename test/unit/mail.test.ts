// The mail rules (core/mail.ts) and the header readers of formats/mbox.ts, table-driven.
import { describe, expect, it } from 'vitest';
import { mailConversations, type MailMessage, REPLY_DAYS, topic } from '../../src/core/mail.js';
import { decodeHeader, messageIds, parseAddresses, parseMailDate, readHeaders } from '../../src/formats/mbox.js';

const DAY = 86_400_000;
const at = (iso: string) => Date.parse(`${iso}T10:00:00Z`);
function msg(id: string, day: string, sent: boolean, contacts: string[], refs: string[] = [], subject: string | null = 's'): MailMessage {
  return { messageId: id, refs, time: at(day), day, sent, contacts, subject };
}

describe('parseMailDate', () => {
  it.each<[string, string | null]>([
    ['Mon, 14 Sep 2026 10:00:00 +0000', '2026-09-14T10:00:00.000Z'],
    ['14 Sep 2026 10:00 -0700', '2026-09-14T17:00:00.000Z'],
    ['Tue, 1 Sep 26 23:59:59 GMT', '2026-09-01T23:59:59.000Z'],
    ['Mon, 14 Sep 2026 10:00:00 PDT', '2026-09-14T17:00:00.000Z'],
    ['Sat, 29 Feb 2028 10:00:00 +0000', '2028-02-29T10:00:00.000Z'],
    ['Tue, 31 Feb 2026 09:00:00 +0000', null],
    ['Sun, 29 Feb 2026 09:00:00 +0000', null],
    ['Mon, 14 Foo 2026 10:00:00 +0000', null],
    ['Mon, 14 Sep 2026 25:00:00 +0000', null],
    ['yesterday', null],
    ['', null],
  ])('%j', (text, want) => {
    const t = parseMailDate(text);
    expect(t === null ? null : new Date(t).toISOString()).toBe(want);
  });
});

describe('headers', () => {
  it.each<[string, Array<{ email: string; name: string | null }>]>([
    ['"Whitfield, Dana" <Dana@Acme.com>, bob@globex.example', [{ email: 'dana@acme.com', name: 'Whitfield, Dana' }, { email: 'bob@globex.example', name: null }]],
    ['=?UTF-8?Q?J=C3=B6rg_M=C3=BCller?= <j@m.de>', [{ email: 'j@m.de', name: 'Jörg Müller' }]],
    ['Team: a@x.com, b@x.com;', [{ email: 'a@x.com', name: null }, { email: 'b@x.com', name: null }]],
    ['undisclosed-recipients:;', []],
    ['<<>>, broken', []],
    ['a@x.com <a@x.com>', [{ email: 'a@x.com', name: null }]],
  ])('parseAddresses(%j)', (text, want) => {
    expect(parseAddresses(text)).toEqual(want);
  });

  it.each([
    ['=?ISO-8859-1?Q?Caf=E9?=', 'Café'],
    ['=?UTF-8?B?UmU6IENvZmZlZSBuZXh0IHdlZWs/?=', 'Re: Coffee next week?'],
    ['=?bogus-charset?Q?x?= plain', 'x plain'],
    ['=?UTF-8?B?!!!?=', ''],
    ['plain text', 'plain text'],
  ])('decodeHeader(%j)', (text, want) => {
    expect(decodeHeader(text).trim()).toBe(want);
  });

  it('message ids: only what is inside angle brackets', () => {
    expect(messageIds('<a@b> junk <c@d>\t<e@f>')).toEqual(['a@b', 'c@d', 'e@f']);
    expect(messageIds('no brackets')).toEqual([]);
  });

  it('reads folded headers, repeated To and Cc, raw 8-bit text and hostile subjects as they are', () => {
    const block = Buffer.concat([
      Buffer.from('From: Dana <dana@acme.com>\nTo: a@x.com\nCc: b@x.com,\n c@x.com\nTo: d@x.com\nSubject: Caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n \x1b[31mred\u202e\nDate: Mon, 14 Sep 2026 10:00:00 +0000\nMessage-ID: <m@x>\nReferences: <r1@x>\n <r2@x>\nIn-Reply-To: <r2@x>\n'),
    ]);
    const h = readHeaders(block, 1);
    expect(h.to.map((a) => a.email)).toEqual(['a@x.com', 'b@x.com', 'c@x.com', 'd@x.com']);
    expect(h.subject).toBe('Café \x1b[31mred\u202e');
    expect(h.refs).toEqual(['r2@x', 'r1@x']);
    expect(h.messageId).toBe('m@x');
    expect(h.automated).toBeNull();
  });
});

describe('topic', () => {
  it.each([
    ['Re: Fwd: RE: Coffee?', 'Coffee?'],
    ['AW: Termin', 'Termin'],
    ['Re[2]: Hello', 'Hello'],
    ['Regarding the role', 'Regarding the role'],
    ['Re:', null],
  ])('%j', (subject, want) => expect(topic(subject)).toBe(want));
});

describe('mailConversations', () => {
  const end = at('2026-09-30');

  it('one conversation per thread per day, with the contacts of its messages', () => {
    const { conversations } = mailConversations(
      [msg('a', '2026-09-01', true, ['dana@x']), msg('b', '2026-09-01', false, ['dana@x'], ['a']), msg('c', '2026-09-01', true, ['bob@x'], ['b']), msg('d', '2026-09-02', false, ['dana@x'], ['c'])],
      end,
    );
    expect(conversations.map((c) => [c.on, c.sources, c.people.map((p) => p.email), c.noReply])).toEqual([
      ['2026-09-01', ['mail a', 'mail b', 'mail c'], ['dana@x', 'bob@x'], false],
      ['2026-09-02', ['mail d'], ['dana@x'], false],
    ]);
  });

  it('threads hold together through References even when a message in between is missing', () => {
    const { conversations } = mailConversations([msg('a', '2026-09-01', true, ['dana@x']), msg('c', '2026-09-01', false, ['dana@x'], ['a', 'b'])], end);
    expect(conversations).toHaveLength(1);
  });

  it.each<[string, MailMessage[], number, boolean]>([
    ['no reply, mailbox a week past it', [msg('a', '2026-09-01', true, ['dana@x'])], at('2026-09-01') + REPLY_DAYS * DAY, true],
    ['no reply, mailbox a day short of a week', [msg('a', '2026-09-01', true, ['dana@x'])], at('2026-09-01') + (REPLY_DAYS - 1) * DAY, false],
    ['a reply in the thread', [msg('a', '2026-09-01', true, ['dana@x']), msg('b', '2026-09-03', false, ['dana@x'], ['a'])], end, false],
    ['a reply after the week still answers', [msg('a', '2026-09-01', true, ['dana@x']), msg('b', '2026-09-20', false, ['dana@x'], ['a'])], end, false],
    ['a message from her in another thread is no reply', [msg('a', '2026-09-01', true, ['dana@x']), msg('b', '2026-09-03', false, ['dana@x'])], end, true],
    ['a reply from someone else is none from her', [msg('a', '2026-09-01', true, ['dana@x']), msg('b', '2026-09-03', false, ['bob@x'], ['a'])], end, true],
  ])('%s', (_, messages, mailboxEnd, unanswered) => {
    expect(mailConversations(messages, mailboxEnd).conversations[0]?.noReply).toBe(unanswered);
  });

  it('says which earlier messages the received ones answer', () => {
    expect(mailConversations([msg('b', '2026-09-03', false, ['dana@x'], ['a', 'z'])], end).answered).toEqual(['mail a', 'mail z']);
  });
});
