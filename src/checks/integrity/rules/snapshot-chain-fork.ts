import { findingOf, type Finding } from '../../../findings.js';
import type { SnapshotInfo } from '../../../model/types.js';
import type { IntegrityRule } from '../rule.js';

export const snapshotChainFork: IntegrityRule = {
  meta: {
    id: 'snapshot-chain-fork',
    category: 'integrity',
    defaultSeverity: 'error',
    description: 'Two snapshots share a parent: two branches generated migrations from the same state and the history was merged without regenerating.',
    help: "The later migration was generated without the other branch's changes, so the next `drizzle-kit generate` diffs against an incomplete state. Delete your migration and snapshot, merge the base branch, and run `drizzle-kit generate` again (drizzle-kit 1.0: resolve the conflict `drizzle-kit check` reports).",
  },
  check(ctx) {
    const tagOf = (s: SnapshotInfo) => ctx.head.migrations.find((m) => m.snapshot === s)?.tag;
    if (ctx.head.layout === 'folders') return unmergedLeaves(this, ctx.head.snapshots, tagOf);
    const children = new Map<string, Map<string, SnapshotInfo>>();
    for (const s of ctx.head.snapshots) {
      if (s.id === undefined) continue;
      for (const p of s.prevIds) {
        if (p === '') continue;
        const byId = children.get(p) ?? new Map<string, SnapshotInfo>();
        if (!byId.has(s.id)) byId.set(s.id, s);
        children.set(p, byId);
      }
    }
    const findings: Finding[] = [];
    for (const [parent, byId] of children) {
      const [first, ...others] = [...byId.values()];
      for (const s of others) {
        findings.push(findingOf(this.meta, { message: `follows snapshot ${parent}, as ${first!.file} does: the history forked`, file: s.file,
            ...(s.prevIdPosition ?? { line: 1, column: 1 }), migration: tagOf(s) }));
      }
    }
    return findings;
  },
};

/** drizzle-kit 1.0 histories are a DAG: a fork is a conflict only while both branches stay unmerged leaves. */
function unmergedLeaves(rule: IntegrityRule, snapshots: SnapshotInfo[], tagOf: (s: SnapshotInfo) => string | undefined): Finding[] {
  const referenced = new Set(snapshots.flatMap((s) => s.prevIds));
  const leaves = new Map<string, SnapshotInfo>();
  for (const s of snapshots) if (s.id !== undefined && !referenced.has(s.id) && !leaves.has(s.id)) leaves.set(s.id, s);
  const [first, ...others] = [...leaves.values()];
  return others.map((s) =>
    findingOf(rule.meta, { message: `a second head of the history besides ${first!.file}: two branches were merged without resolving them`, file: s.file, migration: tagOf(s) }),
  );
}
