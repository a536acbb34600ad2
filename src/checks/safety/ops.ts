// The operations rules reason about. A statement becomes zero or more ops: ALTER TABLE from the
// PostgreSQL parse tree, fixed-shape statements (CREATE INDEX, DROP …, ALTER TYPE … ADD VALUE,
// transaction control) from tokens. Every op carries `at`, the UTF-16 offset in the migration file
// a finding should point to.

/** Tables and types are keyed `schema.name` (PostgreSQL; `public` when unqualified) or `name`. */
export type ObjectKey = string;

export type ConstraintKind = 'foreign' | 'unique' | 'primary' | 'check' | 'exclusion';

export type Op = { at: number } & (
  | { kind: 'create-table'; table: ObjectKey }
  | { kind: 'drop-table'; table: ObjectKey }
  | { kind: 'rename-table'; table: ObjectKey; to: ObjectKey }
  | {
      kind: 'add-column';
      table: ObjectKey;
      column: string;
      /** Type as written (PostgreSQL: from the tree, e.g. `varchar(255)`, `bool`); absent when not read. */
      type?: string;
      notNull: boolean;
      /** Absent: no default. 'volatile': evaluated per row (rewrites the table). */
      default?: 'constant' | 'volatile';
      /** Why adding the column rewrites the table regardless of the default. */
      rewrite?: 'identity' | 'serial' | 'generated';
    }
  | { kind: 'drop-column'; table: ObjectKey; column: string; ifExists?: boolean }
  | {
      kind: 'alter-column-type';
      table: ObjectKey;
      column: string;
      type: string;
      using: boolean;
      /** `COLLATE x` given: indexes on the column are rebuilt even when the type stays. */
      collate?: string;
    }
  | { kind: 'rename-column'; table: ObjectKey; column: string; to: string }
  | { kind: 'set-not-null' | 'drop-not-null'; table: ObjectKey; column: string }
  | {
      kind: 'add-constraint';
      table: ObjectKey;
      constraint: ConstraintKind;
      name?: string;
      notValid: boolean;
      /** UNIQUE / PRIMARY KEY … USING INDEX: built from an existing index, no scan. */
      usingIndex: boolean;
    }
  | {
      kind: 'create-index';
      table: ObjectKey;
      concurrently: boolean;
      /** `schema.name`, when named. */
      index?: ObjectKey;
    }
  | {
      kind: 'drop-index';
      index: ObjectKey;
      concurrently: boolean;
      ifExists?: boolean;
      /** The name was written without a schema (PostgreSQL looks it up on the search_path). */
      unqualified?: boolean;
    }
  | { kind: 'truncate'; table: ObjectKey; cascade?: boolean }
  /** DELETE without WHERE: the table is empty afterwards. */
  | { kind: 'delete-all'; table: ObjectKey }
  | { kind: 'update-all'; table: ObjectKey }
  /** INSERT INTO / COPY: the table may hold rows again. */
  | { kind: 'insert'; table: ObjectKey }
  | { kind: 'validate-constraint'; table: ObjectKey; name: string }
  /** A statement PostgreSQL refuses inside a transaction block (`statement` names it). */
  | { kind: 'outside-transaction'; statement: string }
  | { kind: 'drop-schema'; schema: string }
  | { kind: 'create-enum'; type: ObjectKey; values: string[] }
  | { kind: 'drop-type'; type: ObjectKey }
  | { kind: 'add-enum-value'; type: ObjectKey; value: string }
  | { kind: 'begin' | 'commit' | 'rollback' }
);

export type OpKind = Op['kind'];
export type OpOf<K extends OpKind> = Extract<Op, { kind: K }>;

/** The schema of a `schema.name` key; a bare key (MySQL, SQLite) has none (''). */
export function schemaOf(key: ObjectKey): string {
  const dot = key.indexOf('.');
  return dot < 0 ? '' : key.slice(0, dot);
}

/** The name of a `schema.name` key (all of a bare one). */
export function nameOf(key: ObjectKey): string {
  return key.slice(key.indexOf('.') + 1);
}

/** Display form of a key: `public.user` → `"user"`, `auth.user` → `"auth"."user"`. */
export function displayName(key: ObjectKey): string {
  const dot = key.indexOf('.');
  if (dot < 0) return `"${key}"`;
  const schema = key.slice(0, dot);
  const name = key.slice(dot + 1);
  return schema === 'public' ? `"${name}"` : `"${schema}"."${name}"`;
}
