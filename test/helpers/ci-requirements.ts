// Vitest global setup: on CI (CI=true) the suites that need a PostgreSQL server (TEST_DATABASE_URL),
// drizzle-kit and drizzle-orm 1.x (DRIZZLE_GUARD_KIT1_DIR) or drizzle-kit 0.30 (DRIZZLE_GUARD_KIT030_DIR)
// must run, so a missing one fails the run instead of being skipped.
// Locally they are skipped, and their titles say which variable to set.
import * as fs from 'node:fs';
import * as path from 'node:path';
import pg from 'pg';

export default async function setup(): Promise<void> {
  if (process.env.CI !== 'true') return;
  const problems: string[] = [];
  const url = process.env.TEST_DATABASE_URL;
  if (!url) problems.push('TEST_DATABASE_URL is not set (a PostgreSQL server for the server-side tests)');
  else {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
      await client.query('select 1');
    } catch (e) {
      // The URL itself stays out of the message: it may hold a password.
      problems.push(`no PostgreSQL server answers at TEST_DATABASE_URL (${(e as { code?: string }).code ?? 'error'})`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  const kit1 = process.env.DRIZZLE_GUARD_KIT1_DIR;
  if (!kit1) problems.push('DRIZZLE_GUARD_KIT1_DIR is not set (a folder with drizzle-kit and drizzle-orm 1.x installed, see test/drift/kit1.test.ts)');
  else {
    for (const pkg of ['drizzle-kit', 'drizzle-orm']) {
      if (!fs.existsSync(path.join(kit1, 'node_modules', pkg, 'package.json'))) problems.push(`DRIZZLE_GUARD_KIT1_DIR has no node_modules/${pkg}`);
    }
  }
  const kit030 = process.env.DRIZZLE_GUARD_KIT030_DIR;
  if (!kit030) problems.push('DRIZZLE_GUARD_KIT030_DIR is not set (a folder with drizzle-kit 0.30.6 installed, see test/drift/older-kit.test.ts)');
  else if (!fs.existsSync(path.join(kit030, 'node_modules/drizzle-kit/package.json'))) problems.push('DRIZZLE_GUARD_KIT030_DIR has no node_modules/drizzle-kit');
  if (problems.length > 0) throw new Error(`CI=true, and suites would be skipped: ${problems.join('; ')}`);
}
