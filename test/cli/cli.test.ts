// The bundled CLI as a user runs it: a child process on real fixtures. The bundle runs from a copy of dist/
// outside the repository, so nothing it loads can come from the repository's node_modules: a drizzle-kit or
// PGlite missing from (or broken in) the bundle fails these tests.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commitAll, copyFixture, git, linkDrizzleOrmOnly, ROOT } from '../helpers/project.js';

let bundledCli: string;
beforeAll(() => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-dist-'));
  fs.cpSync(path.join(ROOT, 'dist'), dist, { recursive: true });
  bundledCli = path.join(dist, 'cli/index.js');
});

function cli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, [bundledCli, ...args], { cwd: opts.cwd ?? ROOT, env: { ...process.env, NO_COLOR: undefined, ...opts.env }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonReport {
  exitCode: number;
  categories: Record<string, string>;
  findings: { ruleId: string; file?: string; line?: number; sql?: string }[];
  notes: string[];
}

/** The verdict of a JSON report: each finding as "rule-id file:line", sorted (file and line when it has them). */
function verdict(report: JsonReport): string[] {
  return report.findings.map((f) => `${f.ruleId} ${f.file ?? '-'}${f.line === undefined ? '' : `:${f.line}`}`).sort();
}

/** A copy of a fixture whose node_modules holds drizzle-orm (the schema imports it) and no drizzle-kit. */
const projectWithoutKit = (fixture: string) => linkDrizzleOrmOnly(copyFixture(fixture));

// fixtures/pg-broken (see its postprocess.mjs): 0001_other_branch.sql is outside the journal; the journal's
// second entry (tag "0001_add_due_date" on line 16) got a `when` 1 s before the first's; 0001b_snapshot.json
// copies 0001_snapshot.json with a new id, so both follow 0000's id (its "prevId" key is on line 3).
const PG_BROKEN_INTEGRITY = [
  'file-not-in-journal drizzle/0001_other_branch.sql:1',
  'journal-when-order drizzle/meta/_journal.json:16',
  'snapshot-chain-fork drizzle/meta/0001b_snapshot.json:3',
];

const noStackTrace = (s: string) => expect(s).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe('drizzle-guard CLI (bundled)', () => {
  it('documents every flag in --help', () => {
    const { code, stdout } = cli(['--help']);
    expect(code).toBe(0);
    for (const flag of ['--cwd', '--config', '--out', '--dialect', '--base', '--format', '--output', '--fail-on', '--no-drift', '--no-lint', '--no-replay', '--replay', '--replay-timeout', '--database-url']) {
      expect(stdout).toContain(flag);
    }
  });

  it('prints the package version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const r = cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it('rejects unknown flags and values with exit 4 and one line', () => {
    for (const args of [['check', '--frobnicate'], ['check', '--format', 'xml'], ['lint'], []]) {
      const r = cli(args);
      expect(r.code).toBe(4);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      noStackTrace(r.stderr);
    }
  });

  it('writes the JSON contract', () => {
    const r = cli(['check', '--cwd', 'fixtures/pg-broken', '--no-drift', '--no-lint', '--no-replay', '--format', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(verdict(report)).toEqual(PG_BROKEN_INTEGRITY);
    expect(report).toMatchObject({ tool: 'drizzle-guard', exitCode: 2, categories: { config: 'pass', integrity: 'fail', drift: 'skipped', safety: 'skipped' } });
    expect(Object.keys(report.categories).sort()).toEqual(['config', 'drift', 'integrity', 'pending', 'replay', 'safety']);
    expect(report.migrations).toEqual([
      { tag: '0000_init', file: 'drizzle/0000_init.sql', new: false, statements: 5 },
      { tag: '0001_add_due_date', file: 'drizzle/0001_add_due_date.sql', new: false, statements: 1 },
    ]);
    const stray = report.findings.find((f: { ruleId: string }) => f.ruleId === 'file-not-in-journal');
    expect(stray).toEqual({
      ruleId: 'file-not-in-journal',
      category: 'integrity',
      severity: 'error',
      message: expect.any(String),
      file: 'drizzle/0001_other_branch.sql',
      line: 1,
      column: 1,
      migration: '0001_other_branch',
      help: expect.stringContaining('drizzle-kit generate'),
    });
  });

  it('groups text output by file as path:line:col  severity  rule-id  message, without colour off a TTY', () => {
    const r = cli(['check', '--cwd', 'fixtures/pg-broken', '--no-drift', '--no-lint', '--no-replay']);
    expect(r.code).toBe(2);
    const lines = r.stdout.split('\n').filter((l) => /^  \S+:\d+:\d+  /.test(l));
    expect(lines.map((l) => l.trim().split(/\s+/)).map(([at, severity, rule]) => `${rule} ${at!.replace(/:\d+$/, '')} ${severity}`).sort()).toEqual(
      PG_BROKEN_INTEGRITY.map((v) => `${v} error`),
    );
    expect(r.stdout).toContain('drizzle/0001_other_branch.sql:1:1  error    file-not-in-journal  not in meta/_journal.json');
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stdout).toMatch(/3 finding\(s\): 3 error\(s\), 0 warning\(s\), 0 info in 2 migration\(s\)/);
  });

  it('counts only findings at or above --fail-on', () => {
    const dir = copyFixture('pg-clean');
    fs.rmSync(path.join(dir, 'drizzle/meta/0001_snapshot.json'));
    const base = ['check', '--cwd', dir, '--no-drift', '--no-lint', '--no-replay'];
    // Two warnings, no error: 0001 (journal entry 1, "tag" on line 16) has no snapshot, and it is not the newest;
    // 0002's snapshot points ("prevId", line 3) at the deleted one's id.
    const json = cli([...base, '--format', 'json']);
    expect(json.code).toBe(0);
    expect(verdict(JSON.parse(json.stdout))).toEqual(['snapshot-chain-broken drizzle/meta/0002_snapshot.json:3', 'snapshot-missing drizzle/meta/_journal.json:16']);
    expect(JSON.parse(json.stdout).findings.map((f: { severity: string }) => f.severity)).toEqual(['warning', 'warning']);
    expect(cli(base).code).toBe(0);
    expect(cli([...base, '--fail-on', 'warning']).code).toBe(2);
    expect(cli([...base, '--fail-on', 'never']).code).toBe(0);
  });

  it('names the folder it tried when out does not exist', () => {
    const r = cli(['check', '--out', 'no/such/folder', '--dialect', 'postgresql', '--format', 'json'], { cwd: copyFixture('pg-clean') });
    expect(r.code).toBe(4);
    // One configuration error, on the config discovered in the project (whose out --out replaces).
    expect(verdict(JSON.parse(r.stdout))).toEqual(['config-error drizzle.config.ts']);
    expect(JSON.parse(r.stdout).findings[0].message).toMatch(/migrations folder not found: .*no\/such\/folder/);
  });

  it('reports a malformed journal as a finding, not a stack trace', () => {
    const dir = copyFixture('pg-clean');
    fs.writeFileSync(path.join(dir, 'drizzle/meta/_journal.json'), '{"version": "7", "entries": [');
    const r = cli(['check', '--cwd', dir, '--no-drift', '--no-lint', '--no-replay', '--format', 'json']);
    expect(r.code).toBe(2);
    // The text ends inside the entries array, on its only line: one journal-invalid finding there, and nothing
    // else (without a journal no other rule can tell which files belong to the history).
    expect(verdict(JSON.parse(r.stdout))).toEqual(['journal-invalid drizzle/meta/_journal.json:1']);
    noStackTrace(r.stdout + r.stderr);
  });

  it('checks each of several configs separately', () => {
    const dir = copyFixture('pg-clean');
    fs.cpSync(path.join(ROOT, 'fixtures/sqlite-clean/drizzle'), path.join(dir, 'sqlite'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'sqlite.config.json'), JSON.stringify({ dialect: 'sqlite', out: 'sqlite' }));
    const r = cli(['check', '--cwd', dir, '--config', 'drizzle.config.ts', '--config', 'sqlite.config.json', '--no-drift', '--no-lint', '--no-replay', '--format', 'json']);
    const report = JSON.parse(r.stdout);
    // Two unmodified generated histories: no finding in either.
    expect(r.code).toBe(0);
    expect(report.configs.map((c: JsonReport) => verdict(c))).toEqual([[], []]);
    expect(report.configs.map((c: { config: string; dialect: string; migrations: unknown[] }) => [c.config, c.dialect, c.migrations.length])).toEqual([
      ['drizzle.config.ts', 'postgresql', 3],
      ['sqlite.config.json', 'sqlite', 2],
    ]);
  });

  it('writes nothing into the checked repository unless --output asks', () => {
    const dir = projectWithoutKit('pg-clean');
    commitAll(dir);
    // Drift (the bundled drizzle-kit, in a worker), lint and integrity on drizzle-kit's own output for the same
    // schema.ts: no drift, and the SQL adds tables, a nullable column and an enum value, which no rule flags.
    const full = cli(['check', '--cwd', dir, '--no-replay', '--format', 'json']);
    expect(full.code).toBe(0);
    expect(verdict(JSON.parse(full.stdout))).toEqual([]);
    expect(JSON.parse(full.stdout).categories).toMatchObject({ drift: 'pass', safety: 'pass', integrity: 'pass' });
    expect(git(dir, 'status', '--porcelain', '--ignored')).toBe('');
    const r = cli(['check', '--cwd', dir, '--no-drift', '--no-lint', '--no-replay', '--format', 'json', '--output', 'report.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).tool).toBe('drizzle-guard');
  });

  it('runs drift with the bundled drizzle-kit in a project without one: the SQL drizzle-kit would generate, exit 1', () => {
    const dir = projectWithoutKit('drift-pg');
    const schema = path.join(dir, 'schema.ts');
    fs.writeFileSync(schema, fs.readFileSync(schema, 'utf8').replace("label: text('label').notNull(),", "label: text('label').notNull(),\n  note: text('note'),"));
    const r = cli(['check', '--cwd', dir, '--no-replay', '--no-lint', '--format', 'json']);
    expect(r.code).toBe(1);
    const report: JsonReport = JSON.parse(r.stdout);
    expect(report.categories.drift).toBe('fail');
    // The schema gained a column no migration has: one schema-drift finding, on the config that names the schema.
    expect(verdict(report)).toEqual(['schema-drift drizzle.config.ts']);
    expect(report.notes.join('\n')).toMatch(/drift: compared with the bundled drizzle-kit \d/);
    // A new nullable text column on an existing table: the one statement drizzle-kit generate writes.
    expect(report.findings[0]!.sql!.trim()).toBe('ALTER TABLE "tasks" ADD COLUMN "note" text;');
  });

  it('replays with the bundled PGlite and drizzle-kit and finds what the migrations build differing from the snapshot, exit 1', () => {
    // fixtures/replay-drift: 0001_add_email.sql was edited to varchar(100) NOT NULL while every later snapshot
    // still declares a nullable text column, and schema.ts is the last step: the schema matches the snapshot,
    // the replayed database does not. replayed-schema-drift is a drift finding (exit 1), on the last snapshot.
    const dir = projectWithoutKit('replay-drift');
    const r = cli(['check', '--cwd', dir, '--no-lint', '--replay', '--format', 'json']);
    expect(r.code).toBe(1);
    const report: JsonReport = JSON.parse(r.stdout);
    expect(report.categories).toMatchObject({ drift: 'fail', integrity: 'pass' });
    expect(verdict(report)).toEqual(['replayed-schema-drift drizzle/meta/0002_snapshot.json']);
    expect(report.notes.join('\n')).toMatch(/drift: compared with the bundled drizzle-kit \d/);
    expect(report.notes.join('\n')).toMatch(/replay: 0 applied \+ 3 new migrations/);
  });

  it('runs from a checkout with no node_modules', () => {
    const dir = copyFixture('pg-clean');
    const r = cli(['check', '--cwd', dir, '--no-drift', '--no-replay']);
    // pg-clean passes integrity and lint (see above); the text report says so.
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ 0 finding(s)');
  });
});
