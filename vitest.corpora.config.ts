import { defineConfig } from 'vitest/config';

// The corpus suite: real migration folders from ../shared/corpora (see SOURCES.md there).
export default defineConfig({
  test: {
    include: ['test/corpora/**/*.test.ts'],
    globalSetup: ['test/helpers/temp-root.ts'],
    testTimeout: 120_000,
  },
});
