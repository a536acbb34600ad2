import type { RuleMeta } from '../../../findings.js';

export const pendingMigrationWillBeSkipped: RuleMeta = {
  id: 'pending-migration-will-be-skipped',
  category: 'pending',
  defaultSeverity: 'error',
  description:
    "A migration is not applied, but its journal `when` is not later than the newest applied migration's created_at: drizzle's migrator will silently never run it.",
  help:
    'Give the migration a `when` later than every applied one: delete it and re-create it on top of the current history (drizzle-kit generate, ' +
    'or drizzle-kit generate --custom for hand-written SQL), or raise its `when` in meta/_journal.json above the newest applied created_at.',
};
