// The drift worker: a child process that imports the user's schema and asks drizzle-kit for the SQL.
// It runs user code and drizzle-kit's interactive diff, so the parent keeps it at arm's length: stdin is
// closed (drizzle-kit is never asked a rename question, and could not wait for an answer), a timer ends
// it, and every answer travels over the IPC channel. One job in, one result out.

import * as fs from 'node:fs';
import * as nodeModule from 'node:module';
import * as path from 'node:path';
import {
  BUNDLED_KIT_VERSION,
  type ConfigJob,
  type ConfigResult,
  type DiffOutcome,
  type DriftJob,
  type DriftResult,
  type KitInfo,
  type SchemaJob,
  type SchemaResult,
} from './checks/drift/protocol.js';
import { createModuleLoader } from './config/load-module.js';
import { dropOnlyBridge, emptySnapshot, normalizeSnapshot, pruneToChangedTables, renameCandidates, renameQuestion } from './checks/drift/snapshot.js';
import { findSchemaFiles, tsconfigAliases, userFrame } from './checks/drift/schema-files.js';

type Json = Record<string, unknown>;

/**
 * Node's createRequire, out of the bundler's sight: requires made with it load the user's project at
 * run time, and the bundler must not try to resolve (or bundle) them at build time.
 */
const createRequire: typeof nodeModule.createRequire = Reflect.get(nodeModule, 'createRequire');

/** The part of drizzle-kit's `api` the check needs, whatever the dialect. */
interface Kit {
  info: KitInfo;
  serialize(imports: Record<string, unknown>): Promise<Json>;
  diff(prev: Json, cur: Json): Promise<string[]>;
  upgrade(snapshot: Json): Json;
}

class WorkerError extends Error {
  constructor(
    readonly kind: Exclude<DriftResult, { ok: true }>['kind'],
    message: string,
    readonly where?: { file: string; line?: number },
    readonly missingPackage?: string,
  ) {
    super(message);
  }
}

process.once('message', (job: DriftJob | ConfigJob | SchemaJob) => {
  const work = job.kind === 'config' ? loadConfig(job) : job.kind === 'schema' ? serializeSchema(job) : run(job);
  work.then(reply, (e: unknown) => {
    const err = e instanceof WorkerError ? e : new WorkerError('kit-failed', errorText(e));
    const missing = err.missingPackage ? { missingPackage: err.missingPackage } : {};
    reply({ ok: false, kind: err.kind, message: err.message, file: err.where?.file, line: err.where?.line, ...missing, kit: currentKit });
  });
});

let currentKit: KitInfo | undefined;

function reply(result: DriftResult | ConfigResult | SchemaResult): void {
  process.send!(result, () => process.exit(0));
}

/** The config's default export (or the module itself, as drizzle-kit's `required.default ?? required`). */
async function loadConfig(job: ConfigJob): Promise<ConfigResult> {
  const load = createModuleLoader(job.file, tsconfigAliases(path.dirname(job.file)));
  let mod: Json;
  try {
    mod = await load(job.file);
  } catch (e) {
    throw importError(e, job.file);
  }
  const config = (mod.default ?? mod) as unknown;
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new WorkerError('import-failed', 'it has no default export holding the config object');
  }
  return { ok: true, config: plainData(config as Json) };
}

/** The config's data: JSON values only (a config may hold functions, class instances or getters that throw). */
function plainData(config: Json): Json {
  const out: Json = {};
  for (const key of Object.keys(config)) {
    try {
      const value = JSON.parse(JSON.stringify(config[key]) ?? 'null') as unknown;
      if (value !== null) out[key] = value;
    } catch {
      // Not data (a BigInt, a cycle, a throwing getter): drizzle-kit's fields never are.
    }
  }
  return out;
}

async function run(job: DriftJob): Promise<DriftResult> {
  const files = schemaFiles(job);
  if (job.folders) return runFolderLayout(job, files);
  const { kit, current } = await loadSchema(job, files);
  const latest = job.latest ? kit.upgrade(job.latest) : emptySnapshot(job.dialect);
  const drift = await diff(kit, latest, current);
  // Drift that regenerating cannot fix: a default computed when the schema loads differs on every load.
  const loadTimeDefaults =
    drift.kind === 'same' ? [] : changedDefaults(current, await kit.serialize(await importSchema(files, job.projectDir, { fresh: true })));
  const migrations = [];
  for (const m of job.migrations) {
    const prev = m.prev ? kit.upgrade(m.prev) : emptySnapshot(job.dialect);
    migrations.push({ tag: m.tag, outcome: await diff(kit, prev, kit.upgrade(m.cur)) });
  }
  return { ok: true, kit: kit.info, schemaFiles: files, drift, migrations, ...(loadTimeDefaults.length ? { loadTimeDefaults } : {}) };
}

/** The schema files the job's patterns name, with drizzle-orm installed for them. */
function schemaFiles(job: SchemaJob | DriftJob): string[] {
  const files = findSchemaFiles(job.cwd, job.schema);
  if (files.length === 0) {
    throw new WorkerError('schema-missing', `no schema files match ${job.schema.map((s) => `'${s}'`).join(', ')} (relative to ${job.cwd})`);
  }
  assertOrmInstalled(files[0]!);
  return files;
}

/** The schema imported and serialized by the project's drizzle-kit (or ours), as `drizzle-kit generate` does. */
async function loadSchema(job: SchemaJob | DriftJob, files: string[]): Promise<{ kit: Kit; current: Json }> {
  const kit = await loadKit(job);
  currentKit = kit.info;
  return { kit, current: await kit.serialize(await importSchema(files, job.projectDir)) };
}

async function serializeSchema(job: SchemaJob): Promise<SchemaResult> {
  const { kit, current } = await loadSchema(job, schemaFiles(job));
  return { ok: true, kit: kit.info, snapshot: current };
}

/**
 * drizzle-kit 1.x's folder layout: only the project's own 1.x kit can replay its diff snapshots
 * (`reconstruct`) and diff the result; ambiguous renames come back as missing "hints" instead of a prompt.
 */
async function runFolderLayout(job: DriftJob, files: string[]): Promise<DriftResult> {
  const projectRequire = createRequire(path.join(job.projectDir, 'package.json'));
  let apiFile: string;
  try {
    apiFile = projectRequire.resolve('drizzle-kit/api-postgres');
  } catch {
    throw new WorkerError('kit-failed', "drizzle-kit 1.x's API for PostgreSQL (drizzle-kit/api-postgres) is not installed in the project");
  }
  currentKit = { source: 'project', version: packageVersion(apiFile) };
  const api = projectRequire(apiFile) as Kit1;
  const imports = await importSchema(files, job.projectDir);
  const current = await api.generateDrizzleJson(imports);
  const folders = job.folders!;
  // With no migration yet, the state of an empty schema is the starting point.
  const latest = Object.keys(folders).length > 0 ? await api.reconstruct(folders) : await api.generateDrizzleJson({});
  let drift: DiffOutcome;
  try {
    const statements = await api.generateMigration(latest, current);
    drift = statements.length === 0 ? { kind: 'same' } : { kind: 'sql', statements };
  } catch (e) {
    const missing = (e as { missingHints?: MissingHint[] } | null)?.missingHints;
    if (!Array.isArray(missing)) throw e;
    const renames = missing.filter((h) => h.type === 'rename_or_create');
    const candidates = renames.map((h) => renameQuestion1x(h, latest, current));
    // Answering every question "create" (and confirming data loss) gives the SQL of drop and create.
    const hints = missing.map((h) => ({ type: h.type === 'rename_or_create' ? 'create' : 'confirm_data_loss', kind: h.kind, entity: h.entity }));
    let dropAdd: string[] | undefined;
    try {
      dropAdd = await api.generateMigration(latest, current, { hints });
    } catch {
      // The candidates still stand.
    }
    drift = renames.length > 0 ? { kind: 'rename', candidates, dropAdd } : { kind: 'sql', statements: dropAdd ?? [] };
  }
  return { ok: true, kit: currentKit, schemaFiles: files, drift, migrations: [] };
}

interface Kit1 {
  generateDrizzleJson(imports: Record<string, unknown>): Promise<Json>;
  reconstruct(files: Record<string, Json>): Promise<Json>;
  generateMigration(prev: Json, cur: Json, options?: { hints: unknown[] }): Promise<string[]>;
}

interface MissingHint {
  type: 'rename_or_create' | 'confirm_data_loss';
  kind: string;
  entity: string[];
}

/** The question drizzle-kit 1.x's hint stands for, with the removed candidates read from the states' entity lists. */
function renameQuestion1x(hint: MissingHint, latest: Json, current: Json): string {
  const show = (id: string[]) => (id[0] === 'public' ? id.slice(1) : id).join('.');
  const entityType = { table: 'tables', column: 'columns' }[hint.kind];
  const noun: [string, string] = [hint.kind, `${hint.kind}s`];
  if (!entityType) return `whether ${hint.kind} ${show(hint.entity)} is new or a renamed one`;
  const idOf = (row: Json) => (entityType === 'columns' ? [row.schema, row.table, row.name] : [row.schema, row.name]).map(String);
  const rows = (state: Json) => (Array.isArray(state.ddl) ? (state.ddl as Json[]) : []).filter((r) => r.entityType === entityType);
  const now = new Set(rows(current).map((r) => idOf(r).join('\u0000')));
  const parent = hint.entity.slice(0, -1).join('\u0000');
  const removed = rows(latest)
    .map(idOf)
    .filter((id) => id.slice(0, -1).join('\u0000') === parent && !now.has(id.join('\u0000')));
  if (removed.length === 0) return `whether ${hint.kind} ${show(hint.entity)} is new or a renamed one`;
  return renameQuestion(noun, removed.map(show), [show(hint.entity)]);
}

/**
 * What `drizzle-kit generate` would write between two snapshots, without ever putting a question to it.
 * drizzle-kit asks "created or renamed?" through resolvers its API does not let a caller replace; kits
 * before 0.31.10 then wait on stdin for good (the worker exits silently when nothing else is pending),
 * later ones throw without a terminal. So a step with a removed and an added object of one kind is never
 * given to it whole: a bridge snapshot splits it into drops then adds, which is drizzle-kit's SQL when
 * every question is answered "create", and the questions are reported instead.
 */
async function diff(kit: Kit, prev: Json, cur: Json): Promise<DiffOutcome> {
  if (normalizeSnapshot(prev) === normalizeSnapshot(cur)) return { kind: 'same' };
  const sqlBetween = (a: Json, b: Json) => kit.diff(...pruneToChangedTables(a, b));
  const candidates = renameCandidates(prev, cur);
  if (candidates.length > 0) {
    const bridge = dropOnlyBridge(prev, cur);
    try {
      return { kind: 'rename', candidates, dropAdd: [...(await sqlBetween(prev, bridge)), ...(await sqlBetween(bridge, cur))] };
    } catch {
      return { kind: 'rename', candidates };
    }
  }
  try {
    const statements = await sqlBetween(prev, cur);
    return statements.length === 0 ? { kind: 'same' } : { kind: 'sql', statements };
  } catch (e) {
    return { kind: 'failed', message: errorText(e) };
  }
}

function assertOrmInstalled(firstSchemaFile: string): void {
  try {
    createRequire(firstSchemaFile).resolve('drizzle-orm');
  } catch {
    throw new WorkerError('orm-missing', `drizzle-orm is not installed for ${firstSchemaFile}`, { file: firstSchemaFile }, 'drizzle-orm');
  }
}

/** The project's own drizzle-kit when it has a 0.x one (it wrote the snapshots), else ours. */
async function loadKit(job: SchemaJob | DriftJob): Promise<Kit> {
  const projectRequire = createRequire(path.join(job.projectDir, 'package.json'));
  let note: string | undefined;
  let apiFile: string | undefined;
  try {
    apiFile = projectRequire.resolve('drizzle-kit/api');
  } catch {
    // Not installed, too old to have an API, or 1.x (no "./api" export): the bundled kit answers.
    const version = installedVersion(projectRequire);
    if (version) note = `the project's drizzle-kit ${version} has no drizzle-kit/api for the journal layout`;
  }
  if (apiFile) {
    const version = packageVersion(apiFile);
    if (Number(version.split('.')[0]) >= 1) {
      note = `the project's drizzle-kit ${version} has no drizzle-kit/api for the journal layout`;
    } else {
      const api = projectRequire(apiFile) as Json;
      const kit = kitOf(api, job, { source: 'project', version });
      if (kit) return kit;
      note = `the project's drizzle-kit ${version} lacks the API functions for ${job.dialect}`;
    }
  }
  const api = await bundledKitApi();
  const kit = kitOf(api, job, { source: 'bundled', version: BUNDLED_KIT_VERSION, note });
  if (!kit) throw new WorkerError('kit-failed', `the bundled drizzle-kit cannot handle dialect ${job.dialect}`);
  return kit;
}

const API_NAMES: Record<string, [serialize: string, diff: string]> = {
  postgresql: ['generateDrizzleJson', 'generateMigration'],
  mysql: ['generateMySQLDrizzleJson', 'generateMySQLMigration'],
  sqlite: ['generateSQLiteDrizzleJson', 'generateSQLiteMigration'],
  // drizzle-kit's API has no libsql differ; turso schemas serialize as sqlite snapshots.
  turso: ['generateSQLiteDrizzleJson', 'generateSQLiteMigration'],
  singlestore: ['generateSingleStoreDrizzleJson', 'generateSingleStoreMigration'],
};

declare const __webpack_require__: unknown;

/**
 * Our own drizzle-kit's API. In the bundle: its ESM build, which the bundler can resolve (the CommonJS
 * build's dynamic requires defeat it), in a chunk loaded only when needed. From the TypeScript sources:
 * the CommonJS build through Node's require, which skips the development loader's slow transform.
 */
async function bundledKitApi(): Promise<Json> {
  if (typeof __webpack_require__ === 'function') return (await import('drizzle-kit/api')) as unknown as Json;
  return createRequire(import.meta.url)('drizzle-kit/api') as Json;
}

function kitOf(api: Json, job: SchemaJob | DriftJob, info: KitInfo): Kit | undefined {
  const names = API_NAMES[job.dialect];
  if (!names) return undefined;
  const serialize = api[names[0]] as ((...args: unknown[]) => Json | Promise<Json>) | undefined;
  const differ = api[names[1]] as ((prev: Json, cur: Json) => Promise<string[]>) | undefined;
  if (typeof serialize !== 'function' || typeof differ !== 'function') return undefined;
  const upPg = api.upPgSnapshot as ((s: Json) => Json) | undefined;
  return {
    info,
    // pg's serializer takes (imports, prevId, schemaFilters, casing); the others (imports, prevId, casing).
    serialize: async (imports) =>
      job.dialect === 'postgresql' ? serialize(imports, undefined, undefined, job.casing) : serialize(imports, undefined, job.casing),
    diff: (prev, cur) => differ(prev, cur),
    upgrade: (s) => (job.dialect === 'postgresql' && upPg ? upPg(s) : s),
  };
}

function installedVersion(projectRequire: NodeJS.Require): string | undefined {
  try {
    return packageVersion(projectRequire.resolve('drizzle-kit'));
  } catch {
    return undefined;
  }
}

function packageVersion(fileInPackage: string): string {
  for (let dir = path.dirname(fileInPackage); ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      const json = JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string; version?: string };
      if (json.name === 'drizzle-kit') return json.version ?? 'unknown';
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}

/**
 * Imports every schema file as drizzle-kit does (each module's exports; one object counted once), with a
 * TypeScript transform that keeps line numbers so an error points at the user's line.
 */
/** Columns whose default differs between two snapshots of the same schema (tables keyed alike in both). */
function changedDefaults(a: Json, b: Json): { table: string; column: string }[] {
  const out: { table: string; column: string }[] = [];
  const tablesOf = (s: Json) => (s.tables ?? {}) as Record<string, { name?: string; columns?: Record<string, { default?: unknown }> }>;
  const other = tablesOf(b);
  for (const [key, table] of Object.entries(tablesOf(a))) {
    for (const [column, def] of Object.entries(table.columns ?? {})) {
      const again = other[key]?.columns?.[column];
      if (again && JSON.stringify(def.default) !== JSON.stringify(again.default)) out.push({ table: table.name ?? key, column });
    }
  }
  return out;
}

async function importSchema(files: string[], projectDir: string, { fresh = false } = {}): Promise<Record<string, unknown>> {
  const load = createModuleLoader(path.join(projectDir, 'package.json'), tsconfigAliases(projectDir), { fresh });
  const imports: Record<string, unknown> = {};
  const seen = new Set<unknown>();
  for (const file of files) {
    let mod: Json;
    try {
      mod = await load(file);
    } catch (e) {
      throw importError(e, file);
    }
    for (const [name, value] of Object.entries(mod ?? {})) {
      // pgEnum() returns a function, so functions count too.
      if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) continue;
      seen.add(value);
      imports[`${file}#${name}`] = value;
    }
  }
  return imports;
}

function importError(e: unknown, file: string): WorkerError {
  const message = errorText(e);
  const missing = missingPackageOf(message);
  if (missing === 'drizzle-orm') return new WorkerError('orm-missing', `drizzle-orm is not installed for ${file}`, { file }, missing);
  // A syntax error is reported by the transform with its position: "Error transforming <file>: … (line:column)".
  const syntax = /^Error transforming (.+?): .*\((\d+):\d+\)/.exec(message);
  if (syntax) return new WorkerError('import-failed', firstLine(message), { file: syntax[1]!, line: Number(syntax[2]) });
  const stack = (e as { stack?: string } | null)?.stack ?? '';
  const where = userFrame(stack, [path.dirname(process.argv[1] ?? '')]) ?? { file };
  if (missing) return new WorkerError('import-failed', `${where.file} imports ${missing}, which is not installed`, where, missing);
  return new WorkerError('import-failed', firstLine(message), where);
}

/**
 * The package named by "Cannot find module 'x'" / "Cannot find package 'x'", when x is a package (not a
 * relative path, an absolute one, or a data: URL a loader made up).
 */
function missingPackageOf(message: string): string | undefined {
  const name = /Cannot find (?:module|package) '([^']+)'/.exec(message)?.[1];
  if (!name || /^(?:\.|\/|[a-z]+:|[A-Za-z]:\\)/.test(name)) return undefined;
  const parts = name.split('/');
  return name.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function errorText(e: unknown): string {
  // drizzle-kit validates snapshots with zod: show "where: what" for each issue, not the JSON dump.
  const issues = (e as { issues?: { path?: unknown[]; message?: string }[] } | null)?.issues;
  if (Array.isArray(issues) && issues.length > 0) {
    return `a snapshot does not validate: ${issues.slice(0, 3).map((i) => `${(i.path ?? []).join('.')}: ${i.message}`).join('; ')}`;
  }
  return e instanceof Error ? e.message : String(e);
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.slice(0, 500);
}
