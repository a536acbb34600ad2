import { findingOf } from '../../../findings.js';
import { declarationOf, type IntegrityRule } from '../rule.js';

export const snapshotMissing: IntegrityRule = {
  meta: {
    id: 'snapshot-missing',
    category: 'integrity',
    defaultSeverity: 'warning',
    description: 'A migration has no snapshot (meta/<prefix>_snapshot.json, or snapshot.json in a 1.0 folder).',
    help: 'drizzle-kit diffs the schema against the newest snapshot: without it the next `drizzle-kit generate` re-emits this migration\'s changes. Restore the snapshot from git, or delete the migration and generate it again.',
  },
  check(ctx) {
    if (ctx.config.migrations.prefix === 'none' && ctx.head.layout === 'journal') return [];
    const { migrations } = ctx.head;
    const last = migrations[migrations.length - 1];
    return migrations
      .filter((m) => m.snapshot === undefined)
      .map((m) =>
        findingOf(this.meta, {
          message:
            m === last
              ? `${m.tag} is the newest migration and has no snapshot: the next drizzle-kit generate will diff against an older snapshot and emit these changes again`
              : `${m.tag} has no snapshot`,
          // The newest migration's snapshot is what the next generate diffs against: missing it breaks the next migration.
          severity: m === last ? 'error' : undefined,
          ...declarationOf(ctx, m),
          migration: m.tag,
        }),
      );
  },
};
