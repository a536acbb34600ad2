// ALTER TABLE (and its RENAME forms) from the PostgreSQL parse tree to ops.

import type { PgNode } from './parser.js';
import type { ConstraintKind, ObjectKey, Op } from './ops.js';

/** Maps a UTF-8 byte location of the parsed text to a file offset (statement start when absent). */
export type Locate = (byteLocation: number | undefined) => number;

const SERIAL_TYPES = new Set(['serial', 'serial2', 'serial4', 'serial8', 'smallserial', 'bigserial']);

/** Functions whose value differs per row: a default calling one rewrites the table. */
export const VOLATILE_FUNCTIONS = new Set([
  'random',
  'gen_random_uuid',
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'uuidv4',
  'uuidv7',
  'clock_timestamp',
  'timeofday',
  'nextval',
  'txid_current',
  'gen_random_bytes',
]);

const CONSTRAINT_KINDS: Record<string, ConstraintKind> = {
  CONSTR_FOREIGN: 'foreign',
  CONSTR_UNIQUE: 'unique',
  CONSTR_PRIMARY: 'primary',
  CONSTR_CHECK: 'check',
  CONSTR_EXCLUSION: 'exclusion',
};

export function relationKey(relation: PgNode | undefined): ObjectKey | undefined {
  if (!relation?.relname) return undefined;
  return `${relation.schemaname ?? 'public'}.${relation.relname}`;
}

/** `clauseAt(i)`: file offset of the i-th sub-command (the tree gives most commands no location). */
export function opsOfAlterTable(stmt: PgNode, locate: Locate, clauseAt: (i: number) => number): Op[] {
  if (stmt.RenameStmt) return opsOfRename(stmt.RenameStmt, clauseAt(0));
  const alter = stmt.AlterTableStmt;
  if (!alter || alter.objtype !== 'OBJECT_TABLE') return [];
  const table = relationKey(alter.relation);
  if (!table) return [];
  const ops: Op[] = [];
  (alter.cmds ?? []).forEach((item: PgNode, i: number) => {
    const cmd = item.AlterTableCmd;
    if (!cmd) return;
    const at = clauseAt(i);
    switch (cmd.subtype) {
      case 'AT_AddColumn':
        ops.push(...opsOfAddColumn(table, cmd.def?.ColumnDef ?? {}, at, locate));
        break;
      case 'AT_DropColumn':
        ops.push({ kind: 'drop-column', table, column: cmd.name, ...(cmd.missing_ok ? { ifExists: true } : {}), at });
        break;
      case 'AT_ValidateConstraint':
        ops.push({ kind: 'validate-constraint', table, name: cmd.name, at });
        break;
      case 'AT_DetachPartition':
        if (cmd.def?.PartitionCmd?.concurrent) ops.push({ kind: 'outside-transaction', statement: 'DETACH PARTITION … CONCURRENTLY', at });
        break;
      case 'AT_AlterColumnType': {
        const def = cmd.def?.ColumnDef ?? {};
        ops.push({
          kind: 'alter-column-type',
          table,
          column: cmd.name,
          type: typeNameText(def.typeName),
          using: def.raw_default !== undefined,
          ...(def.collClause ? { collate: (def.collClause.collname ?? []).map((n: PgNode) => n.String?.sval).join('.') } : {}),
          at,
        });
        break;
      }
      case 'AT_SetNotNull':
        ops.push({ kind: 'set-not-null', table, column: cmd.name, at });
        break;
      case 'AT_DropNotNull':
        ops.push({ kind: 'drop-not-null', table, column: cmd.name, at });
        break;
      case 'AT_AddConstraint': {
        const op = constraintOp(table, cmd.def?.Constraint, () => at);
        if (op) ops.push(op);
        break;
      }
    }
  });
  return ops;
}

function opsOfRename(rename: PgNode, at: number): Op[] {
  const table = relationKey(rename.relation);
  if (!table) return [];
  if (rename.renameType === 'OBJECT_TABLE') {
    const schema = table.slice(0, table.indexOf('.'));
    return [{ kind: 'rename-table', table, to: `${schema}.${rename.newname}`, at }];
  }
  if (rename.renameType === 'OBJECT_COLUMN' && rename.relationType === 'OBJECT_TABLE') {
    return [{ kind: 'rename-column', table, column: rename.subname, to: rename.newname, at }];
  }
  return [];
}

function opsOfAddColumn(table: ObjectKey, def: PgNode, at: number, locate: Locate): Op[] {
  const constraints: PgNode[] = (def.constraints ?? []).map((c: PgNode) => c.Constraint ?? {});
  const typeName: string[] = (def.typeName?.names ?? []).map((n: PgNode) => n.String?.sval);
  const defaultExpr = constraints.find((c) => c.contype === 'CONSTR_DEFAULT')?.raw_expr;
  const rewrite = constraints.some((c) => c.contype === 'CONSTR_IDENTITY')
    ? 'identity'
    : constraints.some((c) => c.contype === 'CONSTR_GENERATED')
      ? 'generated'
      : SERIAL_TYPES.has(typeName[typeName.length - 1] ?? '')
        ? 'serial'
        : undefined;
  const ops: Op[] = [
    {
      kind: 'add-column',
      table,
      column: def.colname,
      type: typeNameText(def.typeName),
      // An inline PRIMARY KEY implies NOT NULL.
      notNull: constraints.some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY'),
      ...(defaultExpr !== undefined ? { default: isVolatile(defaultExpr) ? 'volatile' : 'constant' } : {}),
      ...(rewrite ? { rewrite } : {}),
      at,
    } as Op,
  ];
  for (const c of constraints) {
    const op = constraintOp(table, c, locate);
    if (op) ops.push(op);
  }
  return ops;
}

function constraintOp(table: ObjectKey, c: PgNode | undefined, locate: Locate): Op | undefined {
  const constraint = c && CONSTRAINT_KINDS[c.contype];
  if (!c || !constraint) return undefined;
  return {
    kind: 'add-constraint',
    table,
    constraint,
    ...(c.conname ? { name: c.conname } : {}),
    notValid: c.skip_validation === true,
    usingIndex: c.indexname !== undefined,
    at: locate(c.location),
  };
}

/** True when the expression calls a volatile function anywhere. */
function isVolatile(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(isVolatile);
  if (node === null || typeof node !== 'object') return false;
  const call = (node as PgNode).FuncCall;
  if (call) {
    const names: string[] = (call.funcname ?? []).map((n: PgNode) => n.String?.sval);
    if (VOLATILE_FUNCTIONS.has(names[names.length - 1] ?? '')) return true;
  }
  return Object.values(node).some(isVolatile);
}

/** `varchar(10)`, `numeric(10,2)`, `text[]`, `"public"."mood"` from a TypeName node. */
export function typeNameText(typeName: PgNode | undefined): string {
  if (!typeName) return '?';
  const names: string[] = (typeName.names ?? []).map((n: PgNode) => n.String?.sval);
  const shown = names[0] === 'pg_catalog' ? names.slice(1) : names;
  const mods: string[] = (typeName.typmods ?? []).map((m: PgNode) => String(m.A_Const?.ival?.ival ?? m.A_Const?.sval?.sval ?? '?'));
  const array = typeName.arrayBounds ? '[]'.repeat(typeName.arrayBounds.length) : '';
  return `${shown.join('.')}${mods.length ? `(${mods.join(',')})` : ''}${array}`;
}
