// Findings of the config category: the check could not run.

import type { RuleMeta } from '../findings.js';

export const configError: RuleMeta = {
  id: 'config-error',
  category: 'config',
  defaultSeverity: 'error',
  description: 'The check could not run: a missing or invalid config, migrations folder, base commit or option.',
  help: 'Fix the configuration named in the message; `drizzle-guard check --help` lists the options.',
};

export const checkCrashed: RuleMeta = {
  id: 'check-crashed',
  category: 'config',
  defaultSeverity: 'error',
  description: 'A check stopped on an unexpected error (a bug in drizzle-guard: please report it).',
  help: 'Re-run with the failing check disabled (--no-drift, --no-lint, --no-replay) and report the message.',
};
