import { displayName } from '../ops.js';
import { safetyRule, type SafetyRule } from './types.js';

export const alterColumnType: SafetyRule = {
  meta: safetyRule({
    id: 'alter-column-type',
    defaultSeverity: 'warning',
    description: 'Changing a column type on an existing table: usually rewrites the table under an ACCESS EXCLUSIVE lock, and fails on values that do not convert.',
    help: 'Add a new column of the new type, write both, backfill in batches, switch reads, then drop the old column (expand/contract). Widening varchar(n) or varchar → text does not rewrite.',
  }),
  checkOp(op, state) {
    if (op.kind !== 'alter-column-type' || state.isNewTable(op.table)) return undefined;
    // A column added or retyped earlier in this migration has that type now, not the snapshot's.
    const earlier = state.migrationOps.filter(
      (o) => (o.kind === 'alter-column-type' || o.kind === 'add-column') && o.table === op.table && o.column === op.column && o.at < op.at,
    );
    const last = earlier[earlier.length - 1];
    const before = last?.kind === 'alter-column-type' || last?.kind === 'add-column' ? last.type : state.columnTypeBefore(op.table, op.column);
    if (op.collate !== undefined && before !== undefined && sameType(before, op.type)) {
      return `Column "${op.column}" of ${displayName(op.table)} changes collation to "${op.collate}": its indexes are rebuilt under an ACCESS EXCLUSIVE lock.`;
    }
    if (before !== undefined && (sameType(before, op.type) || isBinaryCoercible(before, op.type))) return undefined;
    const change = before !== undefined ? `from ${before} to ${op.type}` : `to ${op.type}`;
    const notes: string[] = [];
    if (before !== undefined && isVarcharShrink(before, op.type)) notes.push('the new length is shorter: longer values make it fail');
    if (state.dialect === 'postgresql' && !op.using) {
      notes.push('there is no USING clause: it fails unless the old type casts implicitly to the new one');
    }
    const rewrite = state.dialect === 'postgresql' ? ' rewrites the table under an ACCESS EXCLUSIVE lock' : ' may rebuild the table';
    return `Column "${op.column}" of ${displayName(op.table)} changes type ${change}: this${rewrite}${notes.length ? `; ${notes.join('; ')}` : ''}.`;
  },
};

function sameType(a: string, b: string): boolean {
  const norm = (t: string) => t.toLowerCase().replace(/\s+/g, '').replace(/"/g, '');
  return norm(a) === norm(b);
}

const VARCHAR = /^(?:varchar|character varying)\((\d+)\)$/i;

/** Changes PostgreSQL makes without a rewrite: varchar widening and varchar → text. */
function isBinaryCoercible(from: string, to: string): boolean {
  const f = VARCHAR.exec(from.trim());
  if (!f) return false;
  if (/^text$/i.test(to.trim()) || /^(?:varchar|character varying)$/i.test(to.trim())) return true;
  const t = VARCHAR.exec(to.trim());
  return t !== null && Number(t[1]) >= Number(f[1]);
}

function isVarcharShrink(from: string, to: string): boolean {
  const t = VARCHAR.exec(to.trim());
  if (!t) return false;
  const f = VARCHAR.exec(from.trim());
  return f ? Number(t[1]) < Number(f[1]) : /^(?:text|varchar|character varying)$/i.test(from.trim());
}
