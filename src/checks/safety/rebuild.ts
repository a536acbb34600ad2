// The hand-written table rebuild (SQLite's way to change a table, also seen elsewhere):
//   ALTER TABLE x RENAME TO x_old;  CREATE TABLE x (…);  INSERT INTO x SELECT … FROM x_old;  DROP TABLE x_old;
// Neither the rename nor the drop of the old copy is what rename-table / drop-table warn about.

import type { ObjectKey } from './ops.js';
import type { LintState } from './rules/types.js';

/** True when `table` is renamed away and a table of the same name is created later in the migration. */
export function isReplacedAfterRename(state: LintState, table: ObjectKey, at: number): boolean {
  return state.migrationOps.some((o) => o.kind === 'create-table' && o.table === table && o.at > at);
}

/** True when `table` is the old copy of a rebuild whose rows a data statement reads before it is dropped. */
export function isRebuildOldCopy(state: LintState, table: ObjectKey, at: number): boolean {
  const rename = state.migrationOps.find((o) => o.kind === 'rename-table' && o.to === table && o.at < at);
  if (rename?.kind !== 'rename-table' || !isReplacedAfterRename(state, rename.table, rename.at)) return false;
  const bare = table.slice(table.lastIndexOf('.') + 1).toLowerCase();
  return state.migrationStatements.some((s) =>
    s.tokens.some((t, i) => {
      if (t.kind !== 'word' || t.value !== 'FROM') return false;
      const next = s.tokens[i + 1];
      return next !== undefined && (next.kind === 'ident' || next.kind === 'word') && next.value.toLowerCase() === bare && s.base + t.start < at;
    }),
  );
}
