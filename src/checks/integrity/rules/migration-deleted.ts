import { findingOf } from '../../../findings.js';
import type { IntegrityRule } from '../rule.js';

export const migrationDeleted: IntegrityRule = {
  meta: {
    id: 'migration-deleted',
    category: 'integrity',
    defaultSeverity: 'error',
    description: 'A migration SQL file that exists at the base commit was deleted.',
    help: 'Databases that ran it keep its changes while fresh databases never get them. Restore the file (and its journal entry and snapshot); to undo its effect, write a new migration.',
  },
  check(ctx) {
    const base = ctx.base;
    if (!base) return [];
    return base.deleted
      .filter((file) => file.endsWith('.sql'))
      .map((file) =>
        findingOf(this.meta, {
          message: `exists at the base commit and was deleted: databases that applied it and fresh databases will differ`,
          file,
          migration: file.split('/').pop() === 'migration.sql' ? file.split('/').slice(-2)[0] : file.split('/').pop()!.replace(/\.sql$/, ''),
        }),
      );
  },
};
