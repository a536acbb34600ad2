import type { RuleMeta } from '../../../findings.js';

export const appliedMigrationModified: RuleMeta = {
  id: 'applied-migration-modified',
  category: 'pending',
  defaultSeverity: 'warning',
  description:
    "An applied migration's file no longer has the sha256 the database recorded when it ran: the edit will never reach that database, while fresh databases get the edited version.",
  help: 'Restore the file as it was applied (git history) and put the change in a new migration (drizzle-kit generate, or --custom for hand-written SQL).',
};
