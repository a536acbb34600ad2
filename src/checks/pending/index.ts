// Pending: which migrations a live database (--database-url) has not applied, which of those drizzle's
// migrator will skip, and which applied ones were edited or are unknown to the journal. Read-only.

import type { Finding, RuleMeta } from '../../findings.js';
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
  const compared = compareApplied(ctx.head.migrations, rows, ctx.head.journal?.file, where);
  const result = ctx.options.pullRequest ? { ...compared, findings: compared.findings.map((f) => asPullRequest(f, ctx, where)) } : compared;
  const notes = [
    state.table === 'missing'
      ? `pending: ${schema}.${table} does not exist in ${where}: nothing is applied there`
      : `pending: ${where} has ${rows.length} applied migration(s) in ${schema}.${table}; ${result.pending} of ${ctx.head.migrations.length} journaled migration(s) are not applied`,
  ];
  return { status: 'ran', findings: result.findings, notes };
}

/**
 * On a pull request its own new migrations cannot be applied yet: pending is what is expected (info). A migration
 * merged before it and still pending was never deployed (warning). What the PR makes wrong keeps its severity.
 */
function asPullRequest(f: Finding, ctx: CheckContext, where: string): Finding {
  if (f.ruleId !== pendingMigration.id) return f;
  const isNew = ctx.head.migrations.some((m) => m.tag === f.migration && m.isNew);
  return isNew
    ? { ...f, severity: 'info', message: `${f.migration} is new in this pull request: not applied to ${where} yet, as expected` }
    : { ...f, severity: 'warning', message: `${f.migration} is on the base branch but was never applied to ${where}: deploy it before this pull request` };
}
