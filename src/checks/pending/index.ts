// Pending: which migrations a live database (--database-url) has not applied, which of those drizzle's
// migrator will skip, and which applied ones were edited or are unknown to the journal. Read-only.

import type { RuleMeta } from '../../findings.js';
import type { Check, CheckContext, CheckOutcome } from '../types.js';
import { compareApplied } from './compare.js';
import { maskUrl, readAppliedPostgres } from './postgres.js';
import { appliedMigrationModified } from './rules/applied-migration-modified.js';
import { appliedMigrationUnknown } from './rules/applied-migration-unknown.js';
import { pendingMigrationWillBeSkipped } from './rules/pending-migration-will-be-skipped.js';
import { pendingMigration } from './rules/pending-migration.js';

export const pendingRules: RuleMeta[] = [pendingMigration, pendingMigrationWillBeSkipped, appliedMigrationModified, appliedMigrationUnknown];

export const pendingCheck: Check = {
  name: 'pending',
  categories: ['pending'],
  run: checkPending,
};

async function checkPending(ctx: CheckContext): Promise<CheckOutcome> {
  const url = ctx.options.databaseUrl;
  if (!url) return { status: 'skipped', reason: 'no --database-url given' };
  if (ctx.config.dialect !== 'postgresql') {
    return { status: 'not-implemented', reason: `pending migrations are read from PostgreSQL only for now (this config's dialect is ${ctx.config.dialect})` };
  }
  if (ctx.head.layout === 'folders') {
    return { status: 'not-implemented', reason: "drizzle-kit 1.0's migrator tracks migrations by folder name; only the journal layout is compared for now" };
  }
  const { schema, table } = ctx.config.migrations;
  const where = `the database at ${maskUrl(url)}`;
  const state = await readAppliedPostgres(url, schema, table);
  const rows = state.table === 'present' ? state.rows : [];
  const result = compareApplied(ctx.head.migrations, rows, ctx.head.journal?.file, where);
  const notes = [
    state.table === 'missing'
      ? `pending: ${schema}.${table} does not exist in ${where}: nothing is applied there`
      : `pending: ${where} has ${rows.length} applied migration(s) in ${schema}.${table}; ${result.pending} of ${ctx.head.migrations.length} journaled migration(s) are not applied`,
  ];
  return { status: 'ran', findings: result.findings, notes };
}
