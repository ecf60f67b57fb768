// End to end: ids that never move, the change history, undo, and edit/rm of every record kind.
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupJournals, tempJournal } from './helpers.js';

afterAll(cleanupJournals);

describe('ids are never reused', () => {
  it('after net rm, a new contact gets a new id', () => {
    const j = tempJournal();
    j.ok('add', 'Ann');
    j.ok('add', 'Ben');
    j.ok('rm', 'Ben', '--yes');
    expect(j.ok('add', 'Cy').stdout).toMatch(/#3\b/);
  });
});
