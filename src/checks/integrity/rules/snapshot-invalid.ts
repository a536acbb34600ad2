import { findingOf } from '../../../findings.js';
import type { IntegrityRule } from '../rule.js';

export const snapshotInvalid: IntegrityRule = {
  meta: {
    id: 'snapshot-invalid',
    category: 'integrity',
    defaultSeverity: 'error',
    description: 'A snapshot is not valid JSON, has merge-conflict markers, or has no id.',
    help: 'drizzle-kit refuses to generate or check while any snapshot is malformed. Restore the file from the base branch, then re-run `drizzle-kit generate` for your change instead of merging snapshot JSON by hand.',
  },
  check(ctx) {
    // A snapshot left unread (too large, outside the repository) is reported by file-too-large or file-unreadable.
    const skipped = new Set(ctx.head.skipped.map((s) => s.file));
    return ctx.head.snapshots
      .filter((s) => s.error && !skipped.has(s.file))
      .map((s) =>
        findingOf(this.meta, {
          message: `snapshot ${s.error!.message}: drizzle-kit generate and check stop on it`,
          file: s.file,
          ...s.error!.position,
          migration: ctx.head.migrations.find((m) => m.snapshot === s)?.tag,
        }),
      );
  },
};
