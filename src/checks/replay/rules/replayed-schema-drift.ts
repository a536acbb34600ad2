import type { RuleMeta } from '../../../findings.js';

export const replayedSchemaDrift: RuleMeta = {
  id: 'replayed-schema-drift',
  category: 'drift',
  defaultSeverity: 'error',
  description:
    'The database the replayed migrations build differs from the one the latest snapshot (and so the TypeScript schema) declares: migration SQL was edited by hand.',
  help:
    'Make the SQL build what the schema declares: undo the hand edit and regenerate with `drizzle-kit generate`, or, if the edit is intended, ' +
    'change the TypeScript schema to match and run `drizzle-kit generate` so the snapshot records it.',
};
