// Compares the journal with drizzle's migrations table the way drizzle's migrator decides: a row records
// (sha256 of the file, the migration's `when` as created_at); the migrator reads only the newest row and
// runs a migration only when its `when` is greater than that row's created_at.

import { findingOf, type Finding } from '../../findings.js';
import type { Migration } from '../../model/types.js';
import type { AppliedRow } from './postgres.js';
import { appliedMigrationModified } from './rules/applied-migration-modified.js';
import { appliedMigrationUnknown } from './rules/applied-migration-unknown.js';
import { pendingMigrationWillBeSkipped } from './rules/pending-migration-will-be-skipped.js';
import { pendingMigration } from './rules/pending-migration.js';
import { isoTime } from '../../model/time.js';

export interface Comparison {
  findings: Finding[];
  applied: number;
  pending: number;
}

export function compareApplied(migrations: readonly Migration[], rows: readonly AppliedRow[], journalFile: string | undefined, where: string): Comparison {
  const findings: Finding[] = [];
  const rowsByWhen = new Map<number, AppliedRow[]>();
  for (const r of rows) rowsByWhen.set(r.createdAt, [...(rowsByWhen.get(r.createdAt) ?? []), r]);
  const newest = rows.reduce<number | undefined>((max, r) => (max === undefined || r.createdAt > max ? r.createdAt : max), undefined);
  const matched = new Set<AppliedRow>();
  let applied = 0;
  let pending = 0;

  for (const m of migrations) {
    if (m.when === undefined) continue;
    const candidates = rowsByWhen.get(m.when) ?? [];
    const row = candidates.find((r) => r.hash === m.hash) ?? candidates.find((r) => !matched.has(r));
    if (row) {
      matched.add(row);
      applied++;
      if (m.hash !== undefined && row.hash !== m.hash) {
        findings.push(
          findingOf(appliedMigrationModified, {
            file: m.file,
            migration: m.tag,
            message: `${m.tag} was applied to ${where} (row id ${row.id}) but its file changed since: sha256 ${short(m.hash)} here, ${short(row.hash)} recorded. drizzle's migrator never re-runs it, so that database keeps the old version`,
          }),
        );
      }
      continue;
    }
    pending++;
    if (newest !== undefined && m.when <= newest) {
      findings.push(
        findingOf(pendingMigrationWillBeSkipped, {
          file: m.file,
          migration: m.tag,
          message:
            `${m.tag} is not applied to ${where}, and its when (${m.when}, ${isoTime(m.when)}) is not later than the newest applied created_at ` +
            `(${newest}, ${isoTime(newest)}): drizzle's migrator will skip it without a word`,
        }),
      );
    } else {
      findings.push(findingOf(pendingMigration, { file: m.file, migration: m.tag, message: `${m.tag} is not applied to ${where} yet` }));
    }
  }

  const byHash = new Map(migrations.filter((m) => m.hash).map((m) => [m.hash!, m]));
  for (const r of rows) {
    if (matched.has(r)) continue;
    const same = byHash.get(r.hash);
    findings.push(
      findingOf(appliedMigrationUnknown, {
        ...(journalFile ? { file: journalFile } : {}),
        message:
          `${where} records an applied migration (row id ${r.id}, created_at ${r.createdAt}, ${isoTime(r.createdAt)}, sha256 ${short(r.hash)}) that no journal entry matches` +
          (same ? `; its content is that of ${same.tag}, whose when changed to ${same.when}` : ''),
      }),
    );
  }
  return { findings, applied, pending };
}

function short(hash: string): string {
  return hash.slice(0, 12);
}
