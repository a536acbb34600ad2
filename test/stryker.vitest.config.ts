import { defineConfig } from 'vitest/config';

// The tests that exercise the rules in-process, for mutation testing (stryker.config.mjs): the CLI and action
// tests run the bundle in dist/, which a mutant of src/ never reaches.
export default defineConfig({
  test: {
    // For the safety rules add test/safety/{rules,suppress,fast-alter,fixtures}.test.ts.
    include: ['test/integrity/**/*.test.ts', 'test/model/layouts.test.ts'],
    globalSetup: ['test/helpers/temp-root.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
