import { displayName } from '../ops.js';
import { safetyRule, type SafetyRule } from './types.js';

export const dropAndAddColumn: SafetyRule = {
  meta: safetyRule({
    id: 'drop-and-add-column',
    defaultSeverity: 'error',
    description: 'A column dropped and another added to the same existing table in one migration: often a rename that drizzle-kit generated as drop + add, losing the data.',
    help: 'If it is a rename, run `drizzle-kit generate` again and answer the rename prompt ("~ rename column"), or edit the SQL to `ALTER TABLE … RENAME COLUMN …`; if not, split it and drop the old column in a later migration.',
  }),
  checkOp(op, state) {
    if (op.kind !== 'drop-column' || state.isNewTable(op.table)) return undefined;
    const added = state.migrationOps.filter((o) => o.kind === 'add-column' && o.table === op.table);
    if (added.length === 0) return undefined;
    const names = added.map((o) => (o.kind === 'add-column' ? `"${o.column}"` : '')).join(', ');
    return `Column "${op.column}" of ${displayName(op.table)} is dropped while ${names} is added in the same migration: if this is a rename, the data of "${op.column}" is lost.`;
  },
};
