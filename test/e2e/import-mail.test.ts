// End to end: `net import mail.mbox` through the built binary, on mailboxes written by the
// tests (test/formats/mailboxes.ts), NET_TODAY 2026-10-01, the computer's zone UTC.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { laterReply, mbox, threadsMailbox } from '../formats/mailboxes.js';
import { BIN, baseEnv, cleanupJournals, onTerminal, ROOT, STACK_LINE, type ShowJson, type TempJournal, tempJournal, UNSAFE_CHARS } from './helpers.js';

afterAll(cleanupJournals);

interface ImportJson {
  added: number;
  updated: number;
  unchanged: number;
  me: string[];
  messages_read: number;
  messages_matched: number;
  logged: Array<{ contact: { id: number; name: string }; conversations: number; planned: number; no_reply: number }>;
  skipped: Array<{ reason: string; count: number }>;
}

const UTC = { env: { TZ: 'UTC' } };

function journal(): TempJournal {
  const j = tempJournal({ today: '2026-10-01' });
  j.ok('add', 'Dana Whitfield', '--email', 'dana@acme.com', '--on', '2026-06-01');
  j.ok('add', 'Bob Ortiz', '--email', 'Bob@Globex.example', '--on', '2026-06-01');
  return j;
}

function write(j: TempJournal, name: string, text: string): string {
  const file = path.join(j.dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const run = (j: TempJournal, ...args: string[]) => j.netWith(UTC, ...args);
const json = (j: TempJournal, ...args: string[]) => {
  const r = run(j, ...args, '--json');
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as ImportJson;
};
const timeline = (j: TempJournal, who: string) =>
  j.json<ShowJson>('show', who, '--json').interactions.map((i) => [i.on, i.kind, i.summary, i.no_reply]);

describe('net import mail.mbox', () => {
  const j = journal();
  const file = write(j, 'mail.mbox', mbox(threadsMailbox()));

  it('needs your address the first time, and says how to give it', () => {
    const before = j.snapshot();
    const r = run(j, 'import', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--me you@example.com/);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(j.snapshot()).toEqual(before);
  });

  it('--dry-run writes nothing', () => {
    const before = j.snapshot();
    const r = run(j, 'import', file, '--me', 'me@example.com', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Would log from .*mail\.mbox \(mailbox\): 4 conversations to add/);
    expect(j.snapshot()).toEqual(before);
  });

  it('one conversation per thread per day with each contact; lists, bulk and automatic mail skipped and counted', () => {
    const r = json(j, 'import', file, '--me', 'me@example.com');
    expect(r).toMatchObject({ added: 4, updated: 0, unchanged: 0, me: ['me@example.com'], messages_read: 14, messages_matched: 5 });
    expect(Object.fromEntries(r.skipped.map((s) => [s.reason, s.count]))).toEqual({
      'mailing-list messages': 2,
      'bulk or automatic messages': 2,
      'messages from no-reply addresses': 1,
      'messages with nobody who is a contact': 2,
      'messages without a readable date': 1,
      'messages before --since': 1,
    });
    expect(timeline(j, 'Dana')).toEqual([
      ['2026-09-14', 'email', 'Coffee next week?', false],
      ['2026-09-15', 'email', 'Coffee next week?', false],
    ]);
    // Unanswered a week on: logged --no-reply; the one sent two days before the mailbox ends is not yet.
    expect(timeline(j, 'Bob')).toEqual([
      ['2026-09-07', 'email', 'Following up', true],
      ['2026-09-18', 'email', 'One more thing', false],
    ]);
  });

  it('your address is remembered, and importing the same mailbox again adds nothing', () => {
    const r = json(j, 'import', file);
    expect(r).toMatchObject({ added: 0, updated: 0, unchanged: 4, me: ['me@example.com'], logged: [] });
    expect(timeline(j, 'Dana')).toHaveLength(2);
  });

  it('a later reply, in a newer mailbox that holds only it, clears the no-reply', () => {
    const r = json(j, 'import', write(j, 'newer.mbox', mbox(laterReply())));
    expect(r).toMatchObject({ added: 1, updated: 1 });
    expect(timeline(j, 'Bob')).toEqual([
      ['2026-09-07', 'email', 'Following up', false],
      ['2026-09-17', 'email', 'Following up', false],
      ['2026-09-18', 'email', 'One more thing', false],
    ]);
  });

  it('one import is one command: undo takes it back whole', () => {
    const k = journal();
    const f = write(k, 'mail.mbox', mbox(threadsMailbox()));
    expect(run(k, 'import', f, '--me', 'me@example.com').code).toBe(0);
    expect(k.ok('undo').stdout).toMatch(/Undid "net import/);
    expect(timeline(k, 'Dana')).toEqual([]);
    expect(timeline(k, 'Bob')).toEqual([]);
  });

  it('the respect rule sees the unanswered mail: two in a row and Bob rests', () => {
    const k = journal();
    const f = write(
      k,
      'mail.mbox',
      mbox([
        { headers: ['From: me@example.com', 'To: bob@globex.example', 'Subject: One', 'Date: Mon, 03 Aug 2026 10:00:00 +0000', 'Message-ID: <r1@x>'] },
        { headers: ['From: me@example.com', 'To: bob@globex.example', 'Subject: Two', 'Date: Mon, 17 Aug 2026 10:00:00 +0000', 'Message-ID: <r2@x>'] },
        { headers: ['From: Sam <sam@strangers.example>', 'To: me@example.com', 'Subject: Later', 'Date: Mon, 14 Sep 2026 10:00:00 +0000', 'Message-ID: <r3@x>'] },
      ]),
    );
    expect(run(k, 'import', f, '--me', 'me@example.com').code).toBe(0);
    k.ok('edit', 'Bob', '--every', '30d');
    const due = k.json<Array<{ id: string; state: string; contact: { name: string } }>>('due', '--all', '--json').filter((d) => d.contact?.name === 'Bob Ortiz');
    expect(due.map((d) => d.state)).toEqual(['resting']);
  });

  it('a mailbox of one message says "1 message read"', () => {
    const one = journal();
    const r = run(one, 'import', write(one, 'one.mbox', mbox(threadsMailbox().slice(0, 1))), '--me', 'me@example.com', '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('\n  1 message read, 1 with a contact\n');
  });

  it('hostile subjects and names reach the terminal harmless', () => {
    const k = journal();
    const f = write(
      k,
      'mail.mbox',
      mbox([{ headers: ['From: "Dana \x1b[2J" <dana@acme.com>', 'To: me@example.com', `Subject: =?UTF-8?Q?Hi_=E2=80=AE_=1B[31mred?= ${'x'.repeat(5000)}`, 'Date: Mon, 14 Sep 2026 10:00:00 +0000', 'Message-ID: <h1@x>'] }]),
    );
    const r = run(k, 'import', f, '--me', 'me@example.com');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(UNSAFE_CHARS);
    const summary = k.json<ShowJson>('show', 'Dana', '--json').interactions[0]?.summary ?? '';
    expect(summary.startsWith('Hi \u202e \x1b[31mred')).toBe(true);
    expect(summary.length).toBeLessThanOrEqual(1000);
    expect(k.ok('show', 'Dana').stdout).not.toMatch(UNSAFE_CHARS);
  });

  it.each([
    ['--add-unknown', ['--me', 'me@example.com', '--add-unknown'], /--add-unknown is for calendars/],
    ['a file that is not a mailbox', ['--me', 'me@example.com', '--format', 'mbox'], /is not a mailbox/],
  ])('%s: exit 2, nothing written', (_, args, message) => {
    const k = journal();
    const f = write(k, 'x.mbox', args.includes('--format') ? 'Subject: hi\n\nbody\n' : mbox(threadsMailbox()));
    const before = k.snapshot();
    const r = run(k, 'import', f, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(k.snapshot()).toEqual(before);
  });
});

describe('net import mail.mbox: progress', () => {
  it('on a terminal, stderr says how far it got; in a script, nothing', () => {
    const k = journal();
    const file = write(
      k,
      'mail.mbox',
      mbox(Array.from({ length: 3000 }, (_, i) => ({ headers: ['From: me@example.com', 'To: dana@acme.com', `Subject: m${i}`, 'Date: Mon, 14 Sep 2026 10:00:00 +0000', `Message-ID: <p${i}@x>`] }))),
    );
    const t = onTerminal(k.db, ['import', file, '--me', 'me@example.com', '--dry-run'], { today: '2026-10-01', env: { TZ: 'UTC' } });
    expect(t.code).toBe(0);
    expect(t.terminal).toMatch(/Reading .*mail\.mbox: 1 message read, 0 with a contact/);
    expect(t.terminal).toMatch(/3,000 messages read, 3,000 with a contact/);
    const r = run(k, 'import', file, '--me', 'me@example.com', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('net import mail.mbox: Ctrl-C', () => {
  it('an interrupted import writes nothing', async () => {
    const k = journal();
    // Large enough to take seconds to read on a quiet machine (reading costs by the message,
    // not by the byte): 150,000 short messages with Dana (25 MB). 20,000 longer ones were
    // read whole before the signal came.
    const file = path.join(k.dir, 'big.mbox');
    const fd = fs.openSync(file, 'w');
    const body = 'Lorem ipsum dolor sit amet.\n';
    for (let part = 0; part < 150; part++) {
      const chunk: string[] = [];
      for (let i = part * 1000; i < (part + 1) * 1000; i++) {
        chunk.push(`From x Mon Sep 14 10:00:00 2026\nFrom: me@example.com\nTo: dana@acme.com\nSubject: m${i}\nDate: Mon, 14 Sep 2026 10:00:00 +0000\nMessage-ID: <${i}@x>\n\n${body}\n`);
      }
      fs.writeSync(fd, chunk.join(''));
    }
    fs.closeSync(fd);
    const before = k.snapshot();
    const child = spawn(process.execPath, [BIN, 'import', file, '--me', 'me@example.com'], { cwd: ROOT, env: baseEnv(k.db, '2026-10-01', { TZ: 'UTC' }), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
    // Had it finished first, the test would prove nothing.
    expect(out).not.toMatch(/Logged/);
    expect(code).toBe(130);
    expect(k.snapshot()).toEqual(before);
    expect(timeline(k, 'Dana')).toEqual([]);
  }, 60_000);
});
