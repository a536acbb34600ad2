// The name of a saved base state (base-cache.ts): a hash of everything that decides the database as the base's
// migrations and the seeding leave it. Apart from base-cache.ts so that the CLI's process, which only names
// the state, does not load what reading and writing it needs.

import { createHash } from 'node:crypto';
import { TEMPLATE_NAME } from '../../cache-dir.js';
import type { Migration, MigrationSet } from '../../model/types.js';
import { VERSION } from '../../version.js';
import type { MigrationsTable } from './replay.js';

/** Bump when base-cache.ts's SavedBase changes, so that no build reads another's entries. */
const SAVED_FORMAT = 2;
/** A base replay shorter than this is not saved: dumping the data directory would cost about as much. */
export const SAVE_MIN_MS = 1000;

/** `seeded`: the state with a row seeded in every table (the traced replay's), or without. */
export function baseStateKey(base: readonly Migration[], migrationsTable: MigrationsTable, layout: MigrationSet['layout'], seeded: boolean): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([SAVED_FORMAT, VERSION, TEMPLATE_NAME, migrationsTable.schema, migrationsTable.table, layout, seeded]));
  for (const m of base) hash.update(JSON.stringify([m.tag, m.when ?? null, m.hash ?? null, m.statements.map((s) => s.text)]));
  return hash.digest('hex').slice(0, 32);
}
