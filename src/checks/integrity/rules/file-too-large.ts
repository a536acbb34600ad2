import { findingOf } from '../../../findings.js';
import { formatSize } from '../../../model/folder.js';
import type { IntegrityRule } from '../rule.js';

export const fileTooLarge: IntegrityRule = {
  meta: {
    id: 'file-too-large',
    category: 'integrity',
    defaultSeverity: 'error',
    description: 'A SQL file, journal or snapshot is larger than its size limit: it is not read, so nothing in it is checked.',
    help: 'Keep migrations to DDL as `drizzle-kit generate` writes it; move data loads out of the migrations folder (a seed script, or COPY from a file the deploy provides).',
  },
  check(ctx) {
    return ctx.head.skipped
      .filter((s) => s.size !== undefined && s.limit !== undefined)
      .map((s) =>
        findingOf(this.meta, {
          message: `${s.file} is ${formatSize(s.size!)} (${s.size} bytes), over the ${formatSize(s.limit!)} limit: it was not read, so nothing in it is checked`,
          file: s.file,
          migration: ctx.head.migrations.find((m) => m.file === s.file || m.snapshot?.file === s.file)?.tag,
        }),
      );
  },
};
