// Every rule drizzle-guard can report, for the guard config (known ids), SARIF (rule descriptions) and docs.

import { migrationSqlMismatch } from '../checks/drift/rules/migration-sql-mismatch.js';
import { schemaDrift } from '../checks/drift/rules/schema-drift.js';
import { schemaLoadFailed } from '../checks/drift/rules/schema-load-failed.js';
import { integrityRules } from '../checks/integrity/index.js';
import { pendingRules } from '../checks/pending/index.js';
import { replayRules } from '../checks/replay/index.js';
import { SAFETY_RULE_METAS } from '../checks/safety/rules/index.js';
import { checkCrashed, configError } from '../config/errors.js';
import type { RuleMeta } from '../findings.js';

export const RULES: readonly RuleMeta[] = [
  configError,
  checkCrashed,
  ...integrityRules.map((r) => r.meta),
  schemaDrift,
  migrationSqlMismatch,
  schemaLoadFailed,
  ...replayRules,
  ...pendingRules,
  ...SAFETY_RULE_METAS,
];
