// Pending against a live PostgreSQL whose state is produced by drizzle-orm's own migrator
// (drizzle-orm/node-postgres/migrator) from real drizzle-kit output (fixtures/replay-history:
// 0000_init, 0001_add_bio, 0002_drop_nickname, 0003_backfill, generated in that order so their
// journal `when` values increase).
import { defaultGuardConfig } from '../../src/config/guard-config.js';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { pendingCheck } from '../../src/checks/pending/index.js';
import type { CheckContext, CheckOutcome } from '../../src/checks/types.js';
import { ConfigError } from '../../src/config/drizzle-config.js';
import { readMigrationSet } from '../../src/model/folder.js';
import { workingTree } from '../../src/model/tree.js';
import type { ResolvedConfig } from '../../src/model/types.js';
import { FIXTURES } from '../replay/context.js';
import { scratchDb, type ScratchDb } from './db.js';

const open: ScratchDb[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.close()));
});

async function database(): Promise<ScratchDb> {
  const d = await scratchDb();
  open.push(d);
  return d;
}

/** A copy of the fixture project whose journal keeps only the entries with the given prefixes. */
function project(keep?: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-pending-'));
  fs.cpSync(path.join(FIXTURES, 'replay-history'), dir, { recursive: true });
  if (keep) {
    const file = path.join(dir, 'drizzle/meta/_journal.json');
    const journal = JSON.parse(fs.readFileSync(file, 'utf8'));
    journal.entries = journal.entries.filter((e: { tag: string }) => keep.includes(e.tag.slice(0, 4)));
    fs.writeFileSync(file, JSON.stringify(journal, null, 2));
  }
  return dir;
}

function config(schema = 'drizzle', table = '__drizzle_migrations'): ResolvedConfig {
  return { dialect: 'postgresql', out: 'drizzle', breakpoints: true, migrations: { schema, table, prefix: 'index' } };
}

/** Applies the project's journaled migrations with drizzle-orm's migrator. */
async function applyWithDrizzle(url: string, dir: string, cfg: ResolvedConfig): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder: path.join(dir, 'drizzle'), migrationsSchema: cfg.migrations.schema, migrationsTable: cfg.migrations.table });
  } finally {
    await client.end();
  }
}

async function check(dir: string, url: string, cfg: ResolvedConfig): Promise<CheckOutcome & { status: 'ran' }> {
  const head = readMigrationSet(workingTree(dir, dir), cfg);
  const ctx: CheckContext = {
    cwd: dir,
    options: { cwd: dir, configs: [], format: 'json', failOn: 'error', drift: false, lint: false, replay: false, replaySeed: false, databaseUrl: url, allowCodeExecution: true },
    config: cfg,
    head,
    settings: defaultGuardConfig(),
    hasBase: false,
  };
  const outcome = await pendingCheck.run(ctx);
  if (outcome.status !== 'ran') throw new Error(`pending did not run: ${outcome.reason}`);
  return outcome;
}

function journalWhen(dir: string): Record<string, number> {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'drizzle/meta/_journal.json'), 'utf8'));
  return Object.fromEntries(journal.entries.map((e: { tag: string; when: number }) => [e.tag.slice(0, 4), e.when]));
}

describe('pending', () => {
  it('reports pending, will-be-skipped and modified migrations (custom migrations schema and table)', async () => {
    const db = await database();
    const cfg = config('audit', 'applied');
    // The database got 0000 and 0002 (a branch without 0001 was deployed first).
    await applyWithDrizzle(db.url, project(['0000', '0002']), cfg);
    const dir = project();
    const when = journalWhen(dir);
    expect(when['0001']!).toBeLessThan(when['0002']!);
    expect(when['0003']!).toBeGreaterThan(when['0002']!);
    // 0000 is edited after it was applied.
    fs.appendFileSync(path.join(dir, 'drizzle/0000_init.sql'), '\n-- edited later\n');

    const { findings, notes } = await check(dir, db.url, cfg);
    expect(findings.map((f) => [f.ruleId, f.severity, f.file])).toEqual([
      ['applied-migration-modified', 'warning', 'drizzle/0000_init.sql'],
      ['pending-migration-will-be-skipped', 'error', 'drizzle/0001_add_bio.sql'],
      ['pending-migration', 'error', 'drizzle/0003_backfill.sql'],
    ]);
    expect(findings.every((f) => f.category === 'pending')).toBe(true);
    expect(findings[1]!.message).toContain(`(${when['0001']}, `);
    expect(findings[1]!.message).toContain(`newest applied created_at (${when['0002']}, `);
    expect(notes?.[0]).toContain('has 2 applied migration(s) in audit.applied; 2 of 4 journaled migration(s) are not applied');
  });

  it('reports an applied migration no journal entry matches', async () => {
    const db = await database();
    const cfg = config();
    await applyWithDrizzle(db.url, project(['0000', '0001', '0002']), cfg);
    const dir = project(['0000', '0001']);
    const { findings } = await check(dir, db.url, cfg);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'applied-migration-unknown', severity: 'warning', file: 'drizzle/meta/_journal.json' });
    expect(findings[0]!.message).toContain(`created_at ${journalWhen(project())['0002']}`);
  });

  it('treats a missing migrations table as nothing applied, and creates nothing', async () => {
    const db = await database();
    const dir = project();
    const { findings, notes } = await check(dir, db.url, config());
    expect(findings.map((f) => f.ruleId)).toEqual(['pending-migration', 'pending-migration', 'pending-migration', 'pending-migration']);
    expect(notes?.[0]).toContain('drizzle.__drizzle_migrations does not exist');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const schemas = await client.query("select 1 from pg_namespace where nspname = 'drizzle'");
    await client.end();
    expect(schemas.rowCount).toBe(0);
  });

  it('cannot write even if it tried: the product\'s own session refuses a write on the server', async () => {
    // The migrations "table" is a view whose rows come from a function that writes: the check's own
    // `select … from audit.applied` is then a write attempt made inside its session. A read-only session
    // makes the server refuse it (25006, read_only_sql_transaction); without one the row would land in audit.writes.
    const db = await database();
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      await admin.query(`create schema audit;
        create table audit.writes (at timestamptz default now());
        create function audit.write_once() returns text language plpgsql volatile as $$
          begin insert into audit.writes default values; return 'x'; end $$;
        create view audit.applied as select 1 as id, audit.write_once() as hash, 0::bigint as created_at;`);
      const error = await check(project(), db.url, config('audit', 'applied')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/cannot read audit\.applied .*read-only transaction.*\[25006\]/);
      expect((await admin.query('select count(*)::int as n from audit.writes')).rows[0].n).toBe(0);
    } finally {
      await admin.end();
    }
  });

  it('turns an unreachable database into a configuration error that leaks no part of the URL', async () => {
    const dir = project();
    const url = 'postgres://alice:s3cr3t-pw@127.0.0.1:1/secret_db?sslmode=disable';
    const error = await check(dir, url, config()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('connection refused');
    for (const secret of ['alice', 's3cr3t-pw', '127.0.0.1', 'secret_db']) expect(message).not.toContain(secret);
    expect(message).toContain('postgres://12***.1:1');
  });
});
