// Mutation testing of the pure domain code (`npm run mutate`): how many deliberate bugs in
// src/core the unit tables catch. Not part of `npm test` or CI: a run is CPU heavy. Mutate
// one file while working on it: `npm run mutate -- --mutate src/core/due.ts`.
//
// src/core/due.ts: 86.4% before its boundary tables (test/unit/due-items.test.ts and the
// held-back table of due.test.ts), 97.8% after (421 killed, 22 timed out on a busy machine,
// 10 survived, 453 mutants). The 10 survivors are equivalent: no input can tell them apart.
// - `later` (`b !== null && b !== undefined && b > a ? b : a`): dropping either guard, or
//   `||` for the first `&&`, changes nothing, since `null > day` and `undefined > day` are
//   false in JavaScript; `b >= a` returns a day equal to `a` (3 mutants).
// - `until !== null && until > today` in the resting map: the same (`null > today`).
// - `i.thankedPeople ?? []` replaced by `["…"]`: a string has no `id`, so no person is taken
//   for thanked.
// - `a.cadenceDays !== null` in the follow-up after two unanswered messages: a contact with
//   no cadence has no follow-up (`followupDue` is null) and never gets there.
// - `a.due < b.due` and `a.since < b.since` made `<=` in `compareDue`: each runs only when the
//   two differ.
// - The contact part of `dueAhead`'s key (`item.contact?.id ?? ''` made `&& ''`, or another
//   string for no contact): item ids already tell people apart (`i4c2`, `j4c1`), so the key
//   stays unique either way.
// They are left in the code (and counted as survivors) rather than disabled.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // The unit tables exercise src/core directly; e2e tests spawn the built bundle, which
  // Stryker does not mutate, so they would only cost time (and need a build in the sandbox).
  vitest: { configFile: 'vitest.unit.config.ts', related: false },
  mutate: ['src/core/**/*.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 1,
  // On a machine shared with other work a slow test run is not an endless loop: wait longer
  // than Stryker's default 5 s before calling a mutant timed out.
  timeoutMS: 15000,
  reporters: ['clear-text', 'progress'],
  thresholds: { high: 95, low: 90, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
