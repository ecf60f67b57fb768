// Schema 21 (a person's own snooze) applied to a journal of schema 20 with a panel interview
// and a landed application in it: what was snoozed stays snoozed for everyone, nobody has a
// snooze of their own yet, and one person's snooze then holds back their item alone.
import { describe, expect, it } from 'vitest';
import { dueItems } from '../../src/core/due.js';
import { Journal } from '../../src/store/journal.js';
import { migrate } from '../../src/store/migrations/index.js';
import { databaseAt } from './helpers.js';

const TODAY = '2026-04-14';

describe('schema 21 (person snooze) from schema 20 with records', () => {
  it('keeps every snooze as it was, then snoozes one person alone', () => {
    const db = databaseAt(20);
    const old = new Journal(db, ':memory:');
    old.db.today = TODAY;
    old.command = ['log'];
    const [ann, bob, kim, dee] = ['Ann', 'Bob', 'Kim', 'Dee'].map((name) => old.write(() => old.contacts.insert({ name }))) as [number, number, number, number];
    const panel = old.write(() => old.interactions.insert({ contactIds: [ann, bob], on: TODAY, kind: 'interview', summary: 'panel', thanksOwed: true }));
    const job = old.write(() => old.jobs.insert({ title: 'Data engineer', company: 'Hooli', stage: 'accepted', startedOn: '2026-04-01', landedOn: TODAY }));
    // As schema 20 wrote them: the whole panel snoozed, two helpers (not at the interview) owed the news.
    old.write(() => {
      db.prepare('UPDATE interactions SET snoozed_until = ? WHERE id = ?').run('2026-04-16', panel);
      const link = db.prepare("INSERT INTO job_contacts (job_id, contact_id, helped, position) VALUES (?, ?, 'gave you a lead', ?)");
      link.run(job, dee, 0);
      link.run(job, kim, 1);
    });
    const owed = (j: Journal, day: string) =>
      dueItems(j.due.input(day), day)
        .filter((i) => i.kind !== 'followup')
        .map((i) => `${i.id} ${i.state}`)
        .sort();

    expect(migrate(db)).toEqual([21]);
    const j = new Journal(db, ':memory:');
    j.db.today = TODAY;
    j.command = ['snooze'];
    const people = db.prepare('SELECT count(*) FROM (SELECT snoozed_until FROM interaction_contacts UNION ALL SELECT snoozed_until FROM job_contacts) WHERE snoozed_until IS NOT NULL');
    expect(people.pluck().get()).toBe(0);
    expect(owed(j, TODAY)).toEqual([`i${panel}c${ann} snoozed`, `i${panel}c${bob} snoozed`, `j${job}c${kim} due`, `j${job}c${dee} due`]);
    expect(j.interactions.get(panel)?.snoozedPeople).toEqual([]);

    j.write(() => {
      j.interactions.snoozePerson(panel, bob, '2026-04-20');
      j.jobs.snoozePerson(job, kim, '2026-04-18');
    });
    expect(j.interactions.get(panel)?.snoozedPeople).toEqual([{ id: bob, until: '2026-04-20' }]);
    expect(j.jobs.get(job)?.people.map((p) => [p.contact.name, p.snoozedUntil])).toEqual([
      ['Dee', null],
      ['Kim', '2026-04-18'],
    ]);
    expect(owed(j, '2026-04-16')).toEqual([`i${panel}c${ann} due`, `i${panel}c${bob} snoozed`, `j${job}c${kim} snoozed`, `j${job}c${dee} due`]);
    expect(owed(j, '2026-04-20')).toEqual([`i${panel}c${ann} due`, `i${panel}c${bob} due`, `j${job}c${kim} due`, `j${job}c${dee} due`]);
    // Everyone's snooze replaces a person's own.
    j.write(() => j.interactions.snooze(panel, '2026-04-25'));
    expect(j.interactions.get(panel)?.snoozedPeople).toEqual([]);
    expect(owed(j, '2026-04-24').filter((i) => i.startsWith('i'))).toEqual([`i${panel}c${ann} snoozed`, `i${panel}c${bob} snoozed`]);
    // The history keeps the new column: each change is recorded.
    const recorded = db.prepare("SELECT count(*) FROM history_changes WHERE tbl = 'interaction_contacts' AND coalesce(new, old) LIKE '%snoozed_until%2026-04-20%'").pluck().get();
    expect(recorded).toBeGreaterThan(0);
  });
});
