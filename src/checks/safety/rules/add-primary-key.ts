import { displayName } from '../ops.js';
import { safetyRule, type SafetyRule } from './types.js';

export const addPrimaryKey: SafetyRule = {
  meta: safetyRule({
    id: 'add-primary-key',
    defaultSeverity: 'warning',
    description: 'ADD PRIMARY KEY on an existing table: builds a unique index (and may set NOT NULL, scanning) under an ACCESS EXCLUSIVE lock.',
    help: 'Build a unique index with `CREATE UNIQUE INDEX CONCURRENTLY` outside the migrator\'s transaction, make the columns NOT NULL safely, then `ADD CONSTRAINT … PRIMARY KEY USING INDEX …`.',
  }),
  checkOp(op, state) {
    if (op.kind !== 'add-constraint' || op.constraint !== 'primary' || op.usingIndex || state.isEmptyTable(op.table)) return undefined;
    return `A primary key is added to ${displayName(op.table)}: its index is built under an ACCESS EXCLUSIVE lock.`;
  },
};
