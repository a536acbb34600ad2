// The state after a base's migrations (and the seeding), saved in the cache folder: the next replay on the
// same base starts from it and finds exactly what replaying the base and seeding find; a damaged entry is
// replayed over; a state with seeded rows never serves a replay without them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { baseStateKey } from '../../src/checks/replay/base-key.js';
import { extensionsCreated } from '../../src/checks/replay/extensions.js';
import type { ReplayJob } from '../../src/checks/replay/protocol.js';
import { runJob } from '../../src/checks/replay/session.js';
import type { Migration } from '../../src/model/types.js';
import { fixtureContext } from './context.js';
import { privateCacheDir } from '../helpers/cache-dir.js';

const cache = privateCacheDir('dg-base-cache-');
// Saved states only: the empty template stays, so only the first run pays for initdb.
beforeEach(() => {
  for (const name of fs.readdirSync(cache).filter((n) => n.startsWith('base-'))) fs.rmSync(path.join(cache, name));
});

// replay-extension: 0001 grants to a role PGlite lacks, 0002 creates postgis (not shipped) and vector, 0003
// uses postgis's geometry (not verified), 0004 builds an hnsw index; 0005 updates a column that does not exist.
const migrations = fixtureContext('replay-extension').head.migrations;
const TABLE = { schema: 'drizzle', table: '__drizzle_migrations' };
const upTo = (n: number) => migrations.slice(0, n + 1);
const keyOf = (ms: Migration[], seeded = true) => baseStateKey(ms, TABLE, 'journal', seeded);

function job(base: Migration[], pending: Migration[], { saveAfterMs = 0, seed = true } = {}): ReplayJob {
  return {
    type: 'job',
    base,
    pending,
    extensionNames: extensionsCreated([...base, ...pending]),
    seed,
    trace: seed,
    migrationsTable: TABLE,
    layout: 'journal',
    state: { baseKey: keyOf(base, seed), saveAfterMs },
  };
}

const entryFiles = (key: string) => [path.join(cache, `base-${key}.tar`), path.join(cache, `base-${key}.json`)];
const run = (j: ReplayJob) => runJob(j, () => undefined);

describe('saved base states', { timeout: 240_000 }, () => {
  it('starts the next run on the same base from the saved state, with the findings replaying the base gives', async () => {
    const pr = job(upTo(4), migrations.slice(5));
    const first = await run(pr);
    expect(first.from).not.toBe('saved');
    for (const file of entryFiles(pr.state!.baseKey)) expect(fs.existsSync(file)).toBe(true);
    // What the base's replay found, which the saved state must bring back: the role, postgis, and the
    // statement using postgis's type; and the pending UPDATE's failure on the missing column.
    expect(first.result.missingRoles.map((m) => [m.name, m.migration.tag])).toEqual([['authenticated', '0001_grants']]);
    expect(first.result.missingExtensions.map((m) => [m.name, m.migration.tag])).toEqual([['postgis', '0002_postgis']]);
    expect(first.result.notVerified.map((m) => m.migration.tag)).toEqual(['0003_places']);
    expect(first.result.failure).toMatchObject({ phase: 'pending', migration: { tag: '0005_broken' }, error: { code: '42703' } });

    const second = await run(pr);
    expect(second.from).toBe('saved');
    expect(second.result).toEqual(first.result);
  });

  it('does not save a base that applied faster than the threshold', async () => {
    const pr = job(upTo(4), migrations.slice(5), { saveAfterMs: 60_000 });
    await run(pr);
    expect(fs.readdirSync(cache).filter((n) => n.startsWith('base-'))).toEqual([]);
  });

  it('replays the base over a damaged entry, and saves a whole one', async () => {
    const pr = job(upTo(4), migrations.slice(5));
    const clean = await run(pr);
    const [data] = entryFiles(pr.state!.baseKey);
    const whole = fs.readFileSync(data!);
    // A copy cut short, as a full disk or a killed run leaves it (its checksum no longer matches).
    fs.writeFileSync(data!, whole.subarray(0, whole.length >> 1));
    const over = await run(pr);
    expect(over.from).not.toBe('saved');
    expect(over.result).toEqual(clean.result);
    expect((await run(pr)).from).toBe('saved');
  });

  it('replays the base when the saved data directory changed, and replaces it', async () => {
    const pr = job(upTo(4), migrations.slice(5));
    const clean = await run(pr);
    const [data, meta] = entryFiles(pr.state!.baseKey);
    // Still a tar of the same size, with bytes changed in the middle (PGlite would fail on it with an
    // unhandled rejection, ending the worker; the checksum catches it first).
    const bytes = fs.readFileSync(data!);
    bytes.fill(0xff, bytes.length >> 1, (bytes.length >> 1) + 4096);
    fs.writeFileSync(data!, bytes);
    const over = await run(pr);
    expect(over.from).not.toBe('saved');
    expect(over.result).toEqual(clean.result);
    // Replaced by this run's (saved at any speed here): whole.
    expect(fs.existsSync(meta!)).toBe(true);
    expect((await run(pr)).from).toBe('saved');
  });

  it('replays the base over saved findings of another format (fields missing), and replaces them', async () => {
    const pr = job(upTo(4), migrations.slice(5));
    const clean = await run(pr);
    const [, meta] = entryFiles(pr.state!.baseKey);
    fs.writeFileSync(meta!, JSON.stringify({ baseStatements: 9, missingExtensions: [], missingRoles: [] }));
    const over = await run(pr);
    expect(over.from).not.toBe('saved');
    expect(over.result).toEqual(clean.result);
    expect((await run(pr)).from).toBe('saved');
  });

  it('replays as usual when the cache folder cannot be used (a file stands where it should be)', async () => {
    const file = path.join(cache, 'not-a-folder');
    fs.writeFileSync(file, '');
    process.env.DRIZZLE_GUARD_CACHE_DIR = file;
    try {
      const pr = job(upTo(4), migrations.slice(5));
      const [first, second] = [await run(pr), await run(pr)];
      expect([first.from, second.from]).not.toContain('saved');
      expect(first.result.failure).toMatchObject({ migration: { tag: '0005_broken' }, error: { code: '42703' } });
      expect(second.result).toEqual(first.result);
    } finally {
      process.env.DRIZZLE_GUARD_CACHE_DIR = cache;
    }
  });

  it("brings back the base's schema description, and no seeding when nothing is pending", async () => {
    // replay-history 0000-0002 replay cleanly (0003 fails): the replayed schema (and the base's) are described.
    const history = fixtureContext('replay-history').head.migrations;
    const pr: ReplayJob = { ...job(history.slice(0, 2), history.slice(2, 3)), describe: { base: true } };
    const first = await run(pr);
    expect(first.shapes?.base?.get('column public.users.bio')).toBeDefined();
    const second = await run(pr);
    expect(second.from).toBe('saved');
    expect(second.shapes).toEqual(first.shapes);
    expect(second.shapes?.base).toBeInstanceOf(Map);
    // A run on the same base with nothing new starts there too, and reports no seeding.
    const idle = await run({ ...job(history.slice(0, 2), []), describe: { base: true } });
    expect(idle.from).toBe('saved');
    expect(idle.result.seed).toBeUndefined();
  });

  it('keeps the states with and without seeded rows apart', async () => {
    const seeded = await run(job(upTo(4), migrations.slice(5)));
    expect(seeded.result.seed?.seeded).toEqual(expect.arrayContaining(['public.tags', 'public.docs']));
    const unseeded = await run(job(upTo(4), migrations.slice(5), { seed: false }));
    expect(unseeded.from).not.toBe('saved');
    expect(unseeded.result.seed).toBeUndefined();
    expect((await run(job(upTo(4), migrations.slice(5), { seed: false }))).from).toBe('saved');
  });
});

describe('base state keys', () => {
  it('differ when a base statement, the migrations table, the layout or seeding differs, and only then', () => {
    const base = upTo(2);
    const edited = base.map((m, i) => (i === 1 ? { ...m, statements: m.statements.map((s) => ({ ...s, text: `${s.text} ` })) } : m));
    expect(keyOf(base.map((m) => ({ ...m })))).toBe(keyOf(base));
    expect(keyOf(edited)).not.toBe(keyOf(base));
    expect(keyOf(base.slice(0, 2))).not.toBe(keyOf(base));
    expect(baseStateKey(base, { ...TABLE, table: 'migrations' }, 'journal', true)).not.toBe(keyOf(base));
    expect(baseStateKey(base, TABLE, 'folders', true)).not.toBe(keyOf(base));
    expect(keyOf(base, false)).not.toBe(keyOf(base));
  });
});
