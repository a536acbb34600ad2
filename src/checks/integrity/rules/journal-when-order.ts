import { findingOf, type Finding } from '../../../findings.js';
import { declarationOf, type IntegrityRule } from '../rule.js';
import { isoTime } from '../../../model/time.js';

export const journalWhenOrder: IntegrityRule = {
  meta: {
    id: 'journal-when-order',
    category: 'integrity',
    defaultSeverity: 'error',
    description: "A journal entry's `when` is not greater than an earlier one's (or than the base branch's newest): drizzle's migrator silently skips it on databases that already ran the newer one.",
    help: "drizzle's migrator applies a migration only if its `when` is greater than the newest `created_at` in __drizzle_migrations. Delete your migration and its snapshot, merge the base branch, and run `drizzle-kit generate` again (it writes a fresh `when`); if it already ran somewhere, set its `when` in meta/_journal.json to a time after the newest applied migration.",
  },
  check(ctx) {
    const findings: Finding[] = [];
    let newest: { when: number; tag: string } | undefined;
    for (const m of ctx.head.migrations) {
      if (m.when === undefined) continue;
      if (ctx.head.layout === 'journal' && newest && m.when <= newest.when) {
        findings.push(
          findingOf(this.meta, {
            message: `"when" of ${m.tag} (${isoTime(m.when)}) is not after ${newest.tag} (${isoTime(newest.when)}): every database that ran ${newest.tag} will silently skip ${m.tag}`,
            ...declarationOf(ctx, m),
            migration: m.tag,
          }),
        );
      }
      if (!newest || m.when > newest.when) newest = { when: m.when, tag: m.tag };
    }
    const flagged = new Set(findings.map((f) => f.migration));
    findings.push(...behindBase(this, ctx).filter((f) => !flagged.has(f.migration)));
    return findings;
  },
};

/** New migrations whose `when` is not after the base branch's newest: production (at base) will skip them. */
function behindBase(rule: IntegrityRule, ctx: Parameters<IntegrityRule['check']>[0]): Finding[] {
  const baseEntries = ctx.base?.journal?.entries ?? [];
  const whens = baseEntries.map((e) => e.when).filter((w): w is number => typeof w === 'number');
  if (ctx.head.layout !== 'journal' || whens.length === 0) return [];
  const baseNewest = Math.max(...whens);
  const baseTag = String(baseEntries.find((e) => e.when === baseNewest)?.tag);
  return ctx.head.migrations
    .filter((m) => m.isNew && m.when !== undefined && m.when <= baseNewest)
    .map((m) =>
      findingOf(rule.meta, {
        message: `new migration ${m.tag} has "when" ${isoTime(m.when!)}, not after the base branch's newest ${baseTag} (${isoTime(baseNewest)}): databases migrated from the base branch will silently skip it`,
        ...declarationOf(ctx, m),
        migration: m.tag,
      }),
    );
}
