import { displayName } from '../ops.js';
import { safetyRule, type RuleHit, type SafetyRule } from './types.js';

export const enumValueUsedInSameTransaction: SafetyRule = {
  meta: safetyRule({
    id: 'enum-value-used-in-same-transaction',
    defaultSeverity: 'error',
    description: 'A value added with ALTER TYPE … ADD VALUE is used before the transaction commits: PostgreSQL fails with "unsafe use of new value". Drizzle\'s migrator runs all pending migrations in one transaction.',
    help: 'Use the new value (defaults, backfills, casts) in a later deploy, after the migration that adds it has been applied; or end the transaction with a `COMMIT;` chunk of its own right after the ADD VALUE (see transaction-control: what follows runs in autocommit and must be idempotent, since a failure leaves the migration unrecorded).',
  }),
  checkStatement(statement, state) {
    if (state.dialect !== 'postgresql' || state.uncommittedEnumValues.size === 0) return [];
    // Type definitions name values (another enum getting the same value, BEFORE/AFTER neighbours): not uses.
    const [first, second] = statement.tokens;
    if ((first?.value === 'ALTER' || first?.value === 'CREATE') && second?.value === 'TYPE') return [];
    const hits: RuleHit[] = [];
    for (const t of statement.tokens) {
      if (t.kind !== 'string') continue;
      const added = state.uncommittedEnumValues.get(t.value);
      if (!added) continue;
      hits.push({
        at: statement.base + t.start,
        message: `'${t.value}' was added to enum ${displayName(added.type)} in the same transaction: using it before COMMIT fails with "unsafe use of new value".`,
      });
    }
    return hits;
  },
};
