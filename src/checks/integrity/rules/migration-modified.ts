import { findingOf } from '../../../findings.js';
import { lexDialect, lexStatements, type LexDialect } from '../../../model/sql-lexer.js';
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
    const at = base.commit ? ` (base ${base.commit.slice(0, 12)})` : '';
    const dialect = lexDialect(ctx.config.dialect);
    // A migration new in this PR (not in the base's journal) was applied nowhere, whatever file existed before.
    return ctx.head.migrations
      .filter((m) => !m.isNew && base.modified.has(m.file))
      .map((m) => {
        const before = base.modifiedSql?.get(m.file);
        const where = { file: m.file, line: 1, column: 1, migration: m.tag };
        if (before !== undefined && m.sql !== undefined && sqlSignature(before, dialect) === sqlSignature(m.sql, dialect)) {
          return findingOf(this.meta, {
            ...where,
            severity: 'warning',
            message: `changed after it was merged${at}, but only in white space or comments: every database runs the same statements, though the file's hash (which drizzle records) differs`,
          });
        }
        return findingOf(this.meta, {
          ...where,
          message: `changed after it was merged${at}: databases that already applied ${m.tag} will never run the change`,
        });
      });
  },
};

const BREAKPOINT = '--> statement-breakpoint';

/** The statements' tokens, chunk by chunk: equal for two texts that differ only in white space and comments. */
function sqlSignature(text: string, dialect: LexDialect): string {
  // Breakpoints are comments to SQL but split the migrator's statements, so they count.
  return text
    .split(BREAKPOINT)
    .map((chunk) =>
      lexStatements(chunk, { dialect })
        .statements.map((s) => s.tokens.map((t) => `${t.kind}:${t.value}`).join(' '))
        .join(';'),
    )
    .join(`\n${BREAKPOINT}\n`);
}
