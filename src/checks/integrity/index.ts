// The integrity check: journal ↔ SQL files ↔ snapshots, and edits to already-merged migrations.

import type { Check } from '../types.js';
import type { IntegrityRule } from './rule.js';
import { appliedMigrationRerun } from './rules/applied-migration-rerun.js';
import { fileNotInJournal } from './rules/file-not-in-journal.js';
import { fileTooLarge } from './rules/file-too-large.js';
import { fileUnreadable } from './rules/file-unreadable.js';
import { journalEntryMissingFile } from './rules/journal-entry-missing-file.js';
import { journalIdxSequence } from './rules/journal-idx-sequence.js';
import { journalInvalid } from './rules/journal-invalid.js';
import { journalWhenOrder } from './rules/journal-when-order.js';
import { migrationDeleted } from './rules/migration-deleted.js';
import { migrationModified } from './rules/migration-modified.js';
import { snapshotChainBroken } from './rules/snapshot-chain-broken.js';
import { snapshotChainFork } from './rules/snapshot-chain-fork.js';
import { snapshotDuplicateId } from './rules/snapshot-duplicate-id.js';
import { snapshotInvalid } from './rules/snapshot-invalid.js';
import { snapshotMissing } from './rules/snapshot-missing.js';
import { statementsWithoutBreakpoint } from './rules/statements-without-breakpoint.js';

export const integrityRules: readonly IntegrityRule[] = [
  journalInvalid,
  journalEntryMissingFile,
  fileUnreadable,
  fileTooLarge,
  fileNotInJournal,
  journalIdxSequence,
  journalWhenOrder,
  snapshotMissing,
  snapshotInvalid,
  snapshotChainBroken,
  snapshotChainFork,
  snapshotDuplicateId,
  statementsWithoutBreakpoint,
  migrationModified,
  migrationDeleted,
  appliedMigrationRerun,
];

export const integrityCheck: Check = {
  name: 'integrity',
  categories: ['integrity'],
  run(ctx) {
    return { status: 'ran', findings: integrityRules.flatMap((rule) => rule.check(ctx)) };
  },
};
