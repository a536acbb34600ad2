import { findingOf, type Finding } from '../../../findings.js';
import { declarationOf, type IntegrityRule } from '../rule.js';
import { isoTime } from '../../../model/time.js';

/**
 * drizzle's migrator reads only the newest `created_at` in __drizzle_migrations and runs every journal entry
 * whose `when` is greater. A merged migration whose `when` is moved past the base branch's newest therefore
 * runs again on every database migrated from the base: usually it fails (CREATE TABLE of a table that
 * exists) and the deploy stops, or it re-applies data changes twice. Seen when a project regenerates an
 * applied migration with a newer drizzle-kit.
 */
export const appliedMigrationRerun: IntegrityRule = {
  meta: {
    id: 'applied-migration-rerun',
    category: 'integrity',
    defaultSeverity: 'error',
    description: "An already-merged migration's journal `when` was moved after the base branch's newest: drizzle's migrator runs it a second time on every database migrated from the base.",
    help: "Restore the migration's `when` (and SQL) from the base branch: git checkout origin/main -- <out>/meta/_journal.json. To change the schema, generate a new migration instead of regenerating an applied one; if the SQL must run again on purpose, make every statement idempotent (IF NOT EXISTS) and say so in the PR.",
  },
  check(ctx) {
    const baseEntries = ctx.base?.journal?.entries ?? [];
    const baseWhen = new Map(baseEntries.filter((e) => typeof e.when === 'number').map((e) => [String(e.tag), e.when as number]));
    if (ctx.head.layout !== 'journal' || baseWhen.size === 0) return [];
    const baseNewest = Math.max(...baseWhen.values());
    const findings: Finding[] = [];
    for (const m of ctx.head.migrations) {
      const before = baseWhen.get(m.tag);
      if (m.isNew || before === undefined || m.when === undefined || m.when === before || m.when <= baseNewest) continue;
      findings.push(
        findingOf(this.meta, {
          message:
            `"when" of the merged migration ${m.tag} moved from ${isoTime(before)} to ${isoTime(m.when)}, after the base branch's newest (${isoTime(baseNewest)}): ` +
            `drizzle's migrator runs ${m.tag} again on every database migrated from the base`,
          ...declarationOf(ctx, m),
          migration: m.tag,
        }),
      );
    }
    return findings;
  },
};
