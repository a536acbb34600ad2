// The schema before a migration whose predecessors lack snapshots: the nearest earlier snapshot, with the
// ops of the migrations since then applied on top. A hand-written migration added to the journal without
// drizzle-kit has no snapshot (kaneo's 0006 renames a column); judged from the snapshot before it alone,
// the next migration would still see the column under its old name.

import type { SnapshotLookups } from './lint.js';
import { nameOf, schemaOf, type ObjectKey, type Op } from './ops.js';

interface ColumnState {
  /** The snapshot's name of the column (renamed or changed since); absent: added since. */
  origin?: string;
  /** Set once an op states it; otherwise the snapshot's (through `origin`). */
  type?: string;
  notNull?: boolean;
}

interface TableState {
  /** The snapshot's key of the table (renamed or changed since); absent: created since, its columns unknown. */
  origin?: ObjectKey;
  /** Columns changed since, by their name now; null: the column is gone (dropped, or renamed away). */
  columns: Map<string, ColumnState | null>;
}

/**
 * `base` (the nearest earlier snapshot) with `ops` (the statements of the migrations since, in order)
 * applied: what those migrations created, dropped, renamed, retyped or made NOT NULL is answered from
 * them; everything else from the snapshot. What the ops do not say stays unknown (undefined), as it is
 * without a snapshot: the columns of a table created since, the enum values of a type the snapshot lacks.
 */
export class SchemaOverlay implements SnapshotLookups {
  /** Tables changed since, by their key now; null: gone (dropped, or renamed away). */
  private readonly tables = new Map<ObjectKey, TableState | null>();
  /** A snapshot table's key → its key now (null: gone), once it was renamed or dropped. */
  private readonly baseToNow = new Map<ObjectKey, ObjectKey | null>();
  private readonly droppedSchemas = new Set<string>();
  /** Enum types changed since; null: dropped. */
  private readonly enums = new Map<ObjectKey, string[] | null>();
  /** Indexes (`schema.name`) built or dropped since. */
  private readonly indexesBuilt = new Set<ObjectKey>();
  private readonly indexesDropped = new Set<ObjectKey>();

  constructor(private readonly base: SnapshotLookups) {}

  apply(op: Op): void {
    switch (op.kind) {
      case 'create-table':
        this.tables.set(op.table, { columns: new Map() });
        break;
      case 'drop-table': {
        const origin = this.table(op.table)?.origin;
        if (origin !== undefined) this.baseToNow.set(origin, null);
        this.tables.set(op.table, null);
        break;
      }
      case 'rename-table': {
        const state = this.mutable(op.table);
        this.tables.set(op.table, null);
        this.tables.set(op.to, state);
        if (state.origin !== undefined) this.baseToNow.set(state.origin, op.to);
        break;
      }
      case 'drop-schema':
        this.droppedSchemas.add(op.schema);
        for (const key of [...this.tables.keys()]) if (schemaOf(key) === op.schema) this.tables.set(key, null);
        break;
      case 'add-column':
        this.mutable(op.table).columns.set(op.column, { ...(op.type !== undefined ? { type: op.type } : {}), notNull: op.notNull });
        break;
      case 'drop-column':
        this.mutable(op.table).columns.set(op.column, null);
        break;
      case 'rename-column': {
        const columns = this.mutable(op.table).columns;
        const was = columns.get(op.column);
        columns.set(op.column, null);
        columns.set(op.to, was === undefined ? { origin: op.column } : (was ?? {}));
        break;
      }
      case 'alter-column-type':
        this.column(op.table, op.column).type = op.type;
        break;
      case 'set-not-null':
      case 'drop-not-null':
        this.column(op.table, op.column).notNull = op.kind === 'set-not-null';
        break;
      case 'create-enum':
        this.enums.set(op.type, [...op.values]);
        break;
      case 'drop-type':
        this.enums.set(op.type, null);
        break;
      case 'add-enum-value': {
        const values = this.enums.has(op.type) ? this.enums.get(op.type) : this.base.enumValues(op.type);
        if (values && !values.includes(op.value)) this.enums.set(op.type, [...values, op.value]);
        break;
      }
      case 'create-index':
        if (op.index !== undefined) {
          this.indexesBuilt.add(op.index);
          this.indexesDropped.delete(op.index);
        }
        break;
      case 'drop-index':
        this.indexesDropped.add(op.index);
        this.indexesBuilt.delete(op.index);
        break;
      default:
        break;
    }
  }

  enumValues(type: ObjectKey): string[] | undefined {
    if (this.enums.has(type)) return this.enums.get(type) ?? undefined;
    return this.droppedSchemas.has(schemaOf(type)) ? undefined : this.base.enumValues(type);
  }

  hasColumn(table: ObjectKey, column: string): boolean | undefined {
    const t = this.table(table);
    if (!t) return undefined;
    const c = t.columns.get(column);
    if (c !== undefined) return c !== null;
    return t.origin === undefined ? undefined : this.base.hasColumn(t.origin, column);
  }

  columnType(table: ObjectKey, column: string): string | undefined {
    return this.columnField(table, column, 'type', (origin, name) => this.base.columnType(origin, name));
  }

  columnNotNull(table: ObjectKey, column: string): boolean | undefined {
    return this.columnField(table, column, 'notNull', (origin, name) => this.base.columnNotNull(origin, name));
  }

  columnsOf(table: ObjectKey): string[] | undefined {
    const t = this.table(table);
    if (!t || t.origin === undefined) return undefined;
    const before = this.base.columnsOf(t.origin);
    if (!before) return undefined;
    const now = before.filter((name) => !t.columns.has(name));
    for (const [name, state] of t.columns) if (state !== null) now.push(name);
    return now;
  }

  referencingTables(table: ObjectKey): ObjectKey[] {
    const origin = this.table(table)?.origin;
    if (origin === undefined) return [];
    return this.base.referencingTables(origin).flatMap((key) => {
      const now = this.baseToNow.has(key) ? this.baseToNow.get(key)! : key;
      return now !== null && this.table(now) ? [now] : [];
    });
  }

  indexSchemas(index: string): string[] | undefined {
    const before = this.base.indexSchemas(index);
    if (before === undefined) return undefined;
    const schemas = new Set(before.filter((s) => !this.indexesDropped.has(`${s}.${index}`) && !this.droppedSchemas.has(s)));
    for (const key of this.indexesBuilt) if (nameOf(key) === index) schemas.add(schemaOf(key));
    return [...schemas];
  }

  indexesUsing(table: ObjectKey, column: string): string[] {
    const t = this.table(table);
    const c = t?.columns.get(column);
    const name = c === undefined ? column : c?.origin;
    if (t?.origin === undefined || name === undefined) return [];
    const dropped = new Set([...this.indexesDropped].map(nameOf));
    return this.base.indexesUsing(t.origin, name).filter((index) => !dropped.has(index));
  }

  /** The table's state now: unchanged tables answer from the snapshot under their own key; undefined: gone. */
  private table(key: ObjectKey): TableState | undefined {
    const t = this.tables.get(key);
    if (t !== undefined) return t ?? undefined;
    return this.droppedSchemas.has(schemaOf(key)) ? undefined : { origin: key, columns: new Map() };
  }

  private mutable(key: ObjectKey): TableState {
    let t = this.tables.get(key);
    if (!t) {
      t = this.table(key) ?? { columns: new Map() };
      this.tables.set(key, t);
    }
    return t;
  }

  private column(table: ObjectKey, column: string): ColumnState {
    const columns = this.mutable(table).columns;
    let c = columns.get(column);
    if (!c) {
      c = c === null ? {} : { origin: column };
      columns.set(column, c);
    }
    return c;
  }

  private columnField<K extends 'type' | 'notNull'>(
    table: ObjectKey,
    column: string,
    field: K,
    fromBase: (origin: ObjectKey, column: string) => ColumnState[K] | undefined,
  ): ColumnState[K] | undefined {
    const t = this.table(table);
    if (!t) return undefined;
    const c = t.columns.get(column);
    if (c === null) return undefined;
    if (c?.[field] !== undefined) return c[field];
    const name = c === undefined ? column : c.origin;
    return t.origin === undefined || name === undefined ? undefined : fromBase(t.origin, name);
  }
}
