import { findingOf } from '../../../findings.js';
import type { IntegrityRule } from '../rule.js';

export const migrationModified: IntegrityRule = {
  meta: {
    id: 'migration-modified',
    category: 'integrity',
    defaultSeverity: 'error',
    description: 'A migration that already exists at the base commit was edited.',
    help: "Databases that already ran this migration never run the edit (drizzle's migrator does not compare hashes), while fresh databases do: environments diverge. Revert the edit and put the change in a new migration (`drizzle-kit generate`, or `drizzle-kit generate --custom` for hand-written SQL).",
  },
  check(ctx) {
    const base = ctx.base;
    if (!base) return [];
    return ctx.head.migrations
      .filter((m) => base.modified.has(m.file))
      .map((m) =>
        findingOf(this.meta, {
          message: `changed after it was merged${base.commit ? ` (base ${base.commit.slice(0, 12)})` : ''}: databases that already applied ${m.tag} will never run the change`,
          file: m.file,
          line: 1,
          column: 1,
          migration: m.tag,
        }),
      );
  },
};
