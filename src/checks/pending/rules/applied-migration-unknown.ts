import type { RuleMeta } from '../../../findings.js';

export const appliedMigrationUnknown: RuleMeta = {
  id: 'applied-migration-unknown',
  category: 'pending',
  defaultSeverity: 'warning',
  description:
    'The database records an applied migration that no journal entry matches (no migration has its `when`): a migration was deleted or renumbered, or another branch was deployed.',
  help:
    'Find the branch or commit that holds it and merge it back, or write a new migration that reverts its effect; never delete a migration that is applied somewhere.',
};
