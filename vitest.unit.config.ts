// The unit tables alone (pure src/core code, no spawned binary): what `npm run mutate` runs
// against each mutant of src/core.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The tests load the sources, with every command, as the full bundle has them (scripts/build.mjs).
  define: { NET_BUNDLE: JSON.stringify('full') },
  test: {
    include: ['test/unit/**/*.test.ts'],
    // As npm test's: a busy machine, and Stryker's instrumented code, are slower.
    testTimeout: 20000,
  },
});
