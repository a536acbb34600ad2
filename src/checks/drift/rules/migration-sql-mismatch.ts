import type { RuleMeta } from '../../../findings.js';

export const migrationSqlMismatch: RuleMeta = {
  id: 'migration-sql-mismatch',
  category: 'drift',
  defaultSeverity: 'warning',
  description: "A new migration's SQL differs from what drizzle-kit generates between its previous snapshot and its own: the file was edited by hand.",
  help: 'Keep schema changes in the TypeScript schema and let `drizzle-kit generate` write them; put hand-written SQL (data backfills, extensions) in its own `drizzle-kit generate --custom` migration.',
};
