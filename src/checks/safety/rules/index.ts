// Every safety rule, in the order findings of one statement are reported.

import type { RuleMeta } from '../../../findings.js';
import { addCheckValidating } from './add-check-validating.js';
import { addColumnRequired } from './add-column-required.js';
import { addColumnVolatileDefault } from './add-column-volatile-default.js';
import { addForeignKeyValidating } from './add-foreign-key-validating.js';
import { addPrimaryKey } from './add-primary-key.js';
import { addUniqueConstraint } from './add-unique-constraint.js';
import { alterColumnType } from './alter-column-type.js';
import { concurrentlyInTransaction } from './concurrently-in-transaction.js';
import { createIndexBlocking } from './create-index-blocking.js';
import { deleteAllRows } from './delete-all-rows.js';
import { dropAndAddColumn } from './drop-and-add-column.js';
import { dropColumn } from './drop-column.js';
import { dropIndexBlocking } from './drop-index-blocking.js';
import { dropNotNull } from './drop-not-null.js';
import { dropSchema } from './drop-schema.js';
import { dropTable } from './drop-table.js';
import { enumValueRemoved } from './enum-value-removed.js';
import { enumValueUsedInSameTransaction } from './enum-value-used-in-same-transaction.js';
import { parseError } from './parse-error.js';
import { renameColumn } from './rename-column.js';
import { renameTable } from './rename-table.js';
import { setNotNull } from './set-not-null.js';
import { transactionControl } from './transaction-control.js';
import { truncateTable } from './truncate-table.js';
import { unusedIgnore } from './unused-ignore.js';
import { updateAllRows } from './update-all-rows.js';
import type { SafetyRule } from './types.js';

export const SAFETY_RULES: readonly SafetyRule[] = [
  parseError,
  dropTable,
  dropSchema,
  truncateTable,
  deleteAllRows,
  updateAllRows,
  dropColumn,
  dropAndAddColumn,
  alterColumnType,
  renameColumn,
  renameTable,
  addColumnRequired,
  addColumnVolatileDefault,
  setNotNull,
  dropNotNull,
  createIndexBlocking,
  dropIndexBlocking,
  concurrentlyInTransaction,
  transactionControl,
  addForeignKeyValidating,
  addCheckValidating,
  addUniqueConstraint,
  addPrimaryKey,
  enumValueUsedInSameTransaction,
  enumValueRemoved,
  unusedIgnore,
];

export const SAFETY_RULE_METAS: readonly RuleMeta[] = SAFETY_RULES.map((r) => r.meta);

export { parseError, unusedIgnore };
