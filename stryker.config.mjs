// Mutation testing of the rules (npm run mutation; not part of npm test): StrykerJS mutates each rule's source
// and runs the in-process tests that cover it (test/stryker.vitest.config.ts); a mutant no test notices survives.
// The machine is shared: two test processes at most, and incremental mode reuses earlier results.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'test/stryker.vitest.config.ts' },
  // The integrity rules (the drift, replay and pending rule files hold only metadata). The safety rules take
  // hours on a shared machine, every lint test covering every rule: run them on their own when there is time,
  // with --mutate 'src/checks/safety/rules/*.ts' and their tests (see test/stryker.vitest.config.ts).
  mutate: ['src/checks/integrity/rules/**/*.ts'],
  coverageAnalysis: 'perTest',
  // Static mutants are the rules' metadata (id, severity, texts), evaluated once at import: each would need the
  // whole test set; test/docs.test.ts keeps ids, categories and descriptions in step with docs/ and the README.
  ignoreStatic: true,
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  ignorePatterns: ['dist', 'reports', '.ci'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  timeoutMS: 60_000,
  dryRunTimeoutMinutes: 40,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
