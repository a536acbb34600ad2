// PostgreSQL extensions the embedded PostgreSQL (PGlite) can load. Each is a tarball unpacked at
// start-up, so only the extensions the migrations actually create are loaded.

import type { Extension } from '@electric-sql/pglite';
import type { Migration } from '../../model/types.js';

type Loader = () => Promise<Extension>;

// Static import() specifiers (not computed) so a bundler can follow each one and relocate its tarball.
const LOADERS: Record<string, Loader> = {
  vector: async () => (await import('@electric-sql/pglite-pgvector')).vector,
  amcheck: async () => (await import('@electric-sql/pglite/contrib/amcheck')).amcheck,
  bloom: async () => (await import('@electric-sql/pglite/contrib/bloom')).bloom,
  btree_gin: async () => (await import('@electric-sql/pglite/contrib/btree_gin')).btree_gin,
  btree_gist: async () => (await import('@electric-sql/pglite/contrib/btree_gist')).btree_gist,
  citext: async () => (await import('@electric-sql/pglite/contrib/citext')).citext,
  cube: async () => (await import('@electric-sql/pglite/contrib/cube')).cube,
  dict_int: async () => (await import('@electric-sql/pglite/contrib/dict_int')).dict_int,
  dict_xsyn: async () => (await import('@electric-sql/pglite/contrib/dict_xsyn')).dict_xsyn,
  earthdistance: async () => (await import('@electric-sql/pglite/contrib/earthdistance')).earthdistance,
  fuzzystrmatch: async () => (await import('@electric-sql/pglite/contrib/fuzzystrmatch')).fuzzystrmatch,
  hstore: async () => (await import('@electric-sql/pglite/contrib/hstore')).hstore,
  intarray: async () => (await import('@electric-sql/pglite/contrib/intarray')).intarray,
  isn: async () => (await import('@electric-sql/pglite/contrib/isn')).isn,
  lo: async () => (await import('@electric-sql/pglite/contrib/lo')).lo,
  ltree: async () => (await import('@electric-sql/pglite/contrib/ltree')).ltree,
  moddatetime: async () => (await import('@electric-sql/pglite/contrib/moddatetime')).moddatetime,
  pg_trgm: async () => (await import('@electric-sql/pglite/contrib/pg_trgm')).pg_trgm,
  pgcrypto: async () => (await import('@electric-sql/pglite/contrib/pgcrypto')).pgcrypto,
  seg: async () => (await import('@electric-sql/pglite/contrib/seg')).seg,
  tablefunc: async () => (await import('@electric-sql/pglite/contrib/tablefunc')).tablefunc,
  tcn: async () => (await import('@electric-sql/pglite/contrib/tcn')).tcn,
  tsm_system_rows: async () => (await import('@electric-sql/pglite/contrib/tsm_system_rows')).tsm_system_rows,
  tsm_system_time: async () => (await import('@electric-sql/pglite/contrib/tsm_system_time')).tsm_system_time,
  unaccent: async () => (await import('@electric-sql/pglite/contrib/unaccent')).unaccent,
  'uuid-ossp': async () => (await import('@electric-sql/pglite/contrib/uuid_ossp')).uuid_ossp,
};

/** Extensions built into PostgreSQL itself that need nothing loaded. */
const BUILT_IN = new Set(['plpgsql']);

// CREATE EXTENSION [IF NOT EXISTS] name | "name" — the name as PostgreSQL folds it.
const CREATE_EXTENSION = /\bcreate\s+extension\s+(?:if\s+not\s+exists\s+)?("(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)/gi;

/** Names of the extensions the migrations create, in first-seen order. */
export function extensionsCreated(migrations: readonly Migration[]): string[] {
  const names = new Set<string>();
  for (const m of migrations) {
    for (const match of (m.sql ?? '').matchAll(CREATE_EXTENSION)) names.add(extensionName(match[1]!));
  }
  return [...names];
}

/** The extension a CREATE EXTENSION chunk creates, if it does. */
export function extensionOfStatement(text: string): string | undefined {
  const match = new RegExp(CREATE_EXTENSION.source, 'i').exec(text);
  return match ? extensionName(match[1]!) : undefined;
}

function extensionName(token: string): string {
  return token.startsWith('"') ? token.slice(1, -1).replace(/""/g, '"') : token.toLowerCase();
}

export function isAvailable(name: string): boolean {
  return name in LOADERS || BUILT_IN.has(name);
}

/** Loads the PGlite modules of the available extensions among `names`. */
export async function loadExtensions(names: readonly string[]): Promise<Record<string, Extension>> {
  const out: Record<string, Extension> = {};
  for (const name of names) {
    const loader = LOADERS[name];
    if (loader) out[name.replace(/-/g, '_')] = await loader();
  }
  return out;
}

export const AVAILABLE_EXTENSIONS: readonly string[] = Object.keys(LOADERS);
