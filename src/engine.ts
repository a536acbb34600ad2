// The engine shared by the CLI and the action: for each drizzle config, read the folder (and the base),
// run every check, and fold the findings into categories and an exit code.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { checks } from './checks/registry.js';
import type { BaseInfo, ChangedFile, Check, CheckContext, CheckOptions, Reconcile } from './checks/types.js';
import { ConfigError, discoverConfigs, loadDrizzleConfig, resolveConfig } from './config/drizzle-config.js';
import { checkCrashed, configError } from './config/errors.js';
import { applyRuleSettings, loadGuardConfig, type GuardConfig } from './config/guard-config.js';
import {
  asPreExisting,
  CATEGORIES,
  categoryStatuses,
  exitCodeOf,
  findingOf,
  type Category,
  type CategoryStatus,
  type Finding,
} from './findings.js';
import { baseFromChangedFiles, gitRoot, readBase } from './model/base.js';
import { loadSnapshotDocument, readMigrationSet } from './model/folder.js';
import { commitTree, workingTree, type FileTree } from './model/tree.js';
import type { MigrationSet, ResolvedConfig } from './model/types.js';
import { touchedTables } from './report/touched.js';
import type { ConfigReport, Report } from './report/types.js';
import { VERSION } from './version.js';

export async function runCheck(options: CheckOptions): Promise<Report> {
  const cwd = path.resolve(options.cwd);
  const configReports: ConfigReport[] = [];
  let configFiles: string[];
  let settings: GuardConfig;
  let repoRoot: string | undefined;
  try {
    if (!fs.statSync(cwd, { throwIfNoEntry: false })?.isDirectory()) throw new ConfigError(`--cwd ${options.cwd} is not a directory`);
    configFiles = discoverConfigs(cwd, options.configs, options) ?? [];
    repoRoot = gitRoot(cwd);
    settings = readSettings(cwd, repoRoot ?? cwd);
  } catch (e) {
    configReports.push(failedConfig(undefined, e));
    return assemble(configReports, options);
  }
  for (const file of configFiles.length > 0 ? configFiles : [undefined]) {
    configReports.push(await checkOneConfig(cwd, repoRoot, file, options, settings));
  }
  return assemble(configReports, options);
}

function readSettings(cwd: string, repoRoot: string): GuardConfig {
  const settings = loadGuardConfig(cwd, repoRoot);
  if ('error' in settings) throw new ConfigError(settings.error, settings.file);
  return settings;
}

async function checkOneConfig(
  cwd: string,
  repoRoot: string | undefined,
  file: string | undefined,
  options: CheckOptions,
  settings: GuardConfig,
): Promise<ConfigReport> {
  let config: ResolvedConfig;
  let ctx: CheckContext;
  const notes: string[] = [];
  try {
    config = await resolveOneConfig(cwd, file, options, notes);
    const givenOut = config.out;
    // Findings name files relative to cwd, whatever form `out` was given in.
    config = { ...config, out: path.relative(cwd, path.resolve(cwd, config.out)).split(path.sep).join('/') || '.' };
    const tree = options.headCommit ? headCommitTree(repoRoot, cwd, options.headCommit, config.out) : workingTree(cwd, repoRoot ?? cwd);
    if (tree.isOutside(config.out)) {
      // Nothing is read there: neither an absolute `out` nor a symlink lets a pull request make the check read the runner's files.
      throw new ConfigError(
        `the migrations folder ${JSON.stringify(givenOut)}${file ? ` (out in ${file})` : ''} resolves outside the repository ${repoRoot ?? cwd}: it is not read`,
        file,
      );
    }
    if (tree.list(config.out) === undefined) {
      throw new ConfigError(`migrations folder not found: ${path.join(cwd, config.out)} (out = ${JSON.stringify(config.out)}${file ? ` in ${file}` : ''})`, file);
    }
    // Settles once the folder and the base are read (new migrations marked); a folder that cannot be read
    // fails the config below, and a warm-up waiting for it is never continued.
    let headReady!: (head: MigrationSet) => void;
    const headRead = new Promise<MigrationSet>((resolve) => (headReady = resolve));
    for (const check of checks) check.warmUp?.(config, options, headRead);
    // git reads the base while the working tree is read.
    const baseFromGit = options.base && !options.changedFiles ? readBase(gitRepo(repoRoot, cwd, options.base), cwd, options.base, config.out, options.headCommit) : undefined;
    const head = readMigrationSet(tree, config);
    const base = options.changedFiles && options.base ? baseFromApi(options.base, head, options.changedFiles, notes) : await baseFromGit;
    markNew(head, base);
    headReady(head);
    // Read from git, the folder is not on disk for the checks that read a snapshot lazily: parse them all now.
    parseScrutinizedSnapshots(tree, head, Boolean(base), options.format === 'markdown', Boolean(options.headCommit));
    ctx = { cwd, options, config, settings, head, ...(base ? { base } : {}), hasBase: Boolean(base), tree };
  } catch (e) {
    return failedConfig(file, e);
  }
  let findings: Finding[] = [];
  const ran = new Map<Category, CategoryStatus>([['config', 'pass']]);
  // Concurrently: the replay and drift workers are processes of their own, the lint runs here meanwhile.
  const outcomes = await Promise.all(checks.map((check) => runOne(check, ctx)));
  checks.forEach((check, i) => {
    const outcome = outcomes[i]!;
    findings.push(...outcome.findings);
    if (outcome.note) notes.push(outcome.note);
    for (const c of check.categories) ran.set(c, mergeStatus(ran.get(c), outcome.status));
  });
  // Settings before the reconcile (a rule turned off cannot carry the replay's evidence), and to the findings
  // it adds; not again to the ones it changed, whose severity the trace may have lowered on purpose.
  const configure = (some: Finding[]) => applyRuleSettings(some, settings.rules);
  findings = configure(findings);
  for (const outcome of outcomes) if (outcome.reconcile) findings = outcome.reconcile(findings, configure);
  const settled = ctx.hasBase ? downgradePreExisting(findings, ctx) : findings;
  const categories = categoryStatuses(settled, ran, options.failOn ?? settings.failOn ?? 'error');
  return {
    ...(file ? { config: file } : {}),
    dialect: ctx.config.dialect,
    out: ctx.config.out,
    ...(ctx.config.schema ? { schema: ctx.config.schema } : {}),
    exitCode: exitCodeOf(categories),
    categories,
    findings: settled,
    migrations: ctx.head.migrations.map((m) => ({ tag: m.tag, file: m.file, new: m.isNew, statements: m.statements.length })),
    notes,
    // The ER diagram is drawn only in markdown (PR comment, job summary).
    ...(ctx.hasBase && options.format === 'markdown' ? { touchedTables: touchedTables(ctx.head) } : {}),
  };
}

/**
 * A config found by discovery that cannot be loaded (its imports not installed, say) does not stop a run
 * whose --out and --dialect say everything the integrity and lint checks need; an explicit --config does.
 */
async function resolveOneConfig(cwd: string, file: string | undefined, options: CheckOptions, notes: string[]): Promise<ResolvedConfig> {
  if (!file) return resolveConfig({}, options);
  try {
    return await loadDrizzleConfig(cwd, file, options, options.allowCodeExecution, options.databaseUrl ? [options.databaseUrl] : []);
  } catch (e) {
    const explicit = options.configs.length > 0;
    if (explicit || !(e instanceof ConfigError) || !options.out || !options.dialect) throw e;
    notes.push(`${e.message}; using --out and --dialect without it`);
    return resolveConfig({}, options);
  }
}

interface RunOutcome {
  findings: Finding[];
  status: CategoryStatus;
  note?: string;
  reconcile?: Reconcile;
}

async function runOne(check: Check, ctx: CheckContext): Promise<RunOutcome> {
  try {
    const outcome = await check.run(ctx);
    if (outcome.status === 'ran') {
      return {
        findings: outcome.findings,
        status: 'pass',
        ...(outcome.notes?.length ? { note: outcome.notes.join('; ') } : {}),
        ...(outcome.reconcile ? { reconcile: outcome.reconcile } : {}),
      };
    }
    return { findings: outcome.findings ?? [], status: outcome.status, note: `${check.name}: ${outcome.reason}` };
  } catch (e) {
    const message = e instanceof ConfigError ? e.message : `${check.name} check failed unexpectedly: ${(e as Error).message}`;
    if (process.env.DRIZZLE_GUARD_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    // The check did not finish: its categories were not verified, so they fail (never a silent pass).
    return { findings: [findingOf(e instanceof ConfigError ? configError : checkCrashed, { message })], status: 'fail' };
  }
}

/** A category is as much as its most complete check: pass beats skipped beats not-implemented. */
function mergeStatus(a: CategoryStatus | undefined, b: CategoryStatus): CategoryStatus {
  const rank: Record<CategoryStatus, number> = { fail: 3, pass: 2, skipped: 1, 'not-implemented': 0 };
  return a === undefined || rank[b] > rank[a] ? b : a;
}

function headCommitTree(repoRoot: string | undefined, cwd: string, commit: string, out: string): FileTree {
  const root = gitRepo(repoRoot, cwd, commit);
  return commitTree(root, commit, path.relative(root, cwd).split(path.sep).join('/'), [out]);
}

function gitRepo(repoRoot: string | undefined, cwd: string, ref: string): string {
  if (!repoRoot) throw new ConfigError(`--base ${ref} needs a git repository, and ${cwd} is not inside one`);
  return repoRoot;
}

function baseFromApi(ref: string, head: MigrationSet, changed: ChangedFile[], notes: string[]): BaseInfo {
  notes.push(`base ${ref} is not in the clone: new and changed migrations come from the pull request's file list`);
  return baseFromChangedFiles(ref, head, changed);
}

/**
 * A migration is new when the base did not declare it: not in the base's journal (a SQL file committed
 * earlier without a journal entry was never applied by anyone), or, without a base journal (folder
 * layout, or only the API's file list), when its file did not exist at the base.
 */
function markNew(head: MigrationSet, base: BaseInfo | undefined): void {
  if (!base) return;
  const journaled = base.journal ? new Set(base.journal.entries.map((e) => e.tag)) : undefined;
  for (const m of head.migrations) m.isNew = journaled && head.journal ? !journaled.has(m.tag) : !base.files.has(m.file);
}

/**
 * Snapshots of new migrations, and for the ER diagram the last one before them (it compares the two), are
 * parsed whole; the rest only by their header (see readSnapshotHeader).
 */
function parseScrutinizedSnapshots(tree: FileTree, head: MigrationSet, hasBase: boolean, forDiagram: boolean, all: boolean): void {
  if (!hasBase && !all) return;
  const firstNew = head.migrations.findIndex((m) => m.isNew);
  const lastApplied = forDiagram ? head.migrations.slice(0, firstNew < 0 ? 0 : firstNew).findLast((m) => m.snapshot) : undefined;
  for (const m of head.migrations) {
    if ((!all && !m.isNew && m !== lastApplied) || !m.snapshot || m.snapshot.json) continue;
    const full = loadSnapshotDocument(tree, m.snapshot.file);
    Object.assign(m.snapshot, full);
  }
}

/**
 * Integrity findings already present at the base (see asPreExisting). A finding is the PR's own when it
 * concerns a new migration or a file the PR changed; the other checks decide for their own findings (drift
 * compares with the base's drift).
 */
function downgradePreExisting(findings: Finding[], ctx: CheckContext): Finding[] {
  const base = ctx.base!;
  const newTags = new Set(ctx.head.migrations.filter((m) => m.isNew).map((m) => m.tag));
  const changedMigrationFiles = new Set(ctx.head.migrations.filter((m) => base.modified.has(m.file) || m.isNew).map((m) => m.tag));
  const journalFile = ctx.head.journal?.file;
  const editedEntries = editedJournalEntries(ctx);
  const introduced = (f: Finding) => {
    if (f.category !== 'integrity') return true;
    if (f.migration !== undefined && (newTags.has(f.migration) || changedMigrationFiles.has(f.migration))) return true;
    if (f.file === undefined) return true;
    if (f.file === journalFile && f.migration !== undefined) return editedEntries.has(f.migration);
    return !base.files.has(f.file) || base.modified.has(f.file) || base.deleted.includes(f.file);
  };
  return findings.map((f) => (introduced(f) ? f : asPreExisting(f)));
}

/**
 * Tags whose journal entry, or an entry before it, the PR changed (a `when` moved, say): the journal's rules
 * judge an entry against the ones before it, so a finding declared there is the PR's own.
 */
function editedJournalEntries(ctx: CheckContext): Set<string> {
  const head = ctx.head.journal;
  const base = ctx.base?.journal;
  if (!head || !base) return new Set();
  const before = new Map(base.entries.map((e) => [String(e.tag), JSON.stringify(e)]));
  const firstEdited = head.entries.findIndex((e) => before.get(String(e.tag)) !== JSON.stringify(e));
  return new Set(firstEdited < 0 ? [] : head.entries.slice(firstEdited).map((e) => String(e.tag)));
}

function failedConfig(file: string | undefined, e: unknown): ConfigReport {
  if (!(e instanceof ConfigError)) throw e;
  const findings = [findingOf(configError, { message: e.message, ...(e.file ?? file ? { file: e.file ?? file } : {}) })];
  const ran = new Map<Category, CategoryStatus>([['config', 'pass']]);
  const categories = categoryStatuses(findings, ran, 'error');
  return { ...(file ? { config: file } : {}), exitCode: exitCodeOf(categories), categories, findings, migrations: [], notes: [] };
}

function assemble(configs: ConfigReport[], options: CheckOptions): Report {
  const rank: Record<CategoryStatus, number> = { fail: 3, pass: 2, skipped: 1, 'not-implemented': 0 };
  const categories = Object.fromEntries(
    CATEGORIES.map((c) => [c, configs.map((r) => r.categories[c]).reduce((a, b) => (rank[b] > rank[a] ? b : a), 'not-implemented' as CategoryStatus)]),
  ) as Record<Category, CategoryStatus>;
  return {
    tool: 'drizzle-guard',
    version: VERSION,
    exitCode: exitCodeOf(categories),
    categories,
    findings: configs.flatMap((r) => r.findings),
    migrations: configs.flatMap((r) => r.migrations),
    notes: configs.flatMap((r) => r.notes.map((n) => (configs.length > 1 && r.config ? `${r.config}: ${n}` : n))),
    ...(options.base ? { base: options.base } : {}),
    configs,
  };
}
