import { defineConfig } from 'vitest/config';

// The corpus suite: real migration folders from ../shared/corpora (see SOURCES.md there).
export default defineConfig({
  test: {
    include: ['test/corpora/**/*.test.ts'],
    // On CI the drizzle-orm 1.x parity on the folder-layout sets must run (test/helpers/ci-requirements.ts).
    globalSetup: ['test/helpers/temp-root.ts', 'test/helpers/ci-requirements.ts'],
    testTimeout: 120_000,
  },
});
