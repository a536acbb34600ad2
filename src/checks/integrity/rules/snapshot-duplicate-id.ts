import { findingOf } from '../../../findings.js';
import type { IntegrityRule } from '../rule.js';

export const snapshotDuplicateId: IntegrityRule = {
  meta: {
    id: 'snapshot-duplicate-id',
    category: 'integrity',
    defaultSeverity: 'warning',
    description: 'Two snapshot files carry the same `id` (a copied snapshot).',
    help: 'A snapshot was copied instead of generated, so the chain is ambiguous. Give the later snapshot a fresh UUID (and point the next snapshot\'s prevId at it), or regenerate the migration with `drizzle-kit generate`.',
  },
  check(ctx) {
    const firstById = new Map<string, string>();
    return ctx.head.snapshots.flatMap((s) => {
      if (s.id === undefined) return [];
      const first = firstById.get(s.id);
      if (first === undefined) {
        firstById.set(s.id, s.file);
        return [];
      }
      return [findingOf(this.meta, { message: `same id ${s.id} as ${first}`, file: s.file, ...(s.idPosition ?? { line: 1, column: 1 }), migration: ctx.head.migrations.find((m) => m.snapshot === s)?.tag })];
    });
  },
};
