import { defineConfig } from 'vitest/config';

// The tests that exercise the rules in-process, for mutation testing (stryker.config.mjs): the CLI and action
// tests run the bundle in dist/, which a mutant of src/ never reaches.
export default defineConfig({
  test: {
    include: ['test/integrity/**/*.test.ts', 'test/safety/**/*.test.ts', 'test/docs.test.ts', 'test/findings.test.ts', 'test/model/**/*.test.ts'],
    exclude: ['test/safety/postgres-truth.test.ts', 'node_modules/**'],
    globalSetup: ['test/helpers/temp-root.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
