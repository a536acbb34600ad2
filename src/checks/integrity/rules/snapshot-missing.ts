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
    const { migrations } = ctx.head;
    const last = migrations[migrations.length - 1];
    if (ctx.config.migrations.prefix === 'none' && ctx.head.layout === 'journal') {
      // drizzle-kit writes meta/_snapshot.json for prefix "none" and then ignores it (names starting with "_").
      return last && migrations.length > 1
        ? [
            findingOf(this.meta, {
              message: `migrations.prefix "none" stores the snapshot as meta/_snapshot.json, which drizzle-kit ignores: every generate diffs against an empty schema and emits the whole schema again`,
              severity: 'error',
              ...declarationOf(ctx, last),
              migration: last.tag,
              help: 'Use migrations.prefix "index" (the default) or "timestamp", so drizzle-kit keeps one snapshot per migration.',
            }),
          ]
        : [];
    }
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
