// The unit tables alone (pure src/core code, no spawned binary): what `npm run mutate` runs
// against each mutant of src/core.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // As npm test's: a busy machine, and Stryker's instrumented code, are slower.
    testTimeout: 20000,
  },
});
