// A released schema step is never edited (store/migrations/index.ts): a journal made by an
// older version must stay the same as one brought up to date by this one. SQLite keeps each
// CREATE statement as written, so the schema after every released step is pinned, as a
// digest of its text, with the history's triggers left out (they are made from the live
// schema after every run, not by a step).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dropHistoryTriggers } from '../../src/store/history.js';
import { databaseAt } from './helpers.js';

/** The digest of the schema after steps 1, 2, … as released. */
const RELEASED = [
  'e977a9a7ddb626af', // 1
  '0ebbd02f034c2f4c', // 2
  'b21832270802b78d', // 3
  'b0e4138bea6a3581', // 4
  '2dac0af0c7a2502c', // 5
  '9d6cfdee90611ef2', // 6
  '5ef03a5e3bf72c8b', // 7
  'aab31e41ee62b66c', // 8
  '104fbb61bd810e96', // 9
  '4071f63bbf346b6c', // 10
  '3d7abaedbb9cc74b', // 11
  '6deca44b60374c9e', // 12
  '74ba250325d9fb10', // 13
  '1ae1a41fc4322faf', // 14
  '97c552b83866433c', // 15
  'd73230f468fd4ff2', // 16
  'f797ef943eafa615', // 17
  'e0e140c0deb90498', // 18
  '7552b622cb0433c9', // 19
  'f2932183826a56b7', // 20
  '33a37c79dad751c9', // 21
];

function schemaDigest(version: number): string {
  const db = databaseAt(version);
  dropHistoryTriggers(db);
  const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').raw(true).all();
  db.close();
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16);
}

describe('released schema steps', () => {
  it('leave the schema each one left when it was released', () => {
    expect(RELEASED.map((_, i) => schemaDigest(i + 1))).toEqual(RELEASED);
  });
});
