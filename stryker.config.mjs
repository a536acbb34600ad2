// Mutation testing of the rules (npm run mutation; not part of npm test): StrykerJS mutates each rule's source
// and runs the in-process tests that cover it (test/stryker.vitest.config.ts); a mutant no test notices survives.
// The machine is shared: two test processes at most, and incremental mode reuses earlier results.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'test/stryker.vitest.config.ts' },
  mutate: ['src/checks/**/rules/**/*.ts', '!src/checks/safety/rules/types.ts', '!src/checks/safety/rules/index.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  ignorePatterns: ['dist', 'reports', '.ci'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  timeoutMS: 60_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
