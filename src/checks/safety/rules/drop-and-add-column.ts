import type { OpOf } from '../ops.js';
import { isNoDataDrop } from './drop-column.js';
import { displayName } from '../ops.js';
import { safetyRule, type LintState, type SafetyRule } from './types.js';

export const dropAndAddColumn: SafetyRule = {
  meta: safetyRule({
    id: 'drop-and-add-column',
    defaultSeverity: 'error',
    description: 'One column dropped and one column of the same type added to the same existing table in one migration, with no statement copying the data: the shape of a rename that drizzle-kit generated as drop + add, losing the data.',
    help: 'If it is a rename, run `drizzle-kit generate` again and answer the rename prompt ("~ rename column"), or edit the SQL to `ALTER TABLE … RENAME COLUMN …`; if not, copy the data first or drop the old column in a later migration.',
  }),
  checkOp(op, state) {
    if (op.kind !== 'drop-column' || isNoDataDrop(op, state)) return undefined;
    const sameTable = <K extends 'add-column' | 'drop-column'>(kind: K) =>
      state.migrationOps.filter((o): o is OpOf<K> => o.kind === kind && o.table === op.table);
    const added = sameTable('add-column');
    // A rename pairs one old column with one new one; several on either side is a redesign.
    if (added.length !== 1 || sameTable('drop-column').length !== 1) return undefined;
    const add = added[0]!;
    const before = state.columnTypeBefore(op.table, op.column);
    if (before !== undefined && add.type !== undefined && canonicalType(before) !== canonicalType(add.type)) return undefined;
    if (copiesData(state, op.column)) return undefined;
    return `Column "${op.column}" of ${displayName(op.table)} is dropped and "${add.column}"${before ? ` (also ${before})` : ''} is added in the same migration, with nothing copying the data: if this is a rename, the data of "${op.column}" is lost.`;
  },
};

const DATA_STATEMENTS = new Set(['UPDATE', 'INSERT', 'WITH', 'DO', 'CALL', 'SELECT']);

/** True when a data statement (UPDATE, INSERT, DO block…) of the migration mentions the column. */
function copiesData(state: LintState, column: string): boolean {
  return state.migrationStatements.some((s) => {
    const first = s.tokens[0];
    if (!first || first.kind !== 'word' || !DATA_STATEMENTS.has(first.value)) return false;
    return s.tokens.some(
      (t) => (t.kind === 'ident' && t.value === column) || (t.kind === 'word' && t.value === column.toUpperCase()) || (t.kind === 'string' && t.value.includes(column)),
    );
  });
}

const ALIASES: Record<string, string> = {
  bool: 'boolean',
  int4: 'integer',
  int: 'integer',
  int8: 'bigint',
  int2: 'smallint',
  float8: 'double precision',
  float4: 'real',
  timestamptz: 'timestamp with time zone',
  timetz: 'time with time zone',
  'character varying': 'varchar',
};

function canonicalType(type: string): string {
  const t = type.toLowerCase().replace(/"/g, '').replace(/^public\./, '').trim();
  const m = /^([a-z0-9_ ]+?)\s*(\(.*)?$/.exec(t);
  if (!m) return t;
  return `${ALIASES[m[1]!] ?? m[1]}${m[2] ?? ''}`.replace(/\s+/g, ' ');
}
