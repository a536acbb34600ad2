import { displayName } from '../ops.js';
import { safetyRule, type SafetyRule } from './types.js';

export const alterColumnType: SafetyRule = {
  meta: safetyRule({
    id: 'alter-column-type',
    defaultSeverity: 'warning',
    description: 'Changing a column type on an existing table: usually rewrites the table under an ACCESS EXCLUSIVE lock, and fails on values that do not convert.',
    help: 'Add a new column of the new type, write both, backfill in batches, switch reads, then drop the old column (expand/contract). Changes that never rewrite are not reported: varchar ↔ text, a longer varchar / timestamp / time precision, numeric(p,s) → numeric(q > p, s), vector(n) → vector. timestamp → timestamptz rewrites unless the TimeZone is UTC.',
  }),
  checkOp(op, state) {
    if (op.kind !== 'alter-column-type' || state.isEmptyTable(op.table)) return undefined;
    // A column added or retyped earlier in this migration has that type now, not the snapshot's.
    const earlier = state.migrationOps.filter(
      (o) => (o.kind === 'alter-column-type' || o.kind === 'add-column') && o.table === op.table && o.column === op.column && o.at < op.at,
    );
    const last = earlier[earlier.length - 1];
    const before = last?.kind === 'alter-column-type' || last?.kind === 'add-column' ? last.type : state.columnTypeBefore(op.table, op.column);
    if (op.collate !== undefined && before !== undefined && sameType(before, op.type)) {
      return `Column "${op.column}" of ${displayName(op.table)} changes collation to "${op.collate}": its indexes are rebuilt under an ACCESS EXCLUSIVE lock.`;
    }
    if (before !== undefined && sameType(before, op.type)) return undefined;
    if (before !== undefined && isBinaryCoercible(before, op.type, state.dialect === 'postgresql')) {
      // The table keeps its file, but a partial or expression index that uses the column is rebuilt.
      const rebuilt = state.dialect === 'postgresql' ? state.indexesUsingBefore(op.table, op.column) : [];
      if (rebuilt.length === 0) return undefined;
      return `Column "${op.column}" of ${displayName(op.table)} changes type from ${before} to ${op.type}: the table is not rewritten, but ${rebuilt.length === 1 ? 'index' : 'indexes'} ${rebuilt.map((i) => `"${i}"`).join(', ')} (partial or on an expression, and using the column) ${rebuilt.length === 1 ? 'is' : 'are'} rebuilt under the ACCESS EXCLUSIVE lock, reading the whole table.`;
    }
    const change = before !== undefined ? `from ${before} to ${op.type}` : `to ${op.type}`;
    if (state.dialect === 'postgresql' && state.postgresVersion >= 12 && before !== undefined && isTimestampToTimestamptz(before, op.type)) {
      return `Column "${op.column}" of ${displayName(op.table)} changes type ${change}: PostgreSQL rewrites the table under an ACCESS EXCLUSIVE lock unless the session's TimeZone is UTC (then it only relabels the values, reading them as UTC). Check the TimeZone the migration runs with (\`SHOW TimeZone\`).`;
    }
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
  const x = typeOf(a);
  const y = typeOf(b);
  return x.name === y.name && x.mods.join(',') === y.mods.join(',') && x.array === y.array;
}

interface TypeParts {
  name: string;
  mods: number[];
  array: boolean;
}

const SYNONYMS: Record<string, string> = {
  'character varying': 'varchar',
  'timestamp with time zone': 'timestamptz',
  'timestamp without time zone': 'timestamp',
  'time with time zone': 'timetz',
  'time without time zone': 'time',
  decimal: 'numeric',
  integer: 'int4',
  int: 'int4',
  bigint: 'int8',
  smallint: 'int2',
  boolean: 'bool',
};

/** `varchar(255)`, `character varying(255)`, `timestamp (3) with time zone`, `numeric(10, 2)`, `"public"."vector"(3)`. */
function typeOf(type: string): TypeParts {
  let t = type.toLowerCase().replace(/"/g, '').replace(/\s+/g, ' ').trim();
  const array = t.endsWith('[]');
  if (array) t = t.replace(/(\[\])+$/, '');
  let mods: number[] = [];
  // The modifiers may stand before "with time zone".
  t = t.replace(/\s*\(([\d\s,]+)\)/, (_m, list: string) => {
    mods = list.split(',').map((n) => Number(n.trim()));
    return '';
  });
  t = t.replace(/^(public|pg_catalog)\./, '').trim();
  return { name: SYNONYMS[t] ?? t, mods, array };
}

/** Types whose length or precision can grow without a rewrite (PostgreSQL's length-coercion support functions). */
const GROWABLE = new Set(['varchar', 'timestamp', 'timestamptz', 'time', 'timetz', 'interval', 'bit varying', 'varbit']);

/**
 * Changes PostgreSQL makes without rewriting the table or checking a row (verified on PostgreSQL 15):
 * varchar ↔ text (no length), a varchar / timestamp / time precision that grows or goes, numeric
 * precision that grows with the same scale, and vector(n) → vector.
 */
function isBinaryCoercible(from: string, to: string, postgres: boolean): boolean {
  const f = typeOf(from);
  const t = typeOf(to);
  if (f.array !== t.array) return false;
  // MySQL / SQLite: only a varchar growing (or becoming text) is taken as cheap, as before.
  if (!postgres && (f.name !== 'varchar' || f.mods.length === 0)) return false;
  const text = (p: TypeParts) => p.name === 'text' || (p.name === 'varchar' && p.mods.length === 0);
  if (t.name === 'text' || (t.name === 'varchar' && t.mods.length === 0)) return f.name === 'varchar' || text(f);
  if (f.name !== t.name) return false;
  if (t.mods.length === 0) return GROWABLE.has(f.name) || f.name === 'numeric' || f.name === 'vector';
  if (f.mods.length === 0) return false;
  if (GROWABLE.has(f.name)) return t.mods[0]! >= f.mods[0]!;
  if (f.name === 'numeric') return t.mods[0]! >= f.mods[0]! && (t.mods[1] ?? 0) === (f.mods[1] ?? 0);
  return false;
}

function isVarcharShrink(from: string, to: string): boolean {
  const t = typeOf(to);
  if (t.name !== 'varchar' || t.mods.length === 0) return false;
  const f = typeOf(from);
  if (f.name === 'text' || (f.name === 'varchar' && f.mods.length === 0)) return true;
  return f.name === 'varchar' && t.mods[0]! < f.mods[0]!;
}

/** timestamp → timestamptz: PostgreSQL 12+ skips the rewrite when the session's TimeZone is UTC. */
function isTimestampToTimestamptz(from: string, to: string): boolean {
  const f = typeOf(from);
  const t = typeOf(to);
  return f.name === 'timestamp' && t.name === 'timestamptz' && f.array === t.array && (t.mods.length === 0 || (f.mods.length > 0 && t.mods[0]! >= f.mods[0]!));
}
