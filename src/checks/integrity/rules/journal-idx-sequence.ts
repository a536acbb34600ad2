import { findingOf, type Finding } from '../../../findings.js';
import { declarationOf, type IntegrityRule } from '../rule.js';

export const journalIdxSequence: IntegrityRule = {
  meta: {
    id: 'journal-idx-sequence',
    category: 'integrity',
    defaultSeverity: 'warning',
    description: 'Journal `idx` values have gaps or duplicates, or an `idx` differs from its tag prefix.',
    help: 'A gap usually means a migration was deleted after it ran somewhere: restore it from git history. Duplicates come from merging two branches: keep the base branch\'s entries, delete your migration and snapshot, and re-run `drizzle-kit generate`.',
  },
  check(ctx) {
    const findings: Finding[] = [];
    const { migrations } = ctx.head;
    const byIndexPrefix = ctx.config.migrations.prefix === 'index';
    let prev: number | undefined;
    for (const m of migrations) {
      if (m.idx === undefined) continue;
      const at = { ...declarationOf(ctx, m), migration: m.tag };
      if (prev !== undefined && m.idx > prev + 1) {
        const missing = m.idx === prev + 2 ? `${prev + 1} is` : `${prev + 1}–${m.idx - 1} are`;
        findings.push(findingOf(this.meta, { message: `journal idx jumps from ${prev} to ${m.idx} (${m.tag}): idx ${missing} missing, a migration was probably deleted`, ...at }));
      } else if (prev !== undefined && m.idx <= prev) {
        findings.push(findingOf(this.meta, { message: `journal idx ${m.idx} of ${m.tag} is not greater than the previous idx ${prev}: entries were duplicated or reordered by a merge`, ...at }));
      }
      const prefix = /^(\d+)_/.exec(m.tag)?.[1];
      if (byIndexPrefix && prefix !== undefined && Number(prefix) !== m.idx) {
        findings.push(findingOf(this.meta, { message: `${m.tag} has idx ${m.idx} but its tag prefix says ${Number(prefix)}`, ...at }));
      }
      prev = Math.max(prev ?? m.idx, m.idx);
    }
    return findings;
  },
};
