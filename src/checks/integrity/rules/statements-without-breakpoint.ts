import { findingOf, type Finding } from '../../../findings.js';
import { SourceText } from '../../../model/source.js';
import { lexChunk, lexDialect } from '../../../model/sql-lexer.js';
import type { IntegrityRule } from '../rule.js';

export const statementsWithoutBreakpoint: IntegrityRule = {
  meta: {
    id: 'statements-without-breakpoint',
    category: 'integrity',
    defaultSeverity: 'warning',
    description: 'Several SQL statements sit in one chunk with no `--> statement-breakpoint` between them.',
    help: "drizzle's migrator sends each chunk as one query. node-postgres accepts several statements in one query, but PGlite, postgres.js prepared statements, Neon HTTP, MySQL and SQLite drivers reject them. Put `--> statement-breakpoint` after every statement (as drizzle-kit generate does).",
  },
  check(ctx) {
    const { dialect } = ctx.config;
    const lexical = lexDialect(dialect);
    // PostgreSQL over node-postgres runs multi-statement chunks; every MySQL and SQLite driver fails on them.
    const severity = dialect === 'postgresql' ? undefined : 'error';
    const findings: Finding[] = [];
    // With a base, only what the change adds or edits: older files were checked when they were new.
    const changed = (m: (typeof ctx.head.migrations)[number]) => !ctx.base || m.isNew || ctx.base.modified.has(m.file);
    for (const m of ctx.head.migrations) {
      if (m.sql === undefined || !changed(m)) continue;
      let source: SourceText | undefined;
      for (const st of m.statements) {
        const { statements } = lexChunk(st, lexical);
        if (statements.length < 2) continue;
        source ??= new SourceText(m.sql);
        const second = source.positionAt(st.offset + statements[1]!.start);
        findings.push(
          findingOf(this.meta, {
            message: `${statements.length} statements in one chunk without a breakpoint between them`,
            severity,
            file: m.file,
            ...second,
            migration: m.tag,
          }),
        );
      }
    }
    return findings;
  },
};
