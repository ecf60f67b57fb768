// Schema 19 (indexes a report selects by) applied to a journal of schema 18 with records in
// it: the report's reads find the same records, and find them through the new indexes.
import { describe, expect, it } from 'vitest';
import { ledgerFrom } from '../../src/core/ledger.js';
import { Journal } from '../../src/store/journal.js';
import { migrate } from '../../src/store/migrations/index.js';
import { databaseAt } from './helpers.js';

const week = { from: '2026-04-08', to: '2026-04-14' };

describe('schema 19 (report reads) from schema 18 with records', () => {
  it('counts the same give and take and finds the same leads, reading introductions and news through their indexes', () => {
    const db = databaseAt(18);
    const before = new Journal(db, ':memory:');
    before.db.today = '2026-04-14';
    before.command = ['add'];
    const kimId = before.write(() => before.contacts.insert({ name: 'Kim' }));
    const eve = before.write(() => before.contacts.insert({ name: 'Eve', introducedBy: kimId }));
    const ola = before.write(() => before.contacts.insert({ name: 'Ola' }));
    before.write(() => {
      // Kim's introduction to Eve, thanked; your introduction of Eve to Ola; a plain coffee.
      before.interactions.insert({ contactIds: [kimId], on: '2026-04-09', kind: 'email', thanksOwed: true, thankedOn: '2026-04-10', introOf: eve });
      before.interactions.insert({ contactIds: [eve, ola], on: '2026-04-11', kind: 'intro', thanksOwed: false, introByMe: true });
      before.interactions.insert({ contactIds: [ola], on: '2026-04-12', kind: 'coffee', thanksOwed: false });
      // A lead given long before the week, whose only move in it is news.
      const lead = before.leads.insert({ sourceId: ola, what: 'a role at Acme', givenOn: '2026-01-05', status: 'followed', followedOn: '2026-01-06' });
      before.leads.recordNews(lead, 'they are hiring', '2026-04-13');
    });
    const ledgersThen = before.ledgers.touched(week);
    const leadsThen = before.leads.inPeriod(week);

    // Schema 19 first; later migrations may follow it.
    expect(migrate(db)[0]).toBe(19);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('interactions_intros', 'leads_news') ORDER BY name").pluck().all();
    expect(indexes).toEqual(['interactions_intros', 'leads_news']);

    const j = new Journal(db, ':memory:');
    j.db.today = '2026-04-14';
    const plans: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      if (!sql.startsWith('EXPLAIN')) plans.push(...(prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ ...week, day: week.to, today: week.to }) as Array<{ detail: string }>).map((r) => r.detail));
      return prepare(sql);
    }) as typeof db.prepare;
    const ledgers = j.ledgers.touched(week);
    const leads = j.leads.inPeriod(week);
    expect(plans.some((d) => d.includes('interactions_intros'))).toBe(true);
    expect(plans.some((d) => d.includes('leads_news'))).toBe(true);

    expect(ledgers).toEqual(ledgersThen);
    const counts = Object.fromEntries(ledgers.map((g) => [g.contact.name, g.counts]));
    // Kim's thanked introduction is that introduction, not a thanked conversation as well.
    expect(counts.Kim).toMatchObject({ introductions: 1, thanked: 0 });
    const kim = ledgers.find((g) => g.contact.name === 'Kim');
    expect(kim && ledgerFrom(kim.counts)).toMatchObject({ gave: 1, received: 0 });
    expect(counts.Eve).toMatchObject({ introsMade: 1 });
    expect(counts.Ola).toMatchObject({ introsMade: 1 });
    expect(leads).toEqual(leadsThen);
    expect(leads.map((l) => l.news)).toEqual(['they are hiring']);
  });
});
