// The hand-written table rebuild (SQLite's way to change a table, also seen elsewhere):
//   ALTER TABLE x RENAME TO x_old;  CREATE TABLE x (…);  INSERT INTO x SELECT … FROM x_old;  DROP TABLE x_old;
// Neither the rename nor the drop of the old copy is what rename-table / drop-table warn about — as
// long as the rows are copied: a table renamed away and re-created empty is a rename to the code.

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
  return readsFrom(state, table, rename.at, at);
}

/**
 * True when a table renamed away (`table` → `to`) is re-created under its old name and its rows are
 * copied back from `to`: a rebuild. Without the copy, code reading `table` finds a new, empty table.
 */
export function isRebuildRename(state: LintState, table: ObjectKey, to: ObjectKey, at: number): boolean {
  return isReplacedAfterRename(state, table, at) && readsFrom(state, to, at, Infinity);
}

/** True when a statement between the offsets has `FROM <table>`. */
function readsFrom(state: LintState, table: ObjectKey, after: number, before: number): boolean {
  const bare = table.slice(table.lastIndexOf('.') + 1).toLowerCase();
  return state.migrationStatements.some((s) =>
    s.tokens.some((t, i) => {
      if (t.kind !== 'word' || t.value !== 'FROM') return false;
      const next = s.tokens[i + 1];
      const offset = s.base + t.start;
      return next !== undefined && (next.kind === 'ident' || next.kind === 'word') && next.value.toLowerCase() === bare && offset > after && offset < before;
    }),
  );
}
