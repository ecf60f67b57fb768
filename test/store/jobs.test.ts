// Schema 14 (applications) from schema 13 with records, and the applications' repository.
import { describe, expect, it } from 'vitest';
import { dueItems } from '../../src/core/due.js';
import { Journal } from '../../src/store/journal.js';
import { migrate } from '../../src/store/migrations/index.js';
import { behindNetsBack } from '../e2e/helpers.js';
import { databaseAt } from './helpers.js';

describe('schema 14 (applications) from schema 13 with records', () => {
  it('keeps every record and what is owed, and takes applications', () => {
    const db = databaseAt(13);
    behindNetsBack(db, () =>
      db.exec(`
        INSERT INTO contacts (id, uuid, name, name_key, company, met_on, cadence_days, created_at, recorded_on) VALUES
          (1, 'c1', 'Dana', 'dana', 'Hooli', '2026-03-01', 90, '2026-03-01T10:00:00Z', '2026-03-01');
        INSERT INTO leads (id, uuid, source_id, what, given_on, status, created_at, recorded_on) VALUES (1, 'l1', 1, 'Hooli', '2026-03-01', 'open', '2026-03-01T10:00:00Z', '2026-03-01');
      `),
    );
    const j = new Journal(db, ':memory:');
    const q = j.due;
    const before = dueItems({ pledges: q.pledges(), thanks: q.thanks(), leads: q.leads(), activity: q.activity('2026-04-01') }, '2026-04-01');
    expect(before.map((i) => i.id)).toEqual(['l1', 'c1']);
    expect(migrate(db)).toEqual(expect.arrayContaining([14]));
    expect(dueItems(j.due.input('2026-04-01'), '2026-04-01')).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(1);
    j.db.today = '2026-04-01';
    const id = j.write(() => j.jobs.insert({ title: ' Data engineer ', company: 'Hooli', viaId: 1, leadId: 1, stage: 'applied', startedOn: '2026-04-01' }));
    expect(j.jobs.get(id)).toMatchObject({ title: 'Data engineer', via: { id: 1, name: 'Dana' }, lead: { id: 1, what: 'Hooli', source: { id: 1, name: 'Dana' } }, stageOn: '2026-04-01' });
  });
});

describe('applications', () => {
  function journal() {
    const j = Journal.open(':memory:');
    j.db.today = '2026-04-01';
    const [dana, ann] = j.write(() => [j.contacts.insert({ name: 'Dana' }), j.contacts.insert({ name: 'Ann' })]) as [number, number];
    const id = j.write(() => j.jobs.insert({ title: 'Data engineer', company: 'Hooli', viaId: dana, stage: 'applied', startedOn: '2026-04-01' }));
    return { j, dana, ann, id };
  }

  it('links people once each, in order, keeping what each is to it', () => {
    const { j, dana, ann, id } = journal();
    j.write(() => j.jobs.link(id, [{ contactId: ann, met: true }, { contactId: dana, helped: 'referred you' }]));
    j.write(() => j.jobs.link(id, [{ contactId: ann, helped: 'an intro' }]));
    j.write(() => j.jobs.told(id, ann, '2026-04-03'));
    expect(j.jobs.get(id)?.people).toEqual([
      { contact: { id: ann, name: 'Ann' }, met: true, helped: 'an intro', toldOn: '2026-04-03', snoozedUntil: null },
      { contact: { id: dana, name: 'Dana' }, met: false, helped: 'referred you', toldOn: null, snoozedUntil: null },
    ]);
  });

  it('lists open ones by stage, and all with --all; a removed referrer leaves the application', () => {
    const { j, dana, id } = journal();
    const other = j.write(() => j.jobs.insert({ title: 'Analyst', company: 'Acme', stage: 'interview', startedOn: '2026-03-01', stageOn: '2026-03-20' }));
    const ended = j.write(() => j.jobs.insert({ title: 'PM', company: 'Initech', stage: 'rejected', startedOn: '2026-03-01' }));
    expect(j.jobs.list(false).map((x) => x.id)).toEqual([id, other]);
    expect(j.jobs.list(true).map((x) => x.id)).toEqual([id, other, ended]);
    j.write(() => j.contacts.remove(dana));
    expect(j.jobs.get(id)?.via).toBeNull();
  });

  it('reads for the due rules the conversations with each helper since the day it was landed', () => {
    const { j, dana, ann, id } = journal();
    j.db.today = '2026-04-12';
    j.write(() => {
      j.jobs.setStage(id, 'accepted', '2026-04-10');
      j.jobs.setLanded(id, '2026-04-10');
      j.jobs.link(id, [{ contactId: dana, helped: 'referred you' }, { contactId: ann, helped: 'a coffee' }]);
      j.interactions.insert({ contactIds: [ann], on: '2026-04-09', kind: 'call', thanksOwed: false });
      j.interactions.insert({ contactIds: [dana], on: '2026-04-12', kind: 'call', thanksOwed: false });
    });
    const [owing] = j.jobs.owing('2026-04-12');
    expect(owing?.talked).toEqual({ [String(dana)]: '2026-04-12' });
    expect(dueItems(j.due.input('2026-04-12'), '2026-04-12').filter((i) => i.kind === 'landed').map((i) => i.id)).toEqual([`j${id}c${ann}`]);
    // The day before the conversation, both were owed.
    expect(j.jobs.owing('2026-04-11')[0]?.talked).toEqual({});
  });
});

describe('schema 17 (landed_after) from schema 16 with a landed application', () => {
  it('keeps it, and every conversation since its day still tells the helpers', () => {
    const db = databaseAt(16);
    behindNetsBack(db, () =>
      db.exec(`
        INSERT INTO contacts (id, uuid, name, name_key, created_at, recorded_on) VALUES (1, 'c1', 'Dana', 'dana', '2026-03-01T10:00:00Z', '2026-03-01');
        INSERT INTO jobs (id, uuid, title, company, stage, stage_on, started_on, landed_on, created_at, recorded_on)
          VALUES (1, 'j1', 'Data engineer', 'Hooli', 'accepted', '2026-04-01', '2026-03-01', '2026-04-01', '2026-03-01T10:00:00Z', '2026-03-01');
        INSERT INTO job_contacts (job_id, contact_id, helped) VALUES (1, 1, 'referred you');
        INSERT INTO interactions (id, uuid, on_date, kind, thanks_owed, created_at, recorded_on) VALUES (1, 'i1', '2026-04-01', 'call', 0, '2026-04-01T10:00:00Z', '2026-04-01');
        INSERT INTO interaction_contacts (interaction_id, contact_id, position) VALUES (1, 1, 0);
      `),
    );
    const j = new Journal(db, ':memory:');
    expect(migrate(db)).toEqual(expect.arrayContaining([17]));
    expect(db.prepare('SELECT landed_after FROM jobs').pluck().get()).toBeNull();
    expect(j.jobs.owing('2026-04-02')[0]?.talked).toEqual({ '1': '2026-04-01' });
  });

  it('a conversation logged before the landing, the same day, does not tell them; one after does', () => {
    const j = Journal.open(':memory:');
    j.db.today = '2026-04-01';
    const dana = j.write(() => j.contacts.insert({ name: 'Dana' }));
    j.write(() => j.interactions.insert({ contactIds: [dana], on: '2026-04-01', kind: 'call', thanksOwed: false }));
    const id = j.write(() => {
      const id = j.jobs.insert({ title: 'Data engineer', company: 'Hooli', stage: 'accepted', startedOn: '2026-04-01' });
      j.jobs.setLanded(id, '2026-04-01');
      j.jobs.link(id, [{ contactId: dana, helped: 'referred you' }]);
      return id;
    });
    const owed = () => dueItems(j.due.input('2026-04-01'), '2026-04-01').filter((i) => i.kind === 'landed').map((i) => i.id);
    expect(owed()).toEqual([`j${id}c${dana}`]);
    j.write(() => j.interactions.insert({ contactIds: [dana], on: '2026-04-01', kind: 'email', thanksOwed: false }));
    expect(owed()).toEqual([]);
  });
});
