// Replay on the embedded PostgreSQL, on real drizzle-kit output (fixtures/replay-*). Each expected
// location is read off the fixture's SQL: the failing chunk, or PostgreSQL's error position in it.
import { describe, expect, it } from 'vitest';
import { replayCheck } from '../../src/checks/replay/index.js';
import type { CheckOutcome } from '../../src/checks/types.js';
import { splitStatements } from '../../src/model/folder.js';
import { fixtureContext, type FixtureContext } from './context.js';

async function run(name: string, spec: FixtureContext = {}): Promise<CheckOutcome & { status: 'ran' }> {
  const outcome = await replayCheck.run(fixtureContext(name, spec));
  if (outcome.status !== 'ran') throw new Error(`replay did not run: ${outcome.reason}`);
  return outcome;
}

describe('replay', { timeout: 240_000 }, () => {
  it('replays a clean history without findings', async () => {
    const outcome = await run('replay-history', { only: ['0000', '0001', '0002'] });
    expect(outcome.findings).toEqual([]);
    expect(outcome.notes?.[0]).toMatch(/0 applied \+ 3 new migrations \(3 statements\) on PostgreSQL 1\d/);
  });

  it('reports the statement that uses a column dropped by an earlier migration, at PostgreSQL\'s error position', async () => {
    // 0003_backfill.sql: line 1 drizzle-kit's comment, 2 a comment, 3-4 a valid UPDATE of "bio",
    // 5 `UPDATE "users" SET "nickname" = "name" WHERE "nickname" IS NULL;`. PostgreSQL's error position
    // points at the second "nickname" (19 + 26 characters precede it: column 46).
    for (const fresh of [['0003'], ['0002', '0003']]) {
      const { findings } = await run('replay-history', { fresh });
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({
        ruleId: 'replay-failed',
        category: 'replay',
        severity: 'error',
        file: 'drizzle/0003_backfill.sql',
        migration: '0003_backfill',
        line: 5,
        column: 46,
      });
      expect(findings[0]!.message).toContain('ERROR 42703: column "nickname" does not exist');
    }
  });

  it('reports a syntax error in the first chunk of the pending batch (nothing of that query runs, not even its savepoint)', async () => {
    const ctx = fixtureContext('replay-history', { only: ['0000', '0001'], fresh: ['0001'] });
    const pending = ctx.head.migrations[1]!;
    pending.sql = 'ALTER TABLE "users" ADD COLUMN;';
    pending.statements = splitStatements(pending.sql);
    const outcome = await replayCheck.run(ctx);
    expect(outcome.status).toBe('ran');
    expect(outcome.findings).toEqual([expect.objectContaining({ ruleId: 'replay-failed', severity: 'error', migration: pending.tag, line: 1 })]);
    expect(outcome.findings![0]!.message).toContain('ERROR 42601: syntax error');
  });

  it('reports history at the base that no longer replays as info, not as an error of the change', async () => {
    // --replay with a base and nothing new: the whole history is base; 0003_backfill fails in it.
    const { findings } = await run('replay-history', { fresh: [] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'replay-failed', severity: 'info', file: 'drizzle/0003_backfill.sql', line: 5 });
    expect(findings[0]!.message).toContain('already applied at the base, fails on an empty PostgreSQL');
  });

  it('rejects an enum value used in the same pending batch that adds it, and accepts it once the value is applied', async () => {
    const { findings } = await run('replay-enum', { fresh: ['0001', '0002'] });
    expect(findings).toHaveLength(1);
    // 0002_use_mood.sql: line 1 is drizzle-kit's comment, line 2 the ALTER TABLE.
    expect(findings[0]).toMatchObject({ ruleId: 'replay-failed', severity: 'error', file: 'drizzle/0002_use_mood.sql', line: 2, column: 1 });
    expect(findings[0]!.message).toContain('ERROR 55P04: unsafe use of new value "sad" of enum type mood');
    expect(findings[0]!.message).toContain('one transaction');
    expect(findings[0]!.help).toContain('COMMIT;');

    const applied = await run('replay-enum', { fresh: ['0002'] });
    expect(applied.findings).toEqual([]);
  });

  it('rejects CREATE INDEX CONCURRENTLY inside the batch, but not after a COMMIT; in the file', async () => {
    const { findings } = await run('replay-concurrently', { only: ['0000', '0001'], fresh: ['0001'] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'replay-failed', file: 'drizzle/0001_add_index.sql', line: 1, column: 1 });
    expect(findings[0]!.message).toContain('ERROR 25001: CREATE INDEX CONCURRENTLY cannot run inside a transaction block');

    const committed = await run('replay-concurrently', { only: ['0000', '0002'], fresh: ['0002'] });
    expect(committed.findings).toEqual([]);
  });

  it('reports a missing extension and a missing role once as info, does not fail what depends on them, and still finds an unrelated failure', async () => {
    const { findings, notes } = await run('replay-extension');
    expect(findings.map((f) => [f.ruleId, f.severity, f.file, f.line])).toEqual([
      ['replay-failed', 'info', 'drizzle/0002_postgis.sql', 2],
      ['replay-failed', 'info', 'drizzle/0001_grants.sql', 2],
      ['replay-failed', 'error', 'drizzle/0005_broken.sql', 2],
    ]);
    expect(findings[0]!.message).toContain('extension "postgis" is not available');
    expect(findings[0]!.message).toContain('1 statement failing on a missing object after it was not verified');
    expect(findings[1]!.message).toContain('role "authenticated" does not exist');
    // "docs" exists (vector was loaded, its hnsw index built): the failure is about the column only.
    expect(findings[2]!.message).toContain('column "title" of relation "docs" does not exist');
    expect(notes?.join('\n')).toContain('not verified (missing extension): drizzle/0003_places.sql:1');
  });

  it('with --replay-seed, reports a NOT NULL column added without default to a table holding rows', async () => {
    const seeded = await run('replay-seed', { fresh: ['0001'], options: { replaySeed: true } });
    expect(seeded.findings).toHaveLength(1);
    expect(seeded.findings[0]).toMatchObject({
      ruleId: 'replay-failed-on-existing-rows',
      category: 'replay',
      severity: 'error',
      file: 'drizzle/0001_add_email.sql',
      line: 1,
    });
    expect(seeded.findings[0]!.message).toContain('ERROR 23502: column "email" of relation "accounts" contains null values');
    // Every table got a row: orders needed the accounts row, audit_entries (tried first) the orders row.
    expect(seeded.notes).toContain('replay seed: one row in each of 3 table(s)');

    const empty = await run('replay-seed', { fresh: ['0001'] });
    expect(empty.findings).toEqual([]);
  });

  it('compares the replayed database with the one the latest snapshot declares (replayed-schema-drift)', async () => {
    // fixtures/replay-drift: 0001's SQL was edited by hand from `"email" text` to `"email" varchar(100) NOT NULL`;
    // the snapshots (and the schema) still say text, nullable. 0002 is untouched.
    const edited = await run('replay-drift', { fresh: ['0001', '0002'], options: { drift: true } });
    expect(edited.findings).toHaveLength(1);
    expect(edited.findings[0]).toMatchObject({ ruleId: 'replayed-schema-drift', category: 'drift', severity: 'error', file: 'drizzle/meta/0002_snapshot.json' });
    expect(edited.findings[0]!.message).toContain('1 difference(s)\n- column public.users.email: replayed "character varying(100) not null", declared "text"');

    // The hand edit is in a migration already applied at the base: not this change's drift.
    const atBase = await run('replay-drift', { fresh: ['0002'], options: { drift: true } });
    expect(atBase.findings).toEqual([]);
    expect(atBase.notes).toContain('replay: 1 difference(s) between the replayed schema and the snapshots already exist at the base (not reported)');

    // The base's newest migration is hand-written SQL without a snapshot: the differences already at the base
    // are still told apart, from the newest snapshot the base has (0001's).
    const ctx = fixtureContext('replay-drift', { fresh: ['0002'], options: { drift: true } });
    const [init, addEmail, addIndex] = ctx.head.migrations;
    const sql = 'SELECT 1;';
    const custom = { ...addEmail!, tag: '0001_custom', file: 'drizzle/0001_custom.sql', sql, statements: splitStatements(sql), when: addEmail!.when! + 1, snapshot: undefined };
    ctx.head.migrations = [init!, addEmail!, custom, addIndex!];
    const snapshotless = await replayCheck.run(ctx);
    expect(snapshotless).toMatchObject({ status: 'ran', findings: [] });
    expect(snapshotless.status === 'ran' && snapshotless.notes).toContain('replay: 1 difference(s) between the replayed schema and the snapshots already exist at the base (not reported)');

    // Untouched drizzle-kit output builds exactly what its snapshot declares, enums and foreign keys included.
    const clean = await run('replay-seed', { fresh: ['0001'], options: { drift: true } });
    expect(clean.findings).toEqual([]);
    expect(clean.notes?.join('\n')).not.toContain('schema not compared');
  }, 240_000);

  it('is skipped without starting PostgreSQL when off, for other dialects, or with nothing new', async () => {
    const off = await replayCheck.run(fixtureContext('replay-history', { options: { replay: false } }));
    expect(off).toMatchObject({ status: 'skipped', reason: expect.stringContaining('--no-replay') });
    const ctx = fixtureContext('replay-history', { fresh: ['0003'] });
    const mysql = await replayCheck.run({ ...ctx, config: { ...ctx.config, dialect: 'mysql' } });
    expect(mysql).toMatchObject({ status: 'skipped', reason: expect.stringContaining('PostgreSQL migrations only') });
    const nothingNew = await replayCheck.run(fixtureContext('replay-history', { fresh: [], options: { replay: 'auto' } }));
    expect(nothingNew).toMatchObject({ status: 'skipped', reason: 'no new migrations to replay' });
    const noBase = await replayCheck.run(fixtureContext('replay-history', { options: { replay: 'auto' } }));
    expect(noBase.status).toBe('skipped');
  });
});
