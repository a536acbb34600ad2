// Hostile and broken input (issue 14): each case is an observation made on the committed bundle, run again here
// against the bundled CLI (dist/cli) and, where the action is involved, the bundled action (dist/action) as the
// runner starts it. Nothing may pass silently, hang, or read outside the repository.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { checks } from '../../src/checks/registry.js';
import { isIgnoredPath } from '../../src/config/guard-config.js';
import { runCheck } from '../../src/engine.js';
import type { Report } from '../../src/report/types.js';
import { CLI, commitAll, copyFixture, FIXTURES, git, options, ROOT } from '../helpers/project.js';

const ACTION = path.join(ROOT, 'dist/action/index.js');
/** Outside content that must never reach a report: it is also a PostgreSQL syntax error the lint would quote. */
const SECRET = 'SECRET_TOKEN_ghp_outside_42';

interface Run {
  code: number | null;
  out: string;
  report?: Report;
  ms: number;
}

function cli(cwd: string, ...args: string[]): Run {
  const started = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'check', '--cwd', cwd, '--format', 'json', ...args], { encoding: 'utf8', timeout: 120_000 });
  let report: Report | undefined;
  try {
    report = JSON.parse(r.stdout) as Report;
  } catch {
    report = undefined;
  }
  return { code: r.status, out: r.stdout + r.stderr, ms: performance.now() - started, ...(report ? { report } : {}) };
}

function tmpDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `dg-hostile-${name}-`));
}

/** The pg-clean migrations in a folder outside any repository, one of them carrying the secret as a statement. */
function outsideFolder(): string {
  const dir = path.join(tmpDir('outside'), 'drizzle');
  fs.cpSync(path.join(FIXTURES, 'pg-clean/drizzle'), dir, { recursive: true });
  fs.appendFileSync(path.join(dir, '0001_add_due_date.sql'), `\n--> statement-breakpoint\n${SECRET} = 1;\n`);
  return dir;
}

/** pg-clean with a JSON config (the one kind read under pull_request_target from a fork), committed. */
function jsonProject(out: string): string {
  const dir = copyFixture('pg-clean');
  fs.rmSync(path.join(dir, 'drizzle.config.ts'));
  fs.writeFileSync(path.join(dir, 'drizzle.config.json'), JSON.stringify({ dialect: 'postgresql', schema: './schema.ts', out }));
  commitAll(dir);
  return dir;
}

function rulesOf(run: Run): string[] {
  return (run.report?.findings ?? []).map((f) => f.ruleId);
}

describe('nothing outside the repository is read (item 2)', () => {
  it('an `out` folder that is a symlink leading outside is a config-error, and nothing in it is read', () => {
    const dir = jsonProject('drizzle');
    fs.rmSync(path.join(dir, 'drizzle'), { recursive: true });
    fs.symlinkSync(outsideFolder(), path.join(dir, 'drizzle'));
    const run = cli(dir, '--no-drift');
    expect(run.code, run.out).toBe(4);
    expect(rulesOf(run)).toEqual(['config-error']);
    expect(run.report!.findings[0]!.message).toContain('resolves outside the repository');
    expect(run.out).not.toContain(SECRET);
  });

  it('an absolute `out` outside the repository is a config-error, also with --base', () => {
    const outside = outsideFolder();
    const dir = jsonProject(outside);
    for (const run of [cli(dir, '--no-drift'), cli(dir, '--no-drift', '--base', 'HEAD')]) {
      expect(run.code, run.out).toBe(4);
      expect(rulesOf(run)).toEqual(['config-error']);
      expect(run.out).not.toContain(SECRET);
      expect(run.out).not.toContain('internal error');
    }
  });

  it('a `meta` folder that is a symlink leading outside is reported and not read', () => {
    const dir = jsonProject('drizzle');
    const outsideMeta = path.join(outsideFolder(), 'meta');
    // The outside journal names a migration after the secret: were it read, the tag would be in the report.
    const journal = JSON.parse(fs.readFileSync(path.join(outsideMeta, '_journal.json'), 'utf8'));
    journal.entries[1].tag = `0001_${SECRET}`;
    fs.writeFileSync(path.join(outsideMeta, '_journal.json'), JSON.stringify(journal));
    fs.rmSync(path.join(dir, 'drizzle/meta'), { recursive: true });
    fs.symlinkSync(outsideMeta, path.join(dir, 'drizzle/meta'));
    const run = cli(dir, '--no-drift');
    expect(run.code, run.out).toBe(2);
    expect(run.report!.findings.filter((f) => f.ruleId === 'file-unreadable').map((f) => f.file)).toEqual(['drizzle/meta']);
    expect(run.out).not.toContain(SECRET);
  });
});

describe('settings files are read through the same layer (item 2)', () => {
  it('.drizzle-guard.json as a symlink leading outside is a config-error, and its text is not quoted', () => {
    const dir = copyFixture('pg-clean');
    // Not JSON (think /proc/self/environ): a JSON.parse error quotes its first characters.
    const secret = path.join(tmpDir('outside'), 'environ');
    fs.writeFileSync(secret, `${SECRET}\n`);
    fs.symlinkSync(secret, path.join(dir, '.drizzle-guard.json'));
    commitAll(dir);
    const run = cli(dir, '--no-drift', '--no-replay');
    expect(run.code, run.out).toBe(4);
    expect(run.report!.findings[0]!.message).toContain('resolves outside the repository');
    expect(run.out).not.toContain(SECRET.slice(0, 6));
  });
});

describe('a drizzle config read as text is read through the same layer', () => {
  function withConfigLink(name: string): string {
    const dir = copyFixture('pg-clean');
    for (const f of fs.readdirSync(dir)) if (f.startsWith('drizzle.config.')) fs.rmSync(path.join(dir, f));
    const secret = path.join(tmpDir('outside'), 'environ');
    fs.writeFileSync(secret, `${SECRET}\n`);
    fs.symlinkSync(secret, path.join(dir, name));
    commitAll(dir);
    return dir;
  }

  it('drizzle.config.json as a symlink leading outside is a config-error, and its text is not quoted', () => {
    const dir = withConfigLink('drizzle.config.json');
    const run = cli(dir, '--no-drift', '--no-replay');
    expect(run.code, run.out).toBe(4);
    expect(run.report!.findings[0]).toMatchObject({ ruleId: 'config-error', message: expect.stringContaining('resolves outside the repository') });
    expect(run.out).not.toContain(SECRET.slice(0, 6));
  });

  it('drizzle.config.ts read without running it (pull_request_target) as a symlink leading outside is not read', async () => {
    const dir = withConfigLink('drizzle.config.ts');
    const report = await runCheck(options(dir, { allowCodeExecution: false }));
    expect(report.exitCode).toBe(4);
    expect(report.findings[0]!.message).toContain('resolves outside the repository');
    expect(JSON.stringify(report)).not.toContain(SECRET.slice(0, 6));
  });
});

describe('ignore globs run in linear time (item 4)', () => {
  const pattern = '*a*a*a*a*a*a*a*a*b';
  const name = `drizzle/0001_${'a'.repeat(55)}.sql`;

  it('the 8-group pattern against a 60-character file name takes well under a second', () => {
    isIgnoredPath('warm-up', ['*']);
    const started = performance.now();
    // The name has no `b`: no match, the case that backtracks (33 s before, with a hand-made RegExp).
    expect(isIgnoredPath(name, [pattern, `${pattern.slice(0, -1)}a*b`])).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(isIgnoredPath(`${name.slice(0, -4)}b.sql`, ['*a*a*a*b.sql'])).toBe(true);
  });

  it('the bundled CLI lints such a migration without hanging', () => {
    const dir = copyFixture('pg-clean');
    const tag = path.basename(name, '.sql');
    const journalFile = path.join(dir, 'drizzle/meta/_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    journal.entries[1].tag = tag;
    fs.writeFileSync(journalFile, JSON.stringify(journal, null, 2));
    fs.renameSync(path.join(dir, 'drizzle/0001_add_due_date.sql'), path.join(dir, name));
    fs.writeFileSync(path.join(dir, '.drizzle-guard.json'), JSON.stringify({ ignore: [pattern] }));
    const run = cli(dir, '--no-drift', '--no-replay');
    expect(run.code, run.out).toBe(0);
    // Starting the bundle and linting three migrations takes about a second; 33 s before.
    expect(run.ms).toBeLessThan(15_000);
  });
});

describe('the journal is read as drizzle-orm reads it (item 6)', () => {
  type Variant = [name: string, change: (journal: Buffer, dir: string) => Buffer | string];
  const variants: Variant[] = [
    ['as drizzle-kit wrote it', (j) => j],
    ['with a UTF-8 byte order mark', (j) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), j])],
    ['cut in half', (j) => j.subarray(0, j.length >> 1)],
    ['with entries null', () => JSON.stringify({ version: '7', dialect: 'postgresql', entries: null })],
    ['with a null entry', (j) => JSON.stringify({ ...JSON.parse(j.toString()), entries: [null] })],
    ['naming a missing file', (j, dir) => (fs.rmSync(path.join(dir, 'drizzle/0002_add_status_done.sql')), j)],
    ['that is a folder', (_, dir) => (fs.rmSync(path.join(dir, 'drizzle/meta/_journal.json')), fs.mkdirSync(path.join(dir, 'drizzle/meta/_journal.json')), '')],
  ];

  it.each(variants)('journal %s: drizzle-orm throws exactly when drizzle-guard reports an integrity error', (_, change) => {
    const dir = copyFixture('pg-clean');
    const journalFile = path.join(dir, 'drizzle/meta/_journal.json');
    const changed = change(fs.readFileSync(journalFile), dir);
    if (fs.statSync(journalFile).isFile()) fs.writeFileSync(journalFile, changed);
    let migratorError: string | undefined;
    try {
      readMigrationFiles({ migrationsFolder: path.join(dir, 'drizzle') });
    } catch (e) {
      migratorError = (e as Error).message;
    }
    const run = cli(dir, '--no-drift', '--no-lint', '--no-replay');
    const errors = run.report!.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId);
    if (migratorError === undefined) {
      expect(run.code, run.out).toBe(0);
    } else {
      expect(run.code, `drizzle-orm: ${migratorError}\n${run.out}`).toBe(2);
      // A missing file has its own rule; everything else about the journal is journal-invalid.
      expect(errors).toEqual([migratorError.startsWith('No file') ? 'journal-entry-missing-file' : 'journal-invalid']);
    }
  });
});

describe('a crashed check never reads as a pass (item 7)', () => {
  const crashing = { name: 'crashing', categories: ['drift' as const], run: () => Promise.reject(new Error('boom')) };
  afterEach(() => {
    const i = checks.indexOf(crashing);
    if (i >= 0) checks.splice(i, 1);
  });

  it('the category of a check that throws fails, and so does the exit code', async () => {
    checks.push(crashing);
    const report = await runCheck(options(copyFixture('pg-clean')));
    expect(report.findings.map((f) => f.ruleId)).toEqual(['check-crashed']);
    expect(report.categories.drift).toBe('fail');
    expect(report.exitCode).toBe(4);
  });

  it('a snapshot nested 200,000 levels deep: drift does not pass, and no worker timer keeps the CLI alive', () => {
    const dir = copyFixture('pg-clean');
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    const file = path.join(dir, 'drizzle/meta/0002_snapshot.json');
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const snapshot = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, snapshot.replace('"tables": {', `"tables": {"public.deep": ${deep},`));
    const run = cli(dir, '--no-lint', '--no-replay');
    expect(run.code, run.out).toBe(4);
    expect(run.report!.categories.drift).not.toBe('pass');
    // The drift worker's timeout is 60 s: the CLI used to wait for it after the crash.
    expect(run.ms).toBeLessThan(30_000);
  });
});

describe('size limits are checked before reading (item 8)', () => {
  it('a 3 GiB SQL file and a 600 MB journal are file-too-large, named with their size and the limit', () => {
    const dir = copyFixture('pg-clean');
    // Sparse files: the size is real, the disk is not used, and nothing may read them.
    fs.truncateSync(path.join(dir, 'drizzle/0001_add_due_date.sql'), 3 * 1024 ** 3);
    const sql = cli(dir, '--no-drift', '--no-replay');
    expect(sql.code, sql.out).toBe(2);
    expect(sql.report!.findings.map((f) => `${f.ruleId} ${f.file}`)).toEqual(['file-too-large drizzle/0001_add_due_date.sql']);
    expect(sql.report!.findings[0]!.message).toContain(`${3 * 1024 ** 3} bytes`);
    expect(sql.report!.findings[0]!.message).toContain('16 MiB limit');
    expect(sql.ms).toBeLessThan(15_000);

    fs.truncateSync(path.join(dir, 'drizzle/meta/_journal.json'), 600 * 1000 ** 2);
    const journal = cli(dir, '--no-drift', '--no-replay');
    expect(journal.code, journal.out).toBe(2);
    expect(journal.report!.findings.map((f) => `${f.ruleId} ${f.file}`)).toContain('file-too-large drizzle/meta/_journal.json');
  });
});

describe('configuration-type errors are config-error, secrets redacted (item 9)', () => {
  it.each([
    ['a file', 'drizzle.config.json'],
    ['a NUL byte', 'dri\u0000zzle'],
    ['a parent of the repository', '..'],
  ])('an `out` that is %s is a config-error', (_, out) => {
    const run = cli(jsonProject(out), '--no-drift');
    expect(run.code, run.out).toBe(4);
    expect(rulesOf(run)).toEqual(['config-error']);
  });

  it('a database URL with a port that is not a number is a config-error, not a crash', () => {
    const run = cli(copyFixture('pg-clean'), '--no-drift', '--no-lint', '--no-replay', '--database-url', 'postgres://app:pw-9f3k@127.0.0.1:notaport/app');
    expect(run.code, run.out).toBe(4);
    expect(rulesOf(run)).toEqual(['config-error']);
    expect(run.report!.categories.pending).toBe('fail');
    expect(run.out).not.toContain('pw-9f3k');
  });

  it('a database URL whose sslrootcert names a missing file: the path is not printed', () => {
    const url = 'postgres://app@127.0.0.1:5432/app?sslmode=verify-full&sslrootcert=/run/secrets/ca-7Hq2xKp.pem';
    const run = cli(copyFixture('pg-clean'), '--no-drift', '--no-lint', '--no-replay', '--database-url', url);
    expect(run.code, run.out).toBe(4);
    expect(rulesOf(run)).toEqual(['config-error']);
    expect(run.out).not.toContain('7Hq2xKp');
  });
});

describe('git never takes a ref for an option (item 11)', () => {
  it('--base "--upload-pack=…" is a config-error and runs nothing', () => {
    const dir = copyFixture('pg-clean');
    commitAll(dir);
    const run = cli(dir, '--no-drift', '--no-lint', '--no-replay', '--base=--upload-pack=touch pwned;false');
    expect(run.code, run.out).toBe(4);
    expect(rulesOf(run)).toEqual(['config-error']);
    expect(fs.existsSync(path.join(dir, 'pwned'))).toBe(false);
  });
});

describe('the bundled action (items 2, 9, 11)', () => {
  /** A clone of a one-commit origin, the check in its root; the event names a fork when `fork` is set. */
  async function runAction(project: string, opts: { fork?: boolean; inputs?: Record<string, string> } = {}) {
    const work = tmpDir('action');
    const origin = path.join(work, 'origin');
    fs.cpSync(project, origin, { recursive: true, verbatimSymlinks: true });
    const sha = git(origin, 'rev-parse', 'HEAD').trim();
    const clone = path.join(work, 'clone');
    git(work, 'clone', '-q', '--depth=1', `file://${origin}`, clone);
    const files = path.join(work, 'files');
    fs.mkdirSync(files);
    const event = {
      number: 3,
      pull_request: { number: 3, base: { sha, ref: 'main', repo: { full_name: 'acme/shop' } }, head: { sha, ref: 'x', repo: { full_name: opts.fork ? 'mallory/shop' : 'acme/shop' } } },
      repository: { full_name: 'acme/shop' },
    };
    fs.writeFileSync(path.join(files, 'event.json'), JSON.stringify(event));
    for (const f of ['output', 'summary']) fs.writeFileSync(path.join(files, f), '');
    const inputs: Record<string, string> = { comment: 'false', drift: 'false', replay: 'false', ...opts.inputs };
    const env: Record<string, string> = {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? work,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: opts.fork ? 'pull_request_target' : 'pull_request',
      GITHUB_EVENT_PATH: path.join(files, 'event.json'),
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_SHA: sha,
      GITHUB_WORKSPACE: clone,
      GITHUB_OUTPUT: path.join(files, 'output'),
      GITHUB_STEP_SUMMARY: path.join(files, 'summary'),
      RUNNER_TEMP: files,
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    };
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [ACTION], { cwd: clone, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.on('error', reject);
      child.on('close', (c) => resolve({ code: c, stdout: out }));
    });
    const output = fs.readFileSync(path.join(files, 'output'), 'utf8');
    const exitOutput = /^exit-code<<(\S+)\n(.*)\n\1$/m.exec(output)?.[2];
    return { code, stdout, summary: fs.readFileSync(path.join(files, 'summary'), 'utf8'), exitOutput, work };
  }

  it('under pull_request_target from a fork, an absolute `out` outside the repository is a config-error and nothing of it is read', async () => {
    const run = await runAction(jsonProject(outsideFolder()), { fork: true });
    expect(run.code, run.stdout).toBe(4);
    expect(run.exitOutput).toBe('4');
    expect(run.summary).toContain('config-error');
    expect(run.summary).toContain('resolves outside the repository');
    expect(run.stdout + run.summary).not.toContain(SECRET);
  }, 60_000);

  it('under pull_request_target from a fork, a symlinked `out` leading outside is not followed', async () => {
    const dir = jsonProject('drizzle');
    fs.rmSync(path.join(dir, 'drizzle'), { recursive: true });
    fs.symlinkSync(outsideFolder(), path.join(dir, 'drizzle'));
    commitAll(dir, 'symlink');
    const run = await runAction(dir, { fork: true });
    expect(run.code, run.stdout).toBe(4);
    expect(run.summary).toContain('resolves outside the repository');
    expect(run.stdout + run.summary).not.toContain(SECRET);
  }, 60_000);

  it('base-ref "--upload-pack=touch pwned;false" is a config-error with a summary, and runs nothing', async () => {
    const run = await runAction(jsonProject('drizzle'), { inputs: { 'base-ref': '--upload-pack=touch pwned;false' } });
    expect(run.code, run.stdout).toBe(4);
    expect(run.exitOutput).toBe('4');
    expect(run.summary).toContain('is not a git ref name or commit sha');
    const created = fs.readdirSync(run.work, { recursive: true }).map(String).filter((f) => path.basename(f) === 'pwned');
    expect(created).toEqual([]);
  }, 60_000);

  it.each(['postgres://app:Pw%40rd-51x@127.0.0.1:9/app', 'postgres://app:Pw%40rd-51x@127.0.0.1:notaport/app'])('masks the password of %s on its own, not only the whole URL', async (url) => {
    // Port 9 (discard) is closed here: a connection error; `notaport` does not parse. Both are config-errors.
    const run = await runAction(jsonProject('drizzle'), { inputs: { 'database-url': url } });
    expect(run.code, run.stdout).toBe(4);
    // The runner hides every string announced with ::add-mask::, the password as written and decoded (`%` is written %25 in a workflow command).
    expect(run.stdout).toContain('::add-mask::Pw%2540rd-51x\n');
    expect(run.stdout).toContain('::add-mask::Pw@rd-51x\n');
    expect(run.summary).toContain('config-error');
  }, 60_000);
});
