import { safetyRule, type SafetyRule } from './types.js';

// Reported by suppression handling (suppress.ts) for ignore comments that silenced nothing.
export const unusedIgnore: SafetyRule = {
  meta: safetyRule({
    id: 'unused-ignore',
    defaultSeverity: 'warning',
    description: 'A `drizzle-guard-ignore` comment that silences no finding (stale, misspelled, or on the wrong statement).',
    help: 'Remove the comment, or fix the rule id / move it to the line right before the statement it should silence.',
  }),
};
