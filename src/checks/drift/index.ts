// Drift: does the TypeScript schema match the latest committed snapshot, and does each new migration's
// SQL match what drizzle-kit generates between its snapshots? The schema is user code, so loading it and
// asking drizzle-kit happen in a worker process (run-worker.ts); this module prepares the job and turns
// the answer into findings.

import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { describeLoadFailure, withoutAbsolutePaths } from '../../config/drizzle-config.js';
import { packageManagerOf, runBinary } from '../../config/package-manager.js';
import { redactUrls } from '../../config/worker-process.js';
import { asPreExisting, findingOf, type Finding } from '../../findings.js';
import { gitRoot } from '../../model/base.js';
import { loadSnapshotDocument } from '../../model/folder.js';
import { treeOf } from '../../model/tree.js';
import type { Migration, SnapshotInfo } from '../../model/types.js';
import type { Check, CheckContext, CheckOutcome } from '../types.js';
import { baseDrift } from './base-schema.js';
import type { DiffOutcome, DriftJob, KitInfo } from './protocol.js';
import { migrationSqlMismatch } from './rules/migration-sql-mismatch.js';
import { schemaDrift } from './rules/schema-drift.js';
import { schemaLoadFailed } from './rules/schema-load-failed.js';
import { runDriftWorker, secretsOf, type WorkerOutcome } from './run-worker.js';
import { compareSql, differingPart } from './sql-compare.js';

type Json = Record<string, unknown>;

export const driftCheck: Check = {
  name: 'drift',
  categories: ['drift'],
  run: checkDrift,
};

async function checkDrift(ctx: CheckContext): Promise<CheckOutcome> {
  const { config } = ctx;
  if (!ctx.options.drift) return skipped('drift is off (--no-drift)');
  if (ctx.options.headCommit) {
    return skipped("the pull request's head is not checked out (its migrations were read from git objects): its schema files are not on disk");
  }
  if (!ctx.options.allowCodeExecution) {
    return skipped("the schema is the pull request's own code, and running untrusted code is not allowed here (pull_request_target from a fork)");
  }
  if (config.dialect === 'gel') {
    const message = 'drift does not support dialect gel: drizzle-kit keeps no migration snapshots for it (pass --no-drift)';
    return skipped('unsupported dialect gel', [configFinding(ctx, message)]);
  }
  const folderSkip = ctx.head.layout === 'folders' ? folderLayoutReason(ctx) : undefined;
  if (folderSkip) return skipped(folderSkip);
  if (!config.file) return skipped('no drizzle config: drift needs the `schema` it names (run with --config)');
  if (!config.schema || config.schema.length === 0) {
    return skipped('no schema', [configFinding(ctx, `${config.file} sets no \`schema\`: drift needs the schema files drizzle-kit generate reads`)]);
  }
  if (ctx.head.layout === 'folders') return checkFolderLayout(ctx);

  const history = ctx.head.migrations;
  const last = history.at(-1);
  const latest = last ? snapshotOf(ctx, last) : undefined;
  if (last && !latest) {
    return skipped(`the latest migration ${last.tag} has no readable snapshot to compare the schema with (see the integrity findings)`);
  }
  const fresh = ctx.hasBase ? newMigrationPairs(ctx) : { pairs: [], notes: [] };

  const job: DriftJob = {
    ...jobBase(ctx),
    ...(latest ? { latest } : {}),
    migrations: fresh.pairs.map(({ migration, prev, cur }) => ({ tag: migration.tag, ...(prev ? { prev } : {}), cur })),
  };
  const result = await runDriftWorker(job, secretsOf(ctx));
  if (!result.ok) return couldNotRun(ctx, result);

  const notes = [kitDescription(result.kit), ...fresh.notes];
  const against = latest ? `the latest snapshot ${last!.snapshot!.file}` : 'an empty database (there is no migration yet)';
  if (result.drift.kind === 'failed') return couldNotRun(ctx, result.drift, against, result.kit);
  const findings: Finding[] = [];
  const drift = driftFinding(ctx, result.drift, against, result.loadTimeDefaults);
  if (drift) findings.push(ctx.base?.commit ? await againstBase(ctx, drift, result.drift, notes) : drift);
  result.migrations.forEach(({ tag, outcome }, i) => {
    const migration = fresh.pairs[i]!.migration;
    if (migration.tag !== tag) throw new Error(`drift worker answered for ${tag} instead of ${migration.tag}`);
    const finding = mismatchFinding(migration, outcome, notes);
    if (finding) findings.push(finding);
  });
  return { status: 'ran', findings, notes };
}

/**
 * Drift the base already had, exactly (the same statements, or the same rename questions), is not this
 * change's: reported one severity lower. Any difference from the base's drift leaves it the change's own.
 */
async function againstBase(ctx: CheckContext, finding: Finding, drift: DiffOutcome, notes: string[]): Promise<Finding> {
  const baseLatest = ctx.head.migrations.findLast((m) => !m.isNew && m.snapshot);
  const latest = baseLatest ? snapshotOf(ctx, baseLatest) : undefined;
  if (baseLatest && !latest) return finding;
  const atBase = await baseDrift(ctx, latest);
  if (!atBase.ok) {
    notes.push(`drift: not compared with the base's own drift (${atBase.reason})`);
    return finding;
  }
  return sameDrift(atBase.drift, drift) ? asPreExisting(finding) : finding;
}

function sameDrift(a: DiffOutcome, b: DiffOutcome): boolean {
  const canonical = (d: DiffOutcome) => JSON.stringify(d, (_key, value: unknown) => (typeof value === 'string' ? value.trim() : value));
  return canonical(a) === canonical(b);
}

function skipped(reason: string, findings?: Finding[]): CheckOutcome {
  return { status: 'skipped', reason, ...(findings ? { findings } : {}) };
}

/** drizzle-kit 1.0's folders hold diff snapshots that only its own API can replay: why drift cannot run, if it cannot. */
function folderLayoutReason(ctx: CheckContext): string | undefined {
  const version = installedKitVersion(ctx);
  if (!version || Number(version.split('.')[0]) < 1) {
    return `the migrations use drizzle-kit 1.0's folder layout, which needs drizzle-kit 1.x installed in the project to rebuild the latest schema (found ${version ? `drizzle-kit ${version}` : 'no drizzle-kit'}); run npm ci before this step`;
  }
  if (ctx.config.dialect !== 'postgresql') return `drizzle-kit ${version} offers its programmatic API for PostgreSQL only, not ${ctx.config.dialect}`;
  return undefined;
}

/** Folder layout with drizzle-kit 1.x: the schema against the state its snapshots rebuild. */
async function checkFolderLayout(ctx: CheckContext): Promise<CheckOutcome> {
  const folders: Record<string, Json> = {};
  for (const m of ctx.head.migrations) {
    const json = snapshotOf(ctx, m);
    if (!json) return skipped(`migration ${m.tag} has no readable snapshot.json to rebuild the schema from (see the integrity findings)`);
    folders[path.posix.basename(path.posix.dirname(m.snapshot!.file))] = json;
  }
  const result = await runDriftWorker({ ...jobBase(ctx), migrations: [], folders }, secretsOf(ctx));
  if (!result.ok) return couldNotRun(ctx, result);
  const notes = [kitDescription(result.kit)];
  if (ctx.hasBase) notes.push("drift: new migrations' SQL is not regenerated for drizzle-kit 1.0's folder layout");
  const last = ctx.head.migrations.at(-1);
  const against = last ? `the schema rebuilt from the snapshots up to ${last.tag}` : 'an empty database (there is no migration yet)';
  if (result.drift.kind === 'failed') return couldNotRun(ctx, result.drift, against, result.kit);
  const finding = driftFinding(ctx, result.drift, against);
  return { status: 'ran', findings: finding ? [finding] : [], notes };
}

function jobBase(ctx: CheckContext): Omit<DriftJob, 'migrations'> {
  const { config } = ctx;
  return {
    cwd: ctx.cwd,
    projectDir: config.file ? path.dirname(path.resolve(ctx.cwd, config.file)) : ctx.cwd,
    dialect: config.dialect,
    schema: config.schema ?? [],
    ...(config.casing ? { casing: config.casing } : {}),
  };
}

function installedKitVersion(ctx: CheckContext): string | undefined {
  const from = ctx.config.file ? path.resolve(ctx.cwd, ctx.config.file) : path.join(ctx.cwd, 'package.json');
  let entry: string;
  try {
    entry = createRequire(from).resolve('drizzle-kit');
  } catch {
    return undefined;
  }
  for (let dir = path.dirname(entry); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (!fs.existsSync(pkg)) continue;
    const json = JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string; version?: string };
    if (json.name === 'drizzle-kit') return json.version;
  }
  return undefined;
}

/** The whole snapshot document of a migration (the model keeps only headers of large ones). */
function snapshotOf(ctx: CheckContext, m: Migration): Json | undefined {
  const info: SnapshotInfo | undefined = m.snapshot;
  if (!info || info.error) return undefined;
  if (info.json) return info.json;
  return loadSnapshotDocument(treeOf(ctx), info.file).json;
}

interface Pair {
  migration: Migration;
  prev?: Json;
  cur: Json;
}

/** Each new migration with the snapshot before it and its own; the ones that cannot be paired are noted. */
function newMigrationPairs(ctx: CheckContext): { pairs: Pair[]; notes: string[] } {
  const pairs: Pair[] = [];
  const notes: string[] = [];
  ctx.head.migrations.forEach((m, i) => {
    if (!m.isNew) return;
    const cur = snapshotOf(ctx, m);
    const before = i > 0 ? ctx.head.migrations[i - 1]! : undefined;
    const prev = before ? snapshotOf(ctx, before) : undefined;
    if (!cur || (before && !prev)) {
      notes.push(`${m.tag}: SQL not compared with drizzle-kit's (a snapshot is missing or unreadable)`);
      return;
    }
    pairs.push({ migration: m, cur, ...(prev ? { prev } : {}) });
  });
  return { pairs, notes };
}

function kitDescription(kit: KitInfo): string {
  const which = kit.source === 'project' ? "the project's own" : 'the bundled';
  return `drift: compared with ${which} drizzle-kit ${kit.version}${kit.note ? ` (${kit.note})` : ''}`;
}

function configFinding(ctx: CheckContext, message: string, where?: { file: string; line?: number }): Finding {
  const file = where ? relative(ctx, where.file) : ctx.config.file;
  return findingOf(schemaLoadFailed, { message: redactUrls(withoutAbsolutePaths(message, ctx.cwd)), ...(file ? { file } : {}), ...(where?.line ? { line: where.line } : {}) });
}

function relative(ctx: CheckContext, abs: string): string {
  return path.relative(ctx.cwd, abs).split(path.sep).join('/');
}

/** Drift did not get an answer: a configuration error (exit 4), and the drift category is skipped, not passed. */
function couldNotRun(
  ctx: CheckContext,
  failure: Exclude<WorkerOutcome, { ok: true }> | Extract<DiffOutcome, { kind: 'failed' }>,
  against?: string,
  kit?: KitInfo,
): CheckOutcome {
  const finding =
    'ok' in failure ? workerFailure(ctx, failure) : configFinding(ctx, `drizzle-kit could not diff the schema against ${against}: ${failure.message}`);
  const usedKit = kit ?? ('ok' in failure && 'kit' in failure ? failure.kit : undefined);
  const reason = `could not run (see ${finding.ruleId})${usedKit ? `; ${kitDescription(usedKit).replace(/^drift: /, '')}` : ''}`;
  return skipped(reason, [finding]);
}

function workerFailure(ctx: CheckContext, result: Exclude<WorkerOutcome, { ok: true }>): Finding {
  switch (result.kind) {
    case 'schema-missing':
      return configFinding(ctx, `schema not found: ${result.message}`);
    case 'import-failed':
      return configFinding(ctx, `importing the schema threw: ${describeLoadFailure(result, ctx.cwd)}`, result.file ? { file: result.file, line: result.line } : undefined);
    case 'orm-missing':
      return configFinding(ctx, describeLoadFailure(result, ctx.cwd));
    case 'timeout':
    case 'crashed':
    case 'kit-failed':
      return configFinding(ctx, `drift could not run: ${result.message}`);
  }
}

/**
 * `drizzle-kit generate` as it works from the repository root: in the config's folder (drizzle-kit finds
 * the schema relative to where it runs), with the project's package manager, naming the config only when
 * drizzle-kit would not find it by itself.
 */
function generateCommand(ctx: CheckContext): string {
  const dir = ctx.cwd;
  const root = gitRoot(dir) ?? dir;
  const fromRoot = path.relative(root, dir).split(path.sep).join('/');
  const config = ctx.config.file;
  const configArg = config && config !== 'drizzle.config.ts' ? ` --config ${config}` : '';
  const command = `${runBinary(packageManagerOf(dir, root), 'drizzle-kit')} generate${configArg}`;
  return fromRoot ? `cd ${fromRoot} && ${command}` : command;
}

function driftFinding(
  ctx: CheckContext,
  outcome: Exclude<DiffOutcome, { kind: 'failed' }>,
  against: string,
  loadTimeDefaults: { table: string; column: string }[] = [],
): Finding | undefined {
  const file = ctx.config.file;
  if (outcome.kind === 'same') return undefined;
  if (loadTimeDefaults.length > 0) {
    const columns = loadTimeDefaults.map((c) => `${c.table}.${c.column}`).join(', ');
    return findingOf(schemaDrift, {
      message:
        `The schema differs from ${against} on every run: the default of ${columns} is computed when the schema loads ` +
        `(like \`.default(randomId())\`), so each \`drizzle-kit generate\` sees a new value and regenerating cannot fix it.`,
      ...(file ? { file } : {}),
      ...(outcome.kind === 'sql' ? { sql: outcome.statements.map((s) => s.trim()).join('\n') } : {}),
      help: `Compute the value per row instead: \`.$defaultFn(() => …)\` (set by drizzle-orm on insert, no SQL default), or a SQL default (\`.default(sql\`…\`)\`); then run \`${generateCommand(ctx)}\` once and commit the migration.`,
    });
  }
  switch (outcome.kind) {
    case 'sql':
      return findingOf(schemaDrift, {
        message: `The schema differs from ${against}: \`drizzle-kit generate\` would write ${count(outcome.statements.length, 'statement')} that no committed migration has.`,
        ...(file ? { file } : {}),
        sql: outcome.statements.map((s) => s.trim()).join('\n'),
        help: `Run \`${generateCommand(ctx)}\` locally, review the new migration and commit it with its snapshot.`,
      });
    case 'rename':
      return findingOf(schemaDrift, {
        message:
          `The schema differs from ${against}, and \`drizzle-kit generate\` will ask before writing SQL: ${outcome.candidates.join('; and ')}. ` +
          `A rename keeps the data; otherwise the old one is dropped with its data and the new one created` +
          (outcome.dropAdd?.length ? ' (the SQL shown is that answer).' : '.'),
        ...(file ? { file } : {}),
        ...(outcome.dropAdd?.length ? { sql: `-- if nothing was renamed (drop and create):\n${outcome.dropAdd.map((s) => s.trim()).join('\n')}` } : {}),
        help: `Run \`${generateCommand(ctx)}\` locally, answer each question (a rename keeps the data, drop+create loses it), and commit the migration with its snapshot.`,
      });
  }
}

function mismatchFinding(m: Migration, outcome: DiffOutcome, notes: string[]): Finding | undefined {
  const committed = m.sql ?? '';
  const where = { file: m.file, migration: m.tag };
  switch (outcome.kind) {
    case 'same': {
      if (compareSql([], committed).added.length === 0) return undefined;
      return findingOf(migrationSqlMismatch, {
        ...where,
        severity: 'info',
        message: `${m.tag} leaves the snapshot unchanged and holds hand-written SQL: a \`drizzle-kit generate --custom\` migration, not compared with generated SQL.`,
      });
    }
    case 'sql': {
      const diff = compareSql(outcome.statements, committed);
      if (diff.missing.length === 0 && diff.added.length === 0) return undefined;
      const { changed, missing, added } = pairChanged(diff.missing, diff.added);
      const parts = [
        ...changed.map((c) => `drizzle-kit generates \`${c.generated}\` where the file has \`${c.committed}\``),
        missing.length ? `missing ${count(missing.length, 'statement')} drizzle-kit generates: ${quoteList(missing)}` : '',
        added.length ? `${count(added.length, 'statement')} drizzle-kit does not generate: ${quoteList(added)}` : '',
      ].filter(Boolean);
      return findingOf(migrationSqlMismatch, {
        ...where,
        message: `${m.tag}'s SQL differs from what drizzle-kit generates between its previous snapshot and its own: ${parts.join('; ')}.`,
        sql: outcome.statements.map((s) => s.trim()).join('\n'),
      });
    }
    case 'rename': {
      // When the file holds every drop-and-create statement, that was the answer and the SQL is known;
      // otherwise some answer was "rename", and the answers are recorded nowhere.
      if (outcome.dropAdd && compareSql(outcome.dropAdd, committed).missing.length === 0) {
        return mismatchFinding(m, { kind: 'sql', statements: outcome.dropAdd }, notes);
      }
      notes.push(`${m.tag}: SQL not compared with drizzle-kit's (its snapshot step involves a rename answered interactively)`);
      return undefined;
    }
    case 'failed':
      notes.push(`${m.tag}: SQL not compared with drizzle-kit's (${outcome.message})`);
      return undefined;
  }
}

/** Statements that are edits of one another (same start), shown as their differing parts; the rest stay lists. */
function pairChanged(missing: string[], added: string[]) {
  const changed: { generated: string; committed: string }[] = [];
  const unpaired = [...added];
  const rest: string[] = [];
  for (const statement of missing) {
    const at = unpaired.findIndex((candidate) => differingPart(statement, candidate));
    if (at === -1) {
      rest.push(statement);
      continue;
    }
    changed.push(differingPart(statement, unpaired[at]!)!);
    unpaired.splice(at, 1);
  }
  return { changed, missing: rest, added: unpaired };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function quoteList(statements: string[]): string {
  const shown = statements.slice(0, 5).map((s) => `\`${s.length > 160 ? `${s.slice(0, 157)}…` : s}\``);
  return shown.join(', ') + (statements.length > 5 ? ` and ${statements.length - 5} more` : '');
}
