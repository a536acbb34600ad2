import { safetyRule, type SafetyRule } from './types.js';

// Reported by the linter itself (index.ts) when PostgreSQL's parser rejects a statement.
export const parseError: SafetyRule = {
  meta: safetyRule({
    id: 'parse-error',
    defaultSeverity: 'error',
    description: "A statement that PostgreSQL's own parser rejects: the migration fails when it reaches it.",
    help: 'Fix the SQL (run it against a scratch database); if the migration is hand-written, check for a missing `;` or `--> statement-breakpoint`.',
  }),
};
