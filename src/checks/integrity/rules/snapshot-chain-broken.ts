import { findingOf } from '../../../findings.js';
import { ROOT_SNAPSHOT_ID, type IntegrityRule } from '../rule.js';

export const snapshotChainBroken: IntegrityRule = {
  meta: {
    id: 'snapshot-chain-broken',
    category: 'integrity',
    defaultSeverity: 'warning',
    description: "A snapshot's `prevId`/`prevIds` points at no snapshot in the folder.",
    help: 'The history was rewritten (a snapshot deleted, renumbered or copied from another branch). Set `prevId` to the id of the snapshot before it, or regenerate the migration from the base branch.',
  },
  check(ctx) {
    // An unparsable snapshot's id is unknown: its children would look orphaned (snapshot-invalid reports the cause).
    if (ctx.head.snapshots.some((s) => s.error)) return [];
    const ids = new Set(ctx.head.snapshots.map((s) => s.id).filter((id) => id !== undefined));
    return ctx.head.snapshots.flatMap((s) =>
      s.prevIds
        .filter((p) => p !== '' && p !== ROOT_SNAPSHOT_ID && !ids.has(p))
        .map((p) =>
          findingOf(this.meta, {
            message: `prevId ${p} matches no snapshot in ${ctx.head.out}`,
            file: s.file,
            ...(s.prevIdPosition ?? { line: 1, column: 1 }),
            migration: ctx.head.migrations.find((m) => m.snapshot === s)?.tag,
          }),
        ),
    );
  },
};
