// Schema 15 (sources) applied to a journal of schema 14 with records in it, and the sources
// an import keeps carried by the JSON backup.
import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/store/journal.js';
import { migrate } from '../../src/store/migrations/index.js';
import { behindNetsBack } from '../e2e/helpers.js';
import { databaseAt } from './helpers.js';

describe('schema 15 (sources) from schema 14 with records', () => {
  it('keeps every conversation, with no sources, and an import then finds the ones it logged', () => {
    const db = databaseAt(14);
    behindNetsBack(db, () =>
      db.exec(`
      INSERT INTO contacts (id, uuid, name, name_key, created_at, recorded_on) VALUES (1, 'c1', 'Kim', 'kim', '2026-03-01T10:00:00Z', '2026-03-01');
      INSERT INTO interactions (id, uuid, on_date, kind, summary, thanks_owed, created_at, recorded_on) VALUES
        (1, 'i1', '2026-03-01', 'coffee', 'first coffee', 1, '2026-03-01T10:00:00Z', '2026-03-01');
      INSERT INTO interaction_contacts (interaction_id, contact_id, position) VALUES (1, 1, 0);
    `),
    );
    expect(migrate(db)).toEqual(expect.arrayContaining([15]));
    const j = new Journal(db, ':memory:');
    expect(j.interactions.get(1)).toMatchObject({ summary: 'first coffee', sources: [] });
    expect(j.interactions.imported().size).toBe(0);
    const id = j.write(() => j.interactions.insert({ contactIds: [1], on: '2026-03-02', kind: 'meeting', thanksOwed: false, sources: ['ics a', 'ics b'] }));
    const known = j.interactions.imported();
    expect([...known.keys()]).toEqual(['ics a', 'ics b']);
    expect(known.get('ics b')).toMatchObject({ id, on: '2026-03-02', kind: 'meeting', planned: false, noReply: false });
  });
});
