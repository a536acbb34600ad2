import { findingOf } from '../../../findings.js';
import { declarationOf, type IntegrityRule } from '../rule.js';

export const journalEntryMissingFile: IntegrityRule = {
  meta: {
    id: 'journal-entry-missing-file',
    category: 'integrity',
    defaultSeverity: 'error',
    description: 'A journal entry (or a 1.0 migration folder) names a SQL file that does not exist.',
    help: "Restore the SQL file from git, or remove the entry and its snapshot with `drizzle-kit drop` — never by hand-editing the journal of a migration that already ran.",
  },
  check(ctx) {
    return ctx.head.migrations
      .filter((m) => m.sql === undefined && m.unreadable === undefined)
      .map((m) =>
        findingOf(this.meta, {
          message: `${m.file} does not exist: drizzle's migrator throws on it and applies no migration at all`,
          ...declarationOf(ctx, m),
          migration: m.tag,
        }),
      );
  },
};
