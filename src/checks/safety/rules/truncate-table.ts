import { displayName } from '../ops.js';
import { safetyRule, type SafetyRule } from './types.js';

export const truncateTable: SafetyRule = {
  meta: safetyRule({
    id: 'truncate-table',
    defaultSeverity: 'error',
    description: 'TRUNCATE of an existing table in a migration: every row is deleted (and CASCADE empties referencing tables too).',
    help: 'Delete data deliberately in a reviewed data migration (`DELETE … WHERE …`), or suppress this finding with a reason if emptying the table is intended.',
  }),
  checkOp(op, state) {
    if (op.kind !== 'truncate' || state.isEmptyTable(op.table)) return undefined;
    return `Table ${displayName(op.table)} is truncated: all of its rows are deleted.`;
  },
};
