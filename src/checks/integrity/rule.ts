import type { Finding, RuleMeta } from '../../findings.js';
import type { Migration, Position } from '../../model/types.js';
import type { CheckContext } from '../types.js';

/** An integrity rule: a pure function from the checked folder to findings. */
export interface IntegrityRule {
  meta: RuleMeta;
  check(ctx: CheckContext): Finding[];
}

/** Where a migration is declared: its journal entry (legacy layout) or its SQL file (folder layout). */
export function declarationOf(ctx: CheckContext, migration: Migration): { file: string; line: number; column: number } {
  const journal = ctx.head.journal;
  if (journal) {
    const i = ctx.head.migrations.indexOf(migration);
    const pos: Position = journal.entryPositions[i] ?? { line: 1, column: 1 };
    return { file: journal.file, ...pos };
  }
  return { file: migration.file, line: 1, column: 1 };
}

export const ROOT_SNAPSHOT_ID = '00000000-0000-0000-0000-000000000000';
