import type { RuleMeta } from '../../../findings.js';

export const pendingMigration: RuleMeta = {
  id: 'pending-migration',
  category: 'pending',
  defaultSeverity: 'error',
  description: 'A journaled migration is not applied to the database given with --database-url yet.',
  help: 'Deploy it: run your migration step (drizzle-kit migrate, or migrate() from drizzle-orm/<driver>/migrator) against that database.',
};
