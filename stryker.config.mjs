// Mutation testing of the pure domain code (`npm run mutate`): how many deliberate bugs in
// src/core the unit tables catch. Not part of `npm test` or CI: a run is CPU heavy. Mutate
// one file while working on it: `npm run mutate -- --mutate src/core/due.ts`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // The unit tables exercise src/core directly; e2e tests spawn the built bundle, which
  // Stryker does not mutate, so they would only cost time (and need a build in the sandbox).
  vitest: { configFile: 'vitest.unit.config.ts', related: false },
  mutate: ['src/core/**/*.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 1,
  reporters: ['clear-text', 'progress'],
  thresholds: { high: 95, low: 90, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
