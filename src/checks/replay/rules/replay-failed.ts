import type { RuleMeta } from '../../../findings.js';

export const replayFailed: RuleMeta = {
  id: 'replay-failed',
  category: 'replay',
  defaultSeverity: 'error',
  description: 'A migration statement fails when the migrations are replayed on a real (embedded) PostgreSQL the way drizzle\'s migrator applies them.',
  help:
    'Fix the SQL of the new migration so it runs after the migrations before it (drizzle-kit generate --custom for hand-written SQL), ' +
    'then re-run the check. Never edit a migration that is already applied somewhere: add a new one.',
};
