import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The tests load the sources, with every command, as the full bundle has them (scripts/build.mjs).
  define: { NET_BUNDLE: JSON.stringify('full') },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20000,
    hookTimeout: 20000,
  },
});
