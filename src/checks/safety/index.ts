// The safety check: lints the SQL of the migrations a pull request adds (all of them without
// --base), Drizzle-aware: one migrator transaction, objects created in the batch are new.

import { isIgnoredPath } from '../../config/guard-config.js';
import { SIZE_LIMITS } from '../../model/folder.js';
import { treeOf } from '../../model/tree.js';
import type { Migration } from '../../model/types.js';
import type { Check, CheckContext, CheckOutcome } from '../types.js';
import { loadBaseSchema } from '../drift/base-schema.js';
import type { Finding } from '../../findings.js';
import { displayName } from './ops.js';
import { SafetyLinter, snapshotLookups, type LintTarget } from './lint.js';
import { dropColumn, droppedFromBaseSchema, isRenamedEarlier } from './rules/drop-column.js';
import { preloadParser } from './parser.js';
import { lexDialect } from '../../model/sql-lexer.js';

export const safetyCheck: Check = {
  name: 'safety',
  categories: ['safety'],
  // With a base every new PostgreSQL statement is parsed: let the wasm compile while the folder is read.
  warmUp(config, options) {
    if (options.lint && options.base && config.dialect === 'postgresql') preloadParser();
  },
  async run(ctx: CheckContext): Promise<CheckOutcome> {
    if (!ctx.options.lint) return { status: 'skipped', reason: 'SQL lint is off (--no-lint)' };
    if (ctx.config.dialect === 'gel') return { status: 'skipped', reason: 'SQL lint does not support the gel dialect' };
    const dialect = lexDialect(ctx.config.dialect);
    const { postgresVersion } = ctx.settings;

    const targets = lintTargets(ctx);
    const linter = new SafetyLinter({ dialect, postgresVersion, batch: ctx.hasBase, parseAll: ctx.hasBase });
    const linted = await linter.lint(targets);
    const notes =
      dialect === 'postgresql'
        ? []
        : [`SQL lint for ${ctx.config.dialect} is lexical: drops, renames, type changes and table rebuilds only (see docs/rules).`];
    const findings = ctx.hasBase ? await judgeDropsByBaseSchema(ctx, linted, linter.subjects, notes) : linted;
    return { status: 'ran', findings, notes };
  },
};

/**
 * The migrations the lint judges (with a base, the new ones), each with the schema before it: the nearest
 * earlier snapshot, and the migrations since then (written by hand, without one) to apply to it.
 */
export function lintTargets(ctx: CheckContext): LintTarget[] {
  const all = ctx.head.migrations;
  const targets: LintTarget[] = [];
  all.forEach((migration, i) => {
    if (ctx.hasBase && !migration.isNew) return;
    if (isIgnoredPath(migration.file, ctx.settings.ignore)) return;
    let s = i - 1;
    while (s >= 0 && !all[s]!.snapshot) s--;
    const since = all.slice(s + 1, i);
    targets.push({ migration, snapshotBefore: () => snapshotOf(ctx, all[s]), ...(since.length > 0 ? { since } : {}) });
  });
  return targets;
}

/**
 * Expand/contract's last step, generated after an earlier, merged change removed the column from the
 * schema without generating the drop: the base's snapshot still has the column, its TypeScript schema does
 * not. Only a DROP COLUMN error needs the base's schema loaded, so a pull request without one never pays for it.
 */
async function judgeDropsByBaseSchema(
  ctx: CheckContext,
  findings: Finding[],
  subjects: SafetyLinter['subjects'],
  notes: string[],
): Promise<Finding[]> {
  const drops = findings.flatMap((finding) => {
    const { op, migrationOps = [] } = subjects.get(finding) ?? {};
    if (finding.ruleId !== dropColumn.meta.id || finding.severity !== 'error' || op?.kind !== 'drop-column') return [];
    return isRenamedEarlier(op, migrationOps) ? [] : [{ finding, op }];
  });
  if (drops.length === 0) return findings;
  const base = await loadBaseSchema(ctx);
  if (!base.ok) {
    const columns = drops.map(({ op }) => `${displayName(op.table)}.${JSON.stringify(op.column)}`).join(', ');
    notes.push(`drop-column: whether the TypeScript schema at the base still declares ${columns} was not checked, so the error stands: ${base.reason}`);
    return findings;
  }
  const lookups = snapshotLookups(() => base.snapshot);
  const judged = new Map<Finding, Finding>();
  for (const { finding, op } of drops) {
    if (lookups.hasColumn(op.table, op.column) === false) judged.set(finding, { ...finding, ...droppedFromBaseSchema(op, ctx.base!.ref) });
  }
  return findings.map((f) => judged.get(f) ?? f);
}

/** A migration's snapshot: the parsed document when the model kept it, else the file's text. */
function snapshotOf(ctx: CheckContext, migration: Migration | undefined): Record<string, unknown> | string | undefined {
  const snapshot = migration?.snapshot;
  if (!snapshot) return undefined;
  if (snapshot.json) return snapshot.json;
  const read = treeOf(ctx).read(snapshot.file, SIZE_LIMITS.snapshot.bytes);
  return read && 'bytes' in read ? read.bytes.toString('utf8') : undefined;
}
