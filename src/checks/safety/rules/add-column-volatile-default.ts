import { displayName } from '../ops.js';
import { safetyRule, type SafetyRule } from './types.js';

export const addColumnVolatileDefault: SafetyRule = {
  meta: safetyRule({
    id: 'add-column-volatile-default',
    defaultSeverity: 'warning',
    description: 'ADD COLUMN whose value is computed per row (volatile default such as gen_random_uuid(), serial, identity, stored generated column), or any default before PostgreSQL 11: rewrites the whole table under an ACCESS EXCLUSIVE lock.',
    help: 'Add the column without the default, backfill it in batches, then set the default (`.$defaultFn()` computes it in the application instead).',
  }),
  checkOp(op, state) {
    if (op.kind !== 'add-column' || state.isEmptyTable(op.table)) return undefined;
    const why =
      op.rewrite === 'identity'
        ? 'an identity column'
        : op.rewrite === 'serial'
          ? 'a serial column'
          : op.rewrite === 'generated'
            ? 'a stored generated column'
            : op.default === 'volatile'
              ? 'a volatile default'
              : op.default === 'constant' && state.postgresVersion < 11
                ? `a default (PostgreSQL ${state.postgresVersion} < 11)`
                : undefined;
    if (!why) return undefined;
    return `Column "${op.column}" is added to ${displayName(op.table)} with ${why}: the whole table is rewritten under an ACCESS EXCLUSIVE lock.`;
  },
};
