import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The corpus suite (npm run test:corpora) needs ../shared/corpora, which a fresh clone does not have.
    exclude: ['test/corpora/**', 'node_modules/**'],
    // On CI the PostgreSQL-server and drizzle-kit 1.x suites must run (test/helpers/ci-requirements.ts).
    globalSetup: ['test/helpers/temp-root.ts', 'test/helpers/ci-requirements.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
