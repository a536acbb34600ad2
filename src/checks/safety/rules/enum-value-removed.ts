import { displayName } from '../ops.js';
import { safetyRule, type SafetyRule } from './types.js';

export const enumValueRemoved: SafetyRule = {
  meta: safetyRule({
    id: 'enum-value-removed',
    defaultSeverity: 'error',
    description: 'An existing enum is dropped and re-created with fewer values (drizzle-kit\'s way to remove a value): the `USING col::type` cast fails on any row that holds a removed value.',
    help: 'First migrate the rows away from the removed values (`UPDATE … SET col = \'other\' WHERE col = \'old\'`) in an earlier migration and deploy code that no longer writes them; then remove the value.',
  }),
  checkOp(op, state) {
    if (op.kind !== 'drop-type' || state.isNewType(op.type)) return undefined;
    const recreated = state.migrationOps.find((o) => o.kind === 'create-enum' && o.type === op.type && o.at > op.at);
    if (!recreated || recreated.kind !== 'create-enum') return undefined;
    const before = state.enumValuesBefore(op.type);
    if (before === undefined) {
      return `Enum ${displayName(op.type)} is dropped and re-created: rows holding a value that is no longer listed make the migration fail.`;
    }
    const removed = before.filter((v) => !recreated.values.includes(v));
    if (removed.length === 0) return undefined;
    return `Enum ${displayName(op.type)} is re-created without ${removed.map((v) => `'${v}'`).join(', ')}: rows holding ${removed.length === 1 ? 'it' : 'them'} make the migration fail.`;
  },
};
