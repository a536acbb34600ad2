// Seeding on tables whose CHECK constraints reject the first row tried. Each expected value is the only one
// (or one of the few) the constraint admits, worked out from its definition; PostgreSQL itself checks the
// inserted row, so a row present is a row satisfying every constraint.
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPglite } from '../../src/checks/replay/pglite.js';
import { matchingString, seedRows, type SeedResult } from '../../src/checks/replay/seed.js';

const TABLE = { schema: 'drizzle', table: '__drizzle_migrations' };

let db: PGlite;
beforeAll(async () => {
  db = (await startPglite({})).db;
});
afterAll(async () => db?.close());

async function seed(ddl: string): Promise<SeedResult> {
  await db.exec(`drop schema if exists public cascade; create schema public; ${ddl}`);
  return seedRows(db, TABLE);
}

async function row(table: string): Promise<Record<string, unknown>[]> {
  return (await db.query<Record<string, unknown>>(`select * from ${table}`)).rows;
}

describe('seeding satisfies CHECK constraints', () => {
  it('takes a value from an IN list (PostgreSQL prints it as = ANY (ARRAY[…]))', async () => {
    const result = await seed(`create table provenance (id serial primary key, status text not null check (status in ('exact', 'unknown')));`);
    expect(result.failed).toEqual([]);
    expect((await row('provenance'))[0]!.status).toMatch(/^(exact|unknown)$/);
  });

  it('builds a string of the length a constraint demands, and one within a BETWEEN of lengths', async () => {
    const result = await seed(`create table enrollment (
      token_hash text not null check (length(token_hash) = 64),
      email text not null check (email = lower(btrim(email)) and length(email) between 3 and 320));`);
    expect(result.failed).toEqual([]);
    const [r] = await row('enrollment');
    expect((r!.token_hash as string).length).toBe(64);
    expect((r!.email as string).length).toBeGreaterThanOrEqual(3);
  });

  it('finds the only integer inside numeric bounds, and a domain CHECK (VALUE) alike', async () => {
    const result = await seed(`create domain ten as integer check (value >= 10 and value <= 10);
      create table ops (generation integer not null check (generation > 5 and generation < 7), t ten not null);`);
    expect(result.failed).toEqual([]);
    expect(await row('ops')).toEqual([{ generation: 6, t: 10 }]);
  });

  it('gives nullable columns a value when the constraint requires one', async () => {
    const result = await seed(`create table pair (a text, b integer, check (a is not null and b is not null));`);
    expect(result.failed).toEqual([]);
    const [r] = await row('pair');
    expect(r!.a).not.toBeNull();
    expect(r!.b).not.toBeNull();
  });

  it("changes an enum's label or fills a nullable foreign key; the child of that table is seeded after it", async () => {
    const result = await seed(`create type kind as enum ('organization', 'workspace');
      create table org (id serial primary key);
      create table invitation (id serial primary key, kind kind not null, org_id integer references org(id),
        constraint kind_requires_org check (kind = 'workspace' or org_id is not null));
      create table grant_row (invitation_id integer not null references invitation(id));`);
    expect(result.failed).toEqual([]);
    const [r] = await row('invitation');
    expect(r!.kind === 'workspace' || r!.org_id !== null).toBe(true);
    expect(await row('grant_row')).toEqual([{ invitation_id: r!.id }]);
  });

  it('moves a column with a default to NULL when the constraint wants NULL', async () => {
    const result = await seed(`create table w (type text not null default 'personal', workspace_id integer default 1,
      check ((type = 'workspace' and workspace_id is not null) or (type = 'personal' and workspace_id is null)));`);
    expect(result.failed).toEqual([]);
    expect(await row('w')).toEqual([expect.objectContaining({ type: expect.stringMatching(/^(workspace|personal)$/) })]);
  });

  it('orders two columns a constraint compares with each other', async () => {
    const result = await seed(`create table period (starts_at timestamptz not null, ends_at timestamptz not null, low integer not null, high integer not null,
      check (ends_at > starts_at), check (low < high));`);
    expect(result.failed).toEqual([]);
    const [r] = await row('period');
    expect((r!.ends_at as Date).getTime()).toBeGreaterThan((r!.starts_at as Date).getTime());
    expect(r!.low as number).toBeLessThan(r!.high as number);
  });

  it('matches a simple regular expression', async () => {
    const result = await seed(`create table codes (code text not null check (code ~ '^[A-Z]{3}-\\d{2}$'));`);
    expect(result.failed).toEqual([]);
    expect((await row('codes'))[0]!.code).toMatch(/^[A-Z]{3}-\d{2}$/);
  });

  it('searches a table its CHECKs reject again only once a table it references has its row', async () => {
    // t1 → t2 → t3 → t4 (NOT NULL foreign keys, tried in name order): one more of them is seeded each pass,
    // five passes in all. "never" admits no n; a trigger counts the rows tried on it (nextval is not undone by
    // the rollback to the savepoint, and a BEFORE trigger runs before the CHECK): n = 1 (the first row), then
    // 2 and 0 (the constraint's number and its neighbours), once, not once per pass. a_child's CHECK wants a
    // parent, seeded after it in the first pass: searched again in the second, it gets its row.
    const result = await seed(`create sequence tried;
      create function count_try() returns trigger language plpgsql as $$ begin perform nextval('tried'); return new; end $$;
      create table t4 (id serial primary key);
      create table t3 (id serial primary key, t4_id integer not null references t4(id));
      create table t2 (id serial primary key, t3_id integer not null references t3(id));
      create table t1 (id serial primary key, t2_id integer not null references t2(id));
      create table impossible (n integer not null constraint never check (n > 1 and n < 1));
      create trigger count_try before insert on impossible for each row execute function count_try();
      create table z_parent (id serial primary key);
      create table a_child (parent_id integer references z_parent(id), check (parent_id is not null));`);
    expect(result.failed.map((f) => f.table)).toEqual(['public.impossible']);
    expect((await db.query<{ n: string }>(`select last_value::text as n from tried`)).rows[0]!.n).toBe('3');
    expect(await row('a_child')).toEqual([{ parent_id: (await row('z_parent'))[0]!.id }]);
  });

  it('names a table whose CHECK no value satisfies, with the constraint, and seeds the others', async () => {
    const result = await seed(`create table impossible (n integer not null constraint never check (n > 1 and n < 1));
      create table fine (id serial primary key);`);
    expect(result.seeded).toEqual(['public.fine']);
    expect(result.failed).toEqual([{ table: 'public.impossible', reason: expect.stringContaining('check constraint "never"') }]);
    expect(result.failed[0]!.reason).toContain('(n > 1)');
  });
});

describe('matchingString', () => {
  it('builds a string from anchors, classes, escapes and quantifiers, and gives up on groups', () => {
    expect(matchingString('^[A-Z]{3}-\\d{2}$')).toBe('AAA-00');
    expect(matchingString('^ab?c+\\.x*$')).toBe('ac.');
    expect(matchingString('^(a|b)$')).toBeUndefined();
  });
});

describe('seeding follows foreign keys', () => {
  it('fills every column of a composite foreign key from the referenced row, whose key has a default', async () => {
    // vercel/ai-chatbot's Suggestion → Document(id, createdAt): the parent's id comes from gen_random_uuid(), so
    // the child can only take it from the row the parent got.
    const result = await seed(`create table doc (id uuid default gen_random_uuid() not null, created_at timestamp not null, primary key (id, created_at));
      create table suggestion (id uuid primary key, doc_id uuid not null, doc_created_at timestamp not null,
        foreign key (doc_id, doc_created_at) references doc (id, created_at));`);
    expect(result.failed).toEqual([]);
    const [parent] = await row('doc');
    expect(await row('suggestion')).toEqual([expect.objectContaining({ doc_id: parent!.id, doc_created_at: parent!.created_at })]);
  });
});
