// net draft: a ready-to-edit message for every kind of due item, from the journal's
// records, with hostile text kept out of headers and links, and the user's own templates.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupJournals, tempJournal, type TempJournal } from './helpers.js';

afterEach(cleanupJournals);

function day(j: TempJournal, d: string, ...args: string[]): string {
  const r = j.netWith({ env: { NET_TODAY: d } }, ...args);
  if (r.code !== 0) throw new Error(`net ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const id = (stdout: string, letter: string) => `${letter}${new RegExp(`\\b${letter}(\\d+)\\b`).exec(stdout)?.[1]}`;

/** Dana: a coffee with a lead and an intro that day, an open need, promises both ways; Maria: a lead reported on. */
function journal(): { j: TempJournal; ids: Record<string, string> } {
  const j = tempJournal();
  day(j, '2026-09-20', 'add', 'Maria Lopez', '--met', 'meetup', '--kind', 'event', '--email', 'maria@example.com');
  day(j, '2026-09-30', 'add', 'Dana Whitfield', '--met', 'coffee at Bennu', '--kind', 'coffee', '--email', 'dana@example.com', '--need', 'an intro at Dell');
  day(j, '2026-09-30', 'log', 'Dana', 'talked about the data team at Acme', '--kind', 'coffee', '--no-thanks');
  const lead = day(j, '2026-09-30', 'lead', 'Dana', 'the data team at Acme', '--person', 'Bob Ortiz');
  day(j, '2026-09-30', 'edit', 'Bob Ortiz', '--email', 'bob@acme.example');
  const mine = day(j, '2026-09-30', 'promise', 'Dana', 'send my notes on the Acme role', '--by', '2026-10-03');
  const theirs = day(j, '2026-09-20', 'promise', 'Maria', 'an intro to her manager', '--theirs', '--by', '2026-09-25');
  const report = day(j, '2026-09-20', 'lead', 'Maria', 'Globex is hiring analysts');
  day(j, '2026-09-25', 'lead', 'followed', id(report, 'l'), '--outcome', 'first interview next Tuesday.');
  const thanks = JSON.parse(j.ok('due', '--json').stdout) as Array<{ id: string; kind: string; contact: { name: string } }>;
  const thankDana = thanks.find((t) => t.kind === 'thanks' && t.contact.name === 'Dana Whitfield')?.id ?? '';
  return { j, ids: { thanks: thankDana, lead: id(lead, 'l'), promise: id(mine, 'p'), nudge: id(theirs, 'p'), report: id(report, 'l') } };
}

describe('net draft', () => {
  it('thanks: the conversation, what they gave that day, an offer to help with their need', () => {
    const { j, ids } = journal();
    expect(j.ok('draft', ids.thanks ?? '', '--to').stdout).toBe(
      [
        'To: "Dana Whitfield" <dana@example.com>',
        'Subject: Thank you for the coffee',
        '',
        'Hi Dana,',
        '',
        'Thank you for your time at our coffee on 30 September. I am still thinking about what we discussed: coffee at Bennu.',
        '',
        'Thank you as well for the introduction to Bob Ortiz; I will follow it up and let you know how it goes.',
        '',
        'You mentioned you are looking for an intro at Dell. If I come across anything that could help, I will send it your way.',
        '',
        'Best,',
        '',
      ].join('\n'),
    );
  });

  it('report-back: the lead, what happened, thanks again', () => {
    const { j, ids } = journal();
    expect(j.ok('draft', ids.report ?? '').stdout).toBe(
      [
        'Subject: How your lead went: Globex is hiring analysts',
        '',
        'Hi Maria,',
        '',
        'You gave me a lead on 20 September: Globex is hiring analysts. Here is how it went: first interview next Tuesday.',
        '',
        'Thank you again for thinking of me; it made a real difference.',
        '',
        'Best,',
        '',
      ].join('\n'),
    );
  });

  it('lead: written to the person it points to, naming who suggested them', () => {
    const { j, ids } = journal();
    const r = j.netWith({ env: { NET_TODAY: '2026-10-03' } }, 'draft', ids.lead ?? '', '--to');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'To: "Bob Ortiz" <bob@acme.example>',
        'Subject: Dana Whitfield suggested I get in touch',
        '',
        'Hi Bob,',
        '',
        'Dana Whitfield suggested I get in touch with you about the data team at Acme. Would you have 20 minutes for a call in the next couple of weeks?',
        '',
        'Best,',
        '',
      ].join('\n'),
    );
  });

  it('follow-up: the last conversation, their open need, a question', () => {
    const { j } = journal();
    const maria = j.json<Array<{ id: number; name: string }>>('list', '--json').find((c) => c.name === 'Maria Lopez');
    j.ok('need', 'Maria', 'a designer for her team');
    expect(j.ok('draft', `c${maria?.id}`).stdout).toBe(
      [
        'Subject: Catching up',
        '',
        'Hi Maria,',
        '',
        'It has been a while since our event on 20 September (meetup), and I wanted to see how you are.',
        '',
        'Are you still looking for a designer for her team? I would be glad to help if I can.',
        '',
        'Best,',
        '',
      ].join('\n'),
    );
  });

  it('nudge and your promise', () => {
    const { j, ids } = journal();
    expect(j.ok('draft', ids.nudge ?? '').stdout).toBe(
      [
        'Subject: Following up: an intro to her manager',
        '',
        'Hi Maria,',
        '',
        'I hope you are well. When we spoke on 20 September, you kindly offered an intro to her manager. Is that still possible? No rush if now is not a good time.',
        '',
        'Best,',
        '',
      ].join('\n'),
    );
    expect(j.ok('draft', ids.promise ?? '').stdout).toBe(
      [
        'Subject: send my notes on the Acme role',
        '',
        'Hi Dana,',
        '',
        'As promised when we spoke on 30 September: send my notes on the Acme role.',
        '',
        '[add it here]',
        '',
        'Best,',
        '',
      ].join('\n'),
    );
  });

  it('--mailto percent-encodes the address, subject and body; -o writes privately; nothing is written to the journal', () => {
    const { j, ids } = journal();
    const before = j.snapshot().hash;
    const url = j.ok('draft', ids.nudge ?? '', '--mailto').stdout.trim();
    expect(url).toMatch(/^mailto:maria@example\.com\?subject=[^&?#\s]*&body=[^&?#\s]*$/);
    const parsed = new URL(url);
    expect(parsed.searchParams.get('subject')).toBe('Following up: an intro to her manager');
    expect(parsed.searchParams.get('body')).toContain('Hi Maria,\r\n\r\nI hope you are well.');
    const file = path.join(j.dir, 'draft.txt');
    const w = j.ok('draft', ids.thanks ?? '', '-o', file);
    expect(w.stdout).toBe(`Wrote the draft for ${ids.thanks} (to Dana Whitfield) to ${file}. When it is sent: net done ${ids.thanks}\n`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toBe(j.ok('draft', ids.thanks ?? '').stdout);
    expect(j.snapshot().hash).toBe(before);
    expect(j.snapshot().files).toEqual(['draft.txt', 'net.db']);
  });

  it('hostile names and emails cannot add a header or a recipient', () => {
    const j = tempJournal();
    const name = 'Eve "x" \\ <evil@x.com>\r\nBcc: all@corp.example\r\n\r\nbody';
    j.ok('add', name, '--met', 'call', '--kind', 'call', '--email', 'eve@example.com');
    const draft = j.ok('draft', 'i1', '--to').stdout;
    const headers = draft.split('\n\n')[0]?.split('\n') ?? [];
    expect(headers).toEqual(['To: "Eve \\"x\\" \\\\ <evil@x.com> Bcc: all@corp.example body" <eve@example.com>', 'Subject: Thank you for the call']);
    const url = new URL(j.ok('draft', 'i1', '--mailto').stdout.trim());
    expect(url.pathname).toBe('eve@example.com');
    expect([...url.searchParams.keys()]).toEqual(['subject', 'body']);

    for (const email of ['eve@example.com\r\nBcc: all@corp.example', 'eve@example.com?bcc=all@corp.example', 'a@b.c, all@corp.example', 'Eve <eve@example.com>']) {
      j.ok('edit', '1', '--email', email);
      for (const flag of ['--to', '--mailto']) {
        const r = j.net('draft', 'i1', flag);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/is not one plain address\. Fix it with: net edit 1 --email <address>/);
      }
    }
    j.ok('edit', '1', '--email', '');
    const none = j.net('draft', 'i1', '--to');
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('has no email address. Add one with: net edit 1 --email <address>')]);
    expect(j.ok('draft', 'i1', '--mailto').stdout).toMatch(/^mailto:\?subject=Thank%20you%20for%20the%20call&body=/);
  });

  it("the user's template overrides the default, with every field filled", () => {
    const { j, ids } = journal();
    const config = path.join(j.dir, 'config');
    fs.mkdirSync(path.join(config, 'net', 'templates'), { recursive: true });
    const fields = ['name', 'first_name', 'email', 'occasion', 'date', 'summary', 'what', 'by', 'gave', 'person', 'source', 'outcome', 'need', 'needs'];
    fs.writeFileSync(path.join(config, 'net', 'templates', 'thanks.txt'), `Subject: Merci {first_name}\n\n${fields.map((f) => `${f}={${f}}`).join('\n')}\nliteral {braces} stay? no: see below\n`);
    const bad = j.netWith({ env: { XDG_CONFIG_HOME: config } }, 'draft', ids.thanks ?? '');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${path.join(config, 'net', 'templates', 'thanks.txt')} uses {braces}, which is not a template field`);

    fs.writeFileSync(path.join(config, 'net', 'templates', 'thanks.txt'), `Subject: Merci {first_name}\n\n${fields.map((f) => `${f}={${f}}`).join('\n')}\n`);
    const r = j.netWith({ env: { XDG_CONFIG_HOME: config } }, 'draft', ids.thanks ?? '', '--to');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'To: "Dana Whitfield" <dana@example.com>',
        'Subject: Merci Dana',
        '',
        'name=Dana Whitfield',
        'first_name=Dana',
        'email=dana@example.com',
        'occasion=coffee',
        'date=30 September',
        'summary=coffee at Bennu',
        'what=',
        'by=',
        'gave=the introduction to Bob Ortiz',
        'person=',
        'source=Dana Whitfield',
        'outcome=',
        'need=an intro at Dell',
        'needs=an intro at Dell',
        '',
      ].join('\n'),
    );
    // Other kinds keep the default; a relative XDG_CONFIG_HOME is ignored.
    expect(j.netWith({ env: { XDG_CONFIG_HOME: config } }, 'draft', ids.nudge ?? '').stdout).toMatch(/^Subject: Following up: an intro to her manager\n/);
    expect(j.netWith({ env: { XDG_CONFIG_HOME: 'config', HOME: j.dir } }, 'draft', ids.thanks ?? '').stdout).toMatch(/^Subject: Thank you for the coffee\n/);
  });

  it('an id with nothing owed is a usage error', () => {
    const { j } = journal();
    for (const [arg, message] of [
      ['p999', 'Nothing is owed for p999 today or in the next 60 days. See the ids with: net due --all'],
      ['x', '"x" is not an item id.'],
    ] as const) {
      const r = j.net('draft', arg);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });

  it('an interview with several people: each thank-you is drafted to that person by its own id, as net calendar says', () => {
    const j = tempJournal({ today: '2026-11-23' });
    for (const name of ['Ana Ruiz', 'Ben Cole', 'Cy Obi']) j.ok('add', name, '--every', 'never');
    j.ok('edit', 'Ben Cole', '--email', 'ben@example.com');
    j.ok('log', 'Ana', 'the platform team', '--kind', 'interview', '--with', 'Ben', '--with', 'Cy');
    expect(j.ok('calendar').stdout).toContain('net draft i1c2');
    const before = j.snapshot().hash;
    const draft = j.ok('draft', 'i1c2', '--to').stdout;
    expect(draft.split('\n').slice(0, 5)).toEqual(['To: "Ben Cole" <ben@example.com>', 'Subject: Thank you for the interview', '', 'Hi Ben,', '']);
    expect(draft).toContain('Thank you for your time at our interview on 23 November. I am still thinking about what we discussed: the platform team.');
    expect(new URL(j.ok('draft', 'I1C3', '--mailto').stdout.trim()).searchParams.get('body')).toContain('Hi Cy,');
    const file = path.join(j.dir, 'ben.txt');
    expect(j.ok('draft', 'i1c2', '-o', file).stdout).toBe(`Wrote the draft for i1c2 (to Ben Cole) to ${file}. When it is sent: net done i1c2\n`);
    for (const [arg, message] of [
      ['i1', 'i1 was an interview with several people, each owed their own thank-you: draft one with net draft i1c1, net draft i1c2, net draft i1c3\n'],
      ['i1c9', 'Nothing is owed for i1c9 today or in the next 60 days. See the ids with: net due --all\n'],
      ['l1c2', '"l1c2" is not an item id.'],
    ] as const) {
      const r = j.net('draft', arg);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
    }
    // Ben thanked: his is closed, the others' still draft.
    j.ok('done', 'i1c2');
    expect(j.net('draft', 'i1c2').code).toBe(2);
    expect(j.ok('draft', 'i1c1').stdout).toContain('Hi Ana,');
    expect(fs.readdirSync(j.dir).sort()).toEqual(['ben.txt', 'net.db']);
    expect(before).not.toBe(j.snapshot().hash);
  });
});
