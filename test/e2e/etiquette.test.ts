// Issue 12's reproductions, each run against the real binary with NET_TODAY=2026-04-14
// on a fresh journal, then the days after.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupJournals, type DueJson, type ShowJson, tempJournal, type TempJournal } from './helpers.js';

afterEach(cleanupJournals);

const TODAY = '2026-04-14';

function fresh(): TempJournal {
  return tempJournal({ today: TODAY });
}

function on(j: TempJournal, day: string, ...args: string[]) {
  const r = j.netWith({ env: { NET_TODAY: day } }, ...args);
  if (r.code !== 0) throw new Error(`net ${args.join(' ')} on ${day} exited ${r.code}: ${r.stderr}`);
  return r;
}

function due(j: TempJournal, day = TODAY, ...flags: string[]): DueJson[] {
  return JSON.parse(on(j, day, 'due', '--json', ...flags).stdout) as DueJson[];
}

describe('1. own promise overdue the day it is made', () => {
  it('net promise Kim "send the deck" --by today is due today, not overdue', () => {
    const j = fresh();
    j.ok('add', 'Kim', '--every', 'never');
    j.ok('promise', 'Kim', 'send the deck', '--by', 'today');
    expect(due(j)).toMatchObject([{ kind: 'promise', due: TODAY, days_overdue: 0 }]);
    expect(j.ok('due').stdout).toMatch(/due today/);
    expect(j.ok('due').stdout).not.toMatch(/overdue/);
    expect(due(j, '2026-04-15')).toMatchObject([{ kind: 'promise', due: TODAY, days_overdue: 1 }]);
  });
});

describe('2. backdated records', () => {
  it('net add "Old Friend" --met college --on 2015-09-01 owes no thank-you and is followed up a week after being added', () => {
    const j = fresh();
    j.ok('add', 'Old Friend', '--met', 'college', '--on', '2015-09-01');
    expect(due(j)).toEqual([]);
    expect(due(j, '2026-04-20')).toEqual([]);
    expect(due(j, '2026-04-21')).toMatchObject([{ kind: 'followup', due: '2026-04-21', days_overdue: 0 }]);
    const show = j.json<ShowJson>('show', 'Old Friend', '--json');
    expect(show.interactions).toMatchObject([{ on: '2015-09-01', thanks_owed: false }]);
  });

  it('net add --on a day two weeks or more ago --thanks owes the thank-you all the same, due the day it was added', () => {
    const j = fresh();
    j.ok('add', 'Old Friend', '--met', 'college', '--on', '2015-09-01', '--thanks');
    expect(due(j)).toMatchObject([{ kind: 'thanks', since: '2015-09-01', due: TODAY, days_overdue: 0 }]);
    // --thanks alone is a meeting to thank them for.
    j.ok('add', 'Ann Lee', '--on', '2026-03-01', '--thanks');
    expect(j.json<ShowJson>('show', 'Ann Lee', '--json').interactions).toMatchObject([{ on: '2026-03-01', thanks_owed: true }]);
  });

  it('a promise and a lead recorded with a past date fall due from the day they were recorded', () => {
    const j = fresh();
    j.ok('add', 'Kim', '--every', 'never');
    j.ok('promise', 'Kim', 'send the deck', '--on', '2026-01-05');
    j.ok('lead', 'Kim', 'Acme is hiring', '--on', '2026-01-05');
    expect(due(j).map((d) => [d.kind, d.due, d.days_overdue])).toEqual([
      ['promise', TODAY, 0],
      ['lead', TODAY, 0],
    ]);
  });

  it('a conversation logged 14 days or more after it happened owes no thank-you unless --thanks', () => {
    const j = fresh();
    j.ok('add', 'Kim', '--every', 'never');
    j.ok('log', 'Kim', 'coffee in March', '--kind', 'coffee', '--on', '2026-03-31');
    expect(due(j)).toEqual([]);
    j.ok('log', 'Kim', 'call two weeks ago less a day', '--kind', 'call', '--on', '2026-04-01');
    // Owed, but not overdue since before it was recorded.
    expect(due(j)).toMatchObject([{ kind: 'thanks', since: '2026-04-01', due: TODAY, days_overdue: 0 }]);
    j.ok('log', 'Kim', 'lunch long ago', '--kind', 'coffee', '--on', '2026-02-01', '--thanks');
    expect(due(j).filter((d) => d.kind === 'thanks')).toHaveLength(2);
    // Recorded today: the thank-you is due today, not 72 days ago.
    expect(due(j).find((d) => d.since === '2026-02-01')).toMatchObject({ due: TODAY, days_overdue: 0 });
    expect(due(j, '2026-04-16').find((d) => d.since === '2026-02-01')).toMatchObject({ due: TODAY, days_overdue: 2 });
  });
});

describe('3. introductions', () => {
  it('net add "Xena Y" --via Kim --kind intro owes Kim the thank-you, not Xena', () => {
    const j = fresh();
    j.ok('add', 'Kim', '--every', 'never');
    const out = j.ok('add', 'Xena Y', '--via', 'Kim', '--kind', 'intro').stdout;
    expect(out).toMatch(/Kim is owed a thank-you for the introduction/);
    const items = due(j);
    expect(items).toMatchObject([{ kind: 'thanks', contact: { name: 'Kim' }, title: 'Thank Kim for introducing you to Xena Y', due: TODAY, days_overdue: 0 }]);
    expect(out).toMatch(/Next: send a thank-you, then net thank 1$/m);
    j.ok('thank', 'Kim');
    expect(due(j)).toEqual([]);
  });

  it('net lead --person of someone new owes the giver a thank-you for the introduction', () => {
    const j = fresh();
    j.ok('add', 'Kim', '--every', 'never');
    j.ok('lead', 'Kim', 'Bob runs data at Acme', '--person', 'Bob Ortiz');
    expect(due(j)).toMatchObject([{ kind: 'thanks', contact: { name: 'Kim' }, title: 'Thank Kim for introducing you to Bob Ortiz' }]);
    // A lead whose person was already known introduces nobody.
    j.ok('lead', 'Kim', 'ask Bob about the team', '--person', 'Bob Ortiz');
    expect(due(j).filter((d) => d.kind === 'thanks')).toHaveLength(1);
  });

  it('net add with only --note logs no meeting', () => {
    const j = fresh();
    j.ok('add', 'Noted Person', '--note', 'met at a party, likes chess');
    const show = j.json<ShowJson>('show', 'Noted Person', '--json');
    expect(show.interactions).toEqual([]);
    expect(show.notes).toBe('met at a party, likes chess');
    expect(due(j)).toEqual([]);
  });

  it('net intro a b records one intro with both, owes no thank-you, and fails on one person twice', () => {
    const j = fresh();
    j.ok('add', 'Kim', '--every', 'never');
    j.ok('add', 'Bob Ortiz', '--every', 'never');
    const out = j.ok('intro', 'Kim', 'Bob', '--note', 'both into data', '--on', 'yesterday').stdout;
    expect(out).toMatch(/^Logged i1: you introduced Kim to Bob Ortiz on 2026-04-13\.$/m);
    const kim = j.json<ShowJson>('show', 'Kim', '--json');
    expect(kim.interactions).toMatchObject([{ kind: 'intro', on: '2026-04-13', summary: 'both into data', thanks_owed: false, contacts: [{ name: 'Kim' }, { name: 'Bob Ortiz' }] }]);
    expect(j.json<ShowJson>('show', 'Bob Ortiz', '--json').interactions).toHaveLength(1);
    expect(due(j)).toEqual([]);
    const same = j.net('intro', 'Kim', 'Kim');
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/two different people/);
  });
});

describe('4. a suggested next step that does nothing', () => {
  it('net promise kept p<id> (theirs) owes them a thank-you that net thank resolves', () => {
    const j = fresh();
    j.ok('add', 'Kim', '--every', 'never');
    j.ok('promise', 'Kim', 'intro to Harry', '--theirs');
    const kept = j.ok('promise', 'kept', 'p1').stdout;
    expect(kept).toMatch(/^Next: send a thank-you, then net thank 1 \(or net done p1\)$/m);
    expect(due(j)).toMatchObject([{ id: 'p1', kind: 'thanks', contact: { name: 'Kim' }, due: TODAY, days_overdue: 0 }]);
    const thanked = j.ok('thank', '1').stdout;
    expect(thanked).toMatch(/Thanked Kim \(1 thank-you closed\)/);
    expect(due(j)).toEqual([]);
    expect(j.json<ShowJson>('show', 'Kim', '--json').promises[0]).toMatchObject({ status: 'kept', thanks_owed: true, thanked_on: TODAY });
  });

  it('net done p<id> resolves the thank-you for a kept promise too', () => {
    const j = fresh();
    j.ok('add', 'Kim', '--every', 'never');
    j.ok('promise', 'Kim', 'intro to Harry', '--theirs');
    j.ok('promise', 'kept', 'p1');
    expect(j.ok('done', 'p1').stdout).toMatch(/Thank-you for keeping their promise p1 sent to Kim/);
    expect(due(j)).toEqual([]);
    expect(j.net('done', 'p1').code).toBe(2);
  });
});

describe('5. notes on done are kept', () => {
  it('net done i2 "never met, only an intro" keeps the note, shown by net show and in --json', () => {
    const j = fresh();
    j.ok('add', 'Kim', '--met', 'coffee');
    j.ok('log', 'Kim', 'intro call', '--kind', 'call');
    j.ok('done', 'i2', 'never met, only an intro');
    const show = j.json<{ interactions: Array<{ note: string | null }> }>('show', 'Kim', '--json');
    expect(show.interactions.map((i) => i.note)).toEqual([null, 'never met, only an intro']);
    expect(j.ok('show', 'Kim').stdout).toMatch(/intro call .*note: never met, only an intro/);
    j.ok('promise', 'Kim', 'send the deck');
    j.ok('done', 'p1', 'sent the short one');
    expect(j.json<{ promises: Array<{ note: string | null }> }>('show', 'Kim', '--json').promises[0]?.note).toBe('sent the short one');
    j.ok('lead', 'Kim', 'Acme is hiring');
    j.ok('done', 'l1', 'applied');
    expect(j.json<{ leads: Array<{ note: string | null; outcome: string | null }> }>('show', 'Kim', '--json').leads[0]).toMatchObject({ note: 'applied', outcome: 'applied' });
  });
});

describe('6. one thank-you per interviewer', () => {
  it('an interview with three people owes three thank-yous, each closed on its own', () => {
    const j = fresh();
    for (const n of ['Ann', 'Bea', 'Cy']) j.ok('add', n, '--every', 'never');
    const out = j.ok('log', 'Ann', 'panel interview', '--kind', 'interview', '--with', 'Bea', '--with', 'Cy').stdout;
    expect(out).toMatch(/^Next: send a thank-you to each, then net thank 1 and net thank 2 and net thank 3$/m);
    expect(due(j).map((d) => [d.id, d.kind, d.contact.name])).toEqual([
      ['i1c1', 'thanks', 'Ann'],
      ['i1c2', 'thanks', 'Bea'],
      ['i1c3', 'thanks', 'Cy'],
    ]);
    j.ok('thank', 'Bea');
    expect(due(j).map((d) => d.id)).toEqual(['i1c1', 'i1c3']);
    j.ok('done', 'i1c3');
    expect(due(j).map((d) => d.id)).toEqual(['i1c1']);
    expect(j.net('done', 'i1c3').code).toBe(2);
    j.ok('done', 'i1');
    expect(due(j)).toEqual([]);
  });

  it('a coffee with three people still owes one thank-you', () => {
    const j = fresh();
    for (const n of ['Ann', 'Bea']) j.ok('add', n, '--every', 'never');
    j.ok('log', 'Ann', 'coffee', '--kind', 'coffee', '--with', 'Bea');
    expect(due(j).map((d) => d.id)).toEqual(['i1']);
  });
});

describe('7. no-reply known after logging', () => {
  it('net noreply i<id> makes two unanswered messages rest the contact; --undo lifts it', () => {
    const j = fresh();
    j.ok('add', 'Sam', '--every', '30d', '--met', 'meetup', '--on', '2026-03-01');
    on(j, '2026-03-20', 'log', 'Sam', 'checking in', '--kind', 'email');
    on(j, '2026-04-01', 'log', 'Sam', 'checking in again', '--kind', 'email', '--no-reply');
    expect(due(j, '2026-05-01').map((d) => [d.id, d.state])).toEqual([['c1', 'due']]);
    expect(j.ok('noreply', 'i2').stdout).toMatch(/Marked i2 \(email with Sam on 2026-03-20\) as unanswered/);
    expect(due(j, '2026-05-01')).toEqual([]);
    expect(due(j, '2026-05-01', '--all').map((d) => [d.id, d.state])).toEqual([['c1', 'resting']]);
    j.ok('noreply', 'i2', '--undo');
    expect(due(j, '2026-05-01').map((d) => [d.id, d.state])).toEqual([['c1', 'due']]);
    expect(j.net('noreply', 'i99').code).toBe(2);
  });

  it('a --no-reply message to a lead\'s person does not follow the lead', () => {
    const j = fresh();
    j.ok('add', 'Kim', '--every', 'never');
    j.ok('lead', 'Kim', 'talk to Bob', '--person', 'Bob Ortiz');
    const out = j.ok('log', 'Bob', 'hello?', '--kind', 'email', '--no-reply').stdout;
    expect(out).not.toMatch(/is now followed/);
    expect(j.json<ShowJson>('show', 'Kim', '--json').leads[0]?.status).toBe('open');
    j.ok('log', 'Bob', 'call', '--kind', 'call');
    expect(j.json<ShowJson>('show', 'Kim', '--json').leads[0]?.status).toBe('followed');
  });
});

describe('8. a lead\'s story goes on after the first report', () => {
  it('net lead news l<id> owes the giver another report-back', () => {
    const j = fresh();
    j.ok('add', 'Kim', '--every', 'never');
    j.ok('lead', 'Kim', 'Acme is hiring');
    j.ok('lead', 'reported', 'l1', '--outcome', 'applied');
    expect(due(j)).toEqual([]);
    const out = j.ok('lead', 'news', 'l1', 'offer from Acme').stdout;
    expect(out).toMatch(/^Next: tell Kim the news, then net lead reported l1$/m);
    expect(due(j)).toMatchObject([{ id: 'l1', kind: 'report', title: 'Tell them the news of their lead: Acme is hiring (offer from Acme)' }]);
    expect(j.json<ShowJson & { leads: Array<{ news: string; news_on: string }> }>('show', 'Kim', '--json').leads[0]).toMatchObject({ news: 'offer from Acme', news_on: TODAY });
    j.ok('lead', 'reported', 'l1');
    expect(due(j)).toEqual([]);
    const report = j.ok('report').stdout;
    expect(report).toMatch(/offer from Acme/);
    expect(j.net('lead', 'news', 'l1').code).toBe(2);
    j.ok('lead', 'Kim', 'Beta is hiring');
    expect(j.net('lead', 'news', 'l2', 'nothing yet').stderr).toMatch(/still open/);
  });
});

describe('9. imported contacts get a cadence at their first conversation', () => {
  it('a contact imported without a cadence gets the default one at the first answered conversation, and says so', () => {
    const j = fresh();
    j.ok('import', 'test/fixtures/linkedin-connections.csv');
    const first = j.json<Array<{ id: number; name: string; cadence_days: number | null }>>('list', '--json')[0];
    if (!first) throw new Error('nothing imported');
    expect(first.cadence_days).toBeNull();
    j.ok('log', String(first.id), 'no answer', '--kind', 'email', '--no-reply');
    expect(j.json<{ cadence_days: number | null }>('show', String(first.id), '--json').cadence_days).toBeNull();
    const out = j.ok('log', String(first.id), 'coffee at last', '--kind', 'coffee').stdout;
    expect(out).toMatch(/now has the default keep-in-touch cadence, every 90 days/);
    expect(j.json<{ cadence_days: number | null }>('show', String(first.id), '--json').cadence_days).toBe(90);
    expect(due(j, '2026-07-13').some((d) => d.id === `c${first.id}`)).toBe(true);
  });

  it('a contact added with --every never keeps it', () => {
    const j = fresh();
    j.ok('add', 'Quiet', '--every', 'never');
    expect(j.ok('log', 'Quiet', 'coffee', '--kind', 'coffee').stdout).not.toMatch(/cadence/);
    expect(j.json<{ cadence_days: number | null }>('show', 'Quiet', '--json').cadence_days).toBeNull();
  });
});

describe('15. planned meetings', () => {
  it('net log --on a future date owes nothing and is no contact until its day, then is a conversation', () => {
    const j = fresh();
    j.ok('add', 'Kim', '--met', 'meetup', '--every', '30d');
    j.ok('thank', 'Kim');
    const out = j.ok('log', 'Kim', 'coffee at Bennu', '--kind', 'coffee', '--on', '2026-04-20').stdout;
    expect(out).toMatch(/^Planned i2: coffee with Kim on 2026-04-20\./m);
    expect(out).toMatch(/^Next: net due --all$/m);
    expect(due(j)).toEqual([]);
    expect(due(j, TODAY, '--all')).toMatchObject([{ id: 'i2', kind: 'upcoming', due: '2026-04-20', state: 'planned' }]);
    expect(j.json<ShowJson>('show', 'Kim', '--json').last_contact).toBe(TODAY);
    expect(due(j, '2026-04-19')).toEqual([]);
    // Its day: listed once, as upcoming, which stands for the thank-you it owes from today;
    // the day after, that thank-you is listed, owed since the meeting's day.
    expect(due(j, '2026-04-20').map((d) => [d.id, d.kind, d.days_overdue])).toEqual([['i2', 'upcoming', 0]]);
    expect(on(j, '2026-04-20', 'due').stdout).toMatch(/i2\s+upcoming\s+Kim\s+Planned coffee: coffee at Bennu\s+today/);
    expect(due(j, '2026-04-21').map((d) => [d.id, d.kind, d.days_overdue])).toEqual([['i2', 'thanks', 1]]);
    // From then on it counts as contact: the next follow-up is 30 days after it.
    expect(j.netWith({ env: { NET_TODAY: '2026-04-21' } }, 'show', 'Kim', '--json').stdout).toMatch(/"last_contact": "2026-04-20"/);
    on(j, '2026-04-21', 'thank', 'Kim');
    expect(due(j, '2026-05-19')).toEqual([]);
    expect(due(j, '2026-05-20')).toMatchObject([{ id: 'c1', kind: 'followup', due: '2026-05-20' }]);
    // Going back in time (NET_TODAY) makes it a plan again.
    expect(j.json<ShowJson>('show', 'Kim', '--json').last_contact).toBe(TODAY);
  });

  it('a past date stays as it was', () => {
    const j = fresh();
    j.ok('add', 'Kim', '--every', 'never');
    expect(j.ok('log', 'Kim', 'call', '--kind', 'call', '--on', 'yesterday').stdout).toMatch(/^Logged i1: call with Kim on 2026-04-13\.$/m);
    expect(due(j)).toMatchObject([{ id: 'i1', kind: 'thanks' }]);
  });
});

interface ReportJson {
  from: string;
  to: string;
  owed_now: DueJson[];
  held_back: DueJson[];
  resting: DueJson[];
  conversations: Array<{ id: number; on: string; thanked_on: string | null }>;
  leads: Array<{ id: number; status: string; news: string | null }>;
  promises: Array<{ id: number; status: string; made_on: string }>;
  ways_to_give: Array<{ id: number; status: string }>;
  give_and_take: Array<{ contact: { name: string }; gave: number; received: number }>;
}

function report(j: TempJournal, ...flags: string[]): ReportJson {
  return JSON.parse(on(j, TODAY, 'report', '--format', 'json', ...flags).stdout) as ReportJson;
}

describe('10. a report of a past period is as of its last day', () => {
  // March: Kim met, a promise, a need, a lead, a resting contact; then April changes all of it.
  function march(j: TempJournal): { owed: DueJson[]; all: DueJson[] } {
    on(j, '2026-03-02', 'add', 'Kim', '--met', 'coffee at Bennu', '--kind', 'coffee');
    on(j, '2026-03-02', 'promise', 'Kim', 'send the deck', '--by', '2026-03-05');
    on(j, '2026-03-02', 'promise', 'Kim', 'a referral', '--theirs', '--by', '2026-03-03');
    on(j, '2026-03-02', 'need', 'Kim', 'a designer');
    on(j, '2026-03-03', 'lead', 'Kim', 'Acme is hiring');
    on(j, '2026-03-03', 'add', 'Sam', '--every', '30d');
    on(j, '2026-03-03', 'log', 'Sam', 'hello?', '--kind', 'email', '--no-reply');
    on(j, '2026-03-04', 'log', 'Sam', 'still there?', '--kind', 'email', '--no-reply');
    on(j, '2026-03-05', 'snooze', 'i1', '2026-03-12');
    // What net due showed on the last day of the period, then.
    const seen = { owed: due(j, '2026-03-07'), all: due(j, '2026-03-07', '--all') };
    on(j, '2026-03-10', 'promise', 'kept', 'p1');
    on(j, '2026-03-10', 'promise', 'kept', 'p2');
    on(j, '2026-03-10', 'thank', 'Kim');
    on(j, '2026-03-11', 'lead', 'reported', 'l1', '--outcome', 'applied');
    on(j, '2026-03-20', 'lead', 'news', 'l1', 'interview on Monday');
    on(j, '2026-03-12', 'need', 'met', 'n1');
    on(j, '2026-04-02', 'promise', 'Kim', 'intro to Sam');
    on(j, '2026-04-02', 'need', 'Kim', 'a new laptop');
    on(j, '2026-04-03', 'log', 'Sam', 'coffee at last', '--kind', 'coffee');
    return seen;
  }

  it('net report --since 2026-03-01 --until 2026-03-07 leaves out April and owes what net due owed on March 7', () => {
    const j = fresh();
    const seen = march(j);
    const r = report(j, '--since', '2026-03-01', '--until', '2026-03-07');
    // Owed on the 7th: exactly what net due showed that day; held back: what --all added.
    expect(r.owed_now).toEqual(seen.owed);
    expect(seen.owed.map((d) => d.id)).toEqual(['p1', 'l1', 'p2']);
    expect(r.held_back).toEqual(seen.all.filter((d) => d.state !== 'due'));
    expect(r.held_back.map((d) => [d.id, d.state])).toEqual([
      ['i1', 'snoozed'],
      ['c2', 'resting'],
    ]);
    // Records made after the 7th are left out; those changed after it are as they stood.
    expect(r.promises.map((p) => [p.id, p.status])).toEqual([
      [1, 'open'],
      [2, 'open'],
    ]);
    expect(r.leads.map((l) => [l.id, l.status, l.news])).toEqual([[1, 'open', null]]);
    expect(r.ways_to_give.map((n) => [n.id, n.status])).toEqual([[1, 'open']]);
    expect(r.conversations.map((c) => [c.id, c.on, c.thanked_on])).toEqual([
      [1, '2026-03-02', null],
      [2, '2026-03-03', null],
      [3, '2026-03-04', null],
    ]);
    expect(r.give_and_take.map((g) => [g.contact.name, g.gave, g.received])).toEqual([
      ['Kim', 1, 0],
      ['Sam', 0, 0],
    ]);
    const md = on(j, TODAY, 'report', '--since', '2026-03-01', '--until', '2026-03-07').stdout;
    expect(md).toMatch(/^## Owed on 2026-03-07$/m);
    expect(md).not.toMatch(/Owed now/);
    expect(md).not.toMatch(/intro to Sam|a new laptop|2026-04/);
    expect(md).toMatch(/\| p1 \| promise \| Kim \| .* \| 3 days overdue \\\(since Mar 4\\\) \|/);
  });

  it('a report up to today owes what net due owes today and holds back what net due --all adds', () => {
    const j = fresh();
    march(j);
    const r = report(j);
    expect(r.to).toBe(TODAY);
    expect(r.owed_now).toEqual(due(j));
    expect(r.held_back).toEqual(due(j, TODAY, '--all').filter((d) => d.state !== 'due'));
    expect(on(j, TODAY, 'report').stdout).toMatch(/^## Owed now$/m);
    // Each record as it is now: the April promise open, the March ones kept.
    expect(r.promises.map((p) => [p.id, p.status])).toEqual([[3, 'open']]);
  });
  it('a promise nudged again after --until is owed as net due owed it that day: its earlier nudge comes from the history', () => {
    const j = fresh();
    on(j, '2026-03-01', 'add', 'Sam', '--every', 'never');
    on(j, '2026-03-01', 'promise', 'Sam', 'send the referral', '--theirs', '--by', '2026-03-05');
    on(j, '2026-03-06', 'done', 'p1');
    // On the 10th the next nudge is not due yet (a week after the first): nothing is owed.
    const tenth = due(j, '2026-03-10');
    expect(tenth).toEqual([]);
    const heldTenth = due(j, '2026-03-10', '--all').filter((d) => d.state !== 'due');
    const later = due(j, '2026-03-13');
    expect(later.map((d) => d.id)).toEqual(['p1']);
    on(j, '2026-03-13', 'done', 'p1');
    const r = report(j, '--since', '2026-03-01', '--until', '2026-03-10');
    expect(r.owed_now).toEqual(tenth);
    expect(r.held_back).toEqual(heldTenth);
    // As of the end of the 13th, that day's nudge was made: nothing owed, the promise rests.
    const thirteenth = report(j, '--since', '2026-03-07', '--until', '2026-03-13');
    expect(thirteenth.owed_now).toEqual([]);
    expect(thirteenth.held_back.map((d) => [d.id, d.state])).toEqual([['p1', 'resting']]);
  });
});

describe('11. the report and net due --all agree on what is held back', () => {
  it('a promise nudged twice rests until they answer in both, with no "due again" date', () => {
    const j = fresh();
    on(j, '2026-03-20', 'add', 'Sam', '--every', 'never');
    on(j, '2026-03-20', 'promise', 'Sam', 'send the referral', '--theirs', '--by', '2026-03-25');
    on(j, '2026-03-26', 'done', 'p1');
    on(j, '2026-04-10', 'done', 'p1');
    const all = due(j, TODAY, '--all');
    expect(all).toMatchObject([{ id: 'p1', kind: 'nudge', state: 'resting', reason: 'nudged 2 times; resting until they answer', until: null }]);
    const r = report(j);
    expect(r.held_back).toEqual(all);
    expect(r.resting).toEqual(all);
    const md = on(j, TODAY, 'report').stdout;
    const section = md.slice(md.indexOf('## Resting'));
    expect(section).toMatch(/\| p1 \| nudge \| Sam \| .* \| nudged 2 times; resting until they answer \| when they answer \|/);
    // The nudge rule's date (a week after the last nudge) is not shown as a day it is due again.
    expect(md).not.toMatch(/2026-04-17/);
  });

  it('snoozed, resting and planned items: the same list, words and days in both', () => {
    const j = fresh();
    on(j, '2026-03-01', 'add', 'Kim', '--met', 'meetup', '--kind', 'coffee', '--every', 'never');
    on(j, '2026-03-01', 'snooze', 'i1', '2026-04-20');
    on(j, '2026-03-01', 'add', 'Sam', '--every', '30d');
    on(j, '2026-03-20', 'log', 'Sam', 'hello?', '--kind', 'email', '--no-reply');
    on(j, '2026-03-27', 'log', 'Sam', 'still there?', '--kind', 'email', '--no-reply');
    on(j, '2026-03-01', 'log', 'Kim', 'lunch', '--kind', 'meeting', '--on', '2026-04-22');
    const all = due(j, TODAY, '--all');
    expect(all.map((d) => [d.id, d.state, (d as DueJson & { until: string | null }).until])).toEqual([
      ['i1', 'snoozed', '2026-04-20'],
      ['i4', 'planned', '2026-04-22'],
      ['c2', 'resting', '2026-05-26'],
    ]);
    expect(report(j).held_back).toEqual(all);
    const md = on(j, TODAY, 'report').stdout;
    for (const d of all) expect(md).toContain(`| ${d.id} | ${d.kind} |`);
    // The markdown escapes the hyphens of the reason, not those of the day it shows again.
    expect(md).toMatch(/\| snoozed until 2026\\-04\\-20 \| 2026-04-20 \|$/m);
    expect(md).toMatch(/\| two unanswered messages; resting until 2026\\-05\\-26 \| 2026-05-26 \|$/m);
    expect(md).toMatch(/\| planned for 2026\\-04\\-22 \| 2026-04-22 \|$/m);
  });
});

describe('12. the ledger counts each act once', () => {
  function ledgers(j: TempJournal) {
    const show = (who: string) => j.json<ShowJson>('show', who, '--json').ledger;
    const r = report(j, '--since', '2026-04-01');
    const inReport = (who: string) => {
      const g = r.give_and_take.find((x) => x.contact.name === who);
      return g ? { gave: g.gave, received: g.received } : undefined;
    };
    return { show, inReport };
  }

  it('a lead with --person of someone new is one lead, even once its introduction is thanked', () => {
    const j = fresh();
    j.ok('add', 'Kim', '--every', 'never');
    j.ok('lead', 'Kim', 'Bob runs data at Acme', '--person', 'Bob Ortiz');
    j.ok('thank', 'Kim');
    const { show, inReport } = ledgers(j);
    expect(show('Kim')).toEqual({ gave: 1, received: 0 });
    expect(inReport('Kim')).toEqual(show('Kim'));
    expect(j.ok('show', 'Kim').stdout).toMatch(/They gave you: 1 lead$/m);
    expect(on(j, TODAY, 'report').stdout).toMatch(/\| Kim \| 1 lead \| nothing yet \|/);
  });

  it('an introduction through net add --via, thanked, is one introduction', () => {
    const j = fresh();
    j.ok('add', 'Kim', '--every', 'never');
    j.ok('add', 'Xena Y', '--via', 'Kim', '--kind', 'intro');
    j.ok('thank', 'Kim');
    const { show, inReport } = ledgers(j);
    expect(show('Kim')).toEqual({ gave: 1, received: 0 });
    expect(inReport('Kim')).toEqual(show('Kim'));
    expect(j.ok('show', 'Kim').stdout).toMatch(/They gave you: 1 introduction$/m);
  });

  it('net intro a b counts as an introduction given to each of them', () => {
    const j = fresh();
    j.ok('add', 'Kim', '--every', 'never');
    j.ok('add', 'Bob Ortiz', '--every', 'never');
    j.ok('intro', 'Kim', 'Bob', '--note', 'both into data');
    const { show, inReport } = ledgers(j);
    for (const who of ['Kim', 'Bob Ortiz']) {
      expect(show(who), who).toEqual({ gave: 0, received: 1 });
      expect(inReport(who), who).toEqual(show(who));
      expect(j.ok('show', who).stdout).toMatch(/You gave them: 1 introduction you made$/m);
    }
    expect(on(j, TODAY, 'report').stdout).toMatch(/\| Bob Ortiz \| nothing yet \| 1 introduction you made \|/);
  });
});
