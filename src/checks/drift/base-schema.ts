// The base commit's TypeScript schema, run by drizzle-kit in the drift worker: serialized (the safety lint
// asks for it only when a DROP COLUMN needs it, see rules/drop-column.ts), or compared with the base's
// latest snapshot (the drift check asks, only when it found drift, whether the base had the same). The base's
// source files are copied out of git into a temporary folder outside the repository (removed afterwards),
// with the working tree's node_modules linked in so the schema's imports resolve; nothing is written to the
// repository.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeLoadFailure } from '../../config/drizzle-config.js';
import type { WorkerFailure } from '../../config/worker-process.js';
import { gitRoot } from '../../model/base.js';
import type { CheckContext } from '../types.js';
import type { DiffOutcome, DriftJob, DriftResult, SchemaJob, SchemaResult } from './protocol.js';
import { runDriftWorker, secretsOf } from './run-worker.js';

type Json = Record<string, unknown>;

export type BaseSchema = { ok: true; snapshot: Json } | { ok: false; reason: string };

/** Files a schema may import or be configured by: scripts and JSON (package.json, tsconfig.json). */
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?|json)$/;
/** Larger files are generated data, not code a schema imports. */
const MAX_FILE_BYTES = 1 << 20;
/** A repository whose sources exceed this is not copied: the check says so instead. */
const MAX_TOTAL_BYTES = 256 << 20;

export type BaseDrift = { ok: true; drift: DiffOutcome } | { ok: false; reason: string };

export async function loadBaseSchema(ctx: CheckContext): Promise<BaseSchema> {
  const result = await runAtBase<SchemaResult>(ctx, (at) => ({ kind: 'schema', ...at }), "loading the base's schema");
  return result.ok ? { ok: true, snapshot: result.value.snapshot } : result;
}

/** The base's schema against `latest`, the base's latest snapshot: the drift the base already had. */
export async function baseDrift(ctx: CheckContext, latest: Json | undefined): Promise<BaseDrift> {
  const result = await runAtBase<DriftResult>(ctx, (at) => ({ kind: 'drift', ...at, ...(latest ? { latest } : {}), migrations: [] }), "checking the base's schema for drift");
  if (!result.ok) return result;
  const { drift } = result.value;
  return drift.kind === 'failed' ? { ok: false, reason: drift.message } : { ok: true, drift };
}

type AtBase = Pick<DriftJob, 'cwd' | 'projectDir' | 'dialect' | 'schema' | 'casing'>;

async function runAtBase<R extends DriftResult | SchemaResult>(
  ctx: CheckContext,
  jobFor: (at: AtBase) => SchemaJob | DriftJob,
  task: string,
): Promise<{ ok: true; value: R & { ok: true } } | { ok: false; reason: string }> {
  const { config } = ctx;
  const commit = ctx.base?.commit;
  if (!commit) return { ok: false, reason: 'the base commit is not in the clone' };
  if (!ctx.options.allowCodeExecution) return { ok: false, reason: "running the repository's code is not allowed here" };
  if (!ctx.options.drift) return { ok: false, reason: 'with --no-drift no TypeScript schema is loaded' };
  if (!config.file || !config.schema?.length) return { ok: false, reason: 'no drizzle config naming the schema' };
  const repoRoot = gitRoot(ctx.cwd);
  if (!repoRoot) return { ok: false, reason: 'not a git repository' };
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'drizzle-guard-base-'));
  try {
    const inRepo = (abs: string) => path.relative(repoRoot, fs.realpathSync(abs));
    if (!inRepo(copy).startsWith('..')) return { ok: false, reason: 'the temporary folder is inside the repository' };
    copySources(repoRoot, commit, copy);
    const cwd = path.join(copy, inRepo(ctx.cwd));
    const projectDir = path.join(copy, inRepo(path.dirname(path.resolve(ctx.cwd, config.file))));
    for (const dir of [cwd, projectDir]) linkDependencies(repoRoot, copy, path.relative(copy, dir));
    const job = jobFor({ cwd, projectDir, dialect: config.dialect, schema: config.schema, ...(config.casing ? { casing: config.casing } : {}) });
    fs.mkdirSync(cwd, { recursive: true });
    const result = await runDriftWorker<R>(job, secretsOf(ctx), task);
    return result.ok ? { ok: true, value: result as R & { ok: true } } : { ok: false, reason: failureText(result, cwd, copy) };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

/**
 * Writes the commit's source files under `dest`: regular files only (a symlink or submodule is not followed),
 * none under node_modules, each at most MAX_FILE_BYTES; sizes are listed first, so nothing larger is read.
 */
function copySources(repoRoot: string, commit: string, dest: string): void {
  const listing = execFileSync('git', ['ls-tree', '-r', '-l', '-z', '--full-tree', commit], { cwd: repoRoot, maxBuffer: 1 << 28 }).toString('utf8');
  const blobs: { oid: string; file: string }[] = [];
  let total = 0;
  for (const record of listing.split('\0')) {
    const m = /^(100644|100755) blob ([0-9a-f]+) +(\d+)\t(.*)$/s.exec(record);
    if (!m || !SOURCE_FILE.test(m[4]!) || m[4]!.split('/').includes('node_modules') || Number(m[3]) > MAX_FILE_BYTES) continue;
    total += Number(m[3]);
    if (total > MAX_TOTAL_BYTES) throw new Error(`the base's source files exceed ${MAX_TOTAL_BYTES >> 20} MiB`);
    blobs.push({ oid: m[2]!, file: m[4]! });
  }
  if (blobs.length === 0) return;
  const out = execFileSync('git', ['cat-file', '--batch'], { cwd: repoRoot, input: blobs.map((b) => b.oid).join('\n') + '\n', maxBuffer: MAX_TOTAL_BYTES * 2 });
  let pos = 0;
  for (const { file } of blobs) {
    const nl = out.indexOf(10, pos);
    const size = Number(out.subarray(pos, nl).toString().split(' ')[2]);
    const target = path.join(dest, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, out.subarray(nl + 1, nl + 1 + size));
    pos = nl + 1 + size + 1;
  }
}

/** Links the working tree's node_modules folders on the way from the repository root to `dir` into the copy. */
function linkDependencies(repoRoot: string, copy: string, dir: string): void {
  const parts = dir === '' ? [] : dir.split(path.sep);
  for (let i = 0; i <= parts.length; i++) {
    const rel = parts.slice(0, i).join(path.sep);
    const installed = path.join(repoRoot, rel, 'node_modules');
    const link = path.join(copy, rel, 'node_modules');
    if (!fs.existsSync(installed) || fs.existsSync(link)) continue;
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(fs.realpathSync(installed), link, 'dir');
  }
}

/** Why the worker gave no schema, with the copy's paths written relative to it (as the repository's). */
function failureText(result: Extract<DriftResult, { ok: false }> | WorkerFailure, cwd: string, copy: string): string {
  const text = describeLoadFailure(result, cwd).split(`${copy}${path.sep}`).join('').split(copy).join('.');
  return result.kind === 'schema-missing' ? `schema not found at the base: ${text}` : text;
}
