import type { RuleMeta } from '../../../findings.js';

export const schemaDrift: RuleMeta = {
  id: 'schema-drift',
  category: 'drift',
  defaultSeverity: 'error',
  description: 'The TypeScript schema differs from the latest committed snapshot: a schema change was pushed without `drizzle-kit generate`.',
  help: 'Run `npx drizzle-kit generate` locally (answer its rename questions if any), review the new migration and commit it together with its snapshot.',
};
