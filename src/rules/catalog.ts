// Every rule drizzle-guard can report, for the guard config (known ids), SARIF (rule descriptions) and docs.

import { configError, checkCrashed } from '../config/errors.js';
import { integrityRules } from '../checks/integrity/index.js';
import { migrationSqlMismatch } from '../checks/drift/rules/migration-sql-mismatch.js';
import { schemaDrift } from '../checks/drift/rules/schema-drift.js';
import { schemaLoadFailed } from '../checks/drift/rules/schema-load-failed.js';
import { appliedMigrationModified } from '../checks/pending/rules/applied-migration-modified.js';
import { appliedMigrationUnknown } from '../checks/pending/rules/applied-migration-unknown.js';
import { pendingMigrationWillBeSkipped } from '../checks/pending/rules/pending-migration-will-be-skipped.js';
import { pendingMigration } from '../checks/pending/rules/pending-migration.js';
import { replayFailedOnExistingRows } from '../checks/replay/rules/replay-failed-on-existing-rows.js';
import { replayFailed } from '../checks/replay/rules/replay-failed.js';
import { SAFETY_RULE_METAS } from '../checks/safety/rules/index.js';
import type { RuleMeta } from '../findings.js';

export const RULES: readonly RuleMeta[] = [
  configError,
  checkCrashed,
  ...integrityRules.map((r) => r.meta),
  schemaDrift,
  migrationSqlMismatch,
  schemaLoadFailed,
  replayFailed,
  replayFailedOnExistingRows,
  pendingMigration,
  pendingMigrationWillBeSkipped,
  appliedMigrationModified,
  appliedMigrationUnknown,
  ...SAFETY_RULE_METAS,
];
