import { findingOf } from '../../../findings.js';
import type { IntegrityRule } from '../rule.js';

export const fileNotInJournal: IntegrityRule = {
  meta: {
    id: 'file-not-in-journal',
    category: 'integrity',
    defaultSeverity: 'error',
    description: 'A SQL file in the migrations folder has no journal entry: the migrator never runs it.',
    help: "Usually two branches generated the same index. Delete the stray migration and its snapshot, merge the base branch, and run `drizzle-kit generate` again so the change gets the next index and a journal entry; for hand-written SQL use `drizzle-kit generate --custom --name <name>` and paste the SQL into the file it creates.",
  },
  check(ctx) {
    return ctx.head.strayFiles.map((file) =>
      findingOf(this.meta, {
        message: `not in meta/_journal.json: drizzle's migrator ignores this file, so its SQL never runs on any database`,
        file,
        line: 1,
        column: 1,
        migration: file.split('/').pop()!.replace(/\.sql$/, ''),
      }),
    );
  },
};
