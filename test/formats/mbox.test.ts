// Splitting a mailbox into messages and reading their headers, from files the tests write.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AUTOMATED, HEADER_LIMIT, type MailHeaders, readMbox } from '../../src/formats/mbox.js';
import { mbox, threadsMailbox } from './mailboxes.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'net-mbox-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function read(content: string | Buffer): Promise<MailHeaders[]> {
  const file = path.join(dir, `m${Math.random().toString(36).slice(2)}.mbox`);
  fs.writeFileSync(file, content);
  const out: MailHeaders[] = [];
  for await (const m of readMbox(file)) out.push(m);
  return out;
}

describe('readMbox', () => {
  it('splits at envelope lines only: "From " inside a body, escaped or not, is body', async () => {
    const messages = await read(mbox(threadsMailbox()));
    expect(messages).toHaveLength(14);
    expect(messages[0]).toMatchObject({ messageId: 'm1@example.com', subject: 'Coffee next week?', line: 1 });
    expect(messages[1]).toMatchObject({ messageId: 'd1@acme.com', subject: 'Re: Coffee next week?', refs: ['m1@example.com'], from: { email: 'dana@acme.com', name: 'Dana Whitfield' } });
    expect(messages.map((m) => m.automated).filter(Boolean)).toEqual([AUTOMATED.list, AUTOMATED.list, AUTOMATED.bulk, AUTOMATED.bulk, AUTOMATED.noreply]);
  });

  it('reads CRLF files, Thunderbird envelopes and a last message without a final newline', async () => {
    const text = mbox(threadsMailbox().slice(0, 2).map((m) => ({ ...m, envelope: 'From - Mon Sep 14 10:00:00 2026' })), '\r\n').replace(/\r\n$/, '');
    const messages = await read(text);
    expect(messages.map((m) => m.messageId)).toEqual(['m1@example.com', 'd1@acme.com']);
    expect(messages[1]?.time).toBe(Date.parse('2026-09-15T09:00:00Z'));
  });

  it('keeps at most HEADER_LIMIT bytes of headers and skips any body, however long its lines', async () => {
    const huge = 'x'.repeat(HEADER_LIMIT * 2);
    const text = mbox([
      { headers: ['From: a@x.com', `X-Junk: ${huge}`, 'Subject: after the junk'], body: [huge, huge] },
      { headers: ['From: b@x.com', 'Subject: second'] },
    ]);
    const messages = await read(text);
    expect(messages.map((m) => [m.from?.email, m.subject])).toEqual([
      ['a@x.com', null],
      ['b@x.com', 'second'],
    ]);
  });

  it('a file that does not start like a mailbox is refused', async () => {
    await expect(read('Subject: hi\n\nbody\n')).rejects.toThrow(/is not a mailbox: an mbox starts with a "From " line/);
  });

  it('an empty file holds no messages', async () => {
    expect(await read('')).toEqual([]);
  });
});
