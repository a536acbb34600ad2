// Each rule firing on the case it names and silent on the safe variant, through the whole linter
// (real lexer, real PostgreSQL parser).

import { describe, expect, test } from 'vitest';
import { brief, lint } from './helpers.js';

const BP = '--> statement-breakpoint';

/** Rule ids reported for `sql` linted as one migration. */
async function ids(sql: string | string[], options = {}): Promise<string[]> {
  return (await lint(Array.isArray(sql) ? sql : [sql], options)).map((f) => f.ruleId);
}

describe('drop-table / drop-schema / truncate-table', () => {
  test('fire on existing objects', async () => {
    expect(await ids('DROP TABLE "users";')).toEqual(['drop-table']);
    expect(await ids('DROP TABLE IF EXISTS "a", "b" CASCADE;')).toEqual(['drop-table', 'drop-table']);
    expect(await ids('DROP SCHEMA "legacy" CASCADE;')).toEqual(['drop-schema']);
    expect(await ids('TRUNCATE TABLE "users";')).toEqual(['truncate-table']);
  });
  test('silent on a table created in the same migration', async () => {
    expect(await ids(`CREATE TABLE "tmp" ("id" int);\n${BP}\nTRUNCATE "tmp";\n${BP}\nDROP TABLE "tmp";`)).toEqual([]);
    expect(await ids('CREATE TEMP TABLE _map (id int);\nDROP TABLE _map;')).toEqual([]);
  });
});

describe('delete-all-rows / update-all-rows', () => {
  test('fire on DELETE or UPDATE without WHERE of an existing table, each at its statement', async () => {
    expect(brief(await lint([`DELETE FROM "usage_ledger";${BP}\nUPDATE "users" SET "plan" = 'free';`]))).toEqual(['delete-all-rows@1:1', 'update-all-rows@2:1']);
    expect(await ids('DELETE FROM ONLY "s"."t";')).toEqual(['delete-all-rows']);
  });
  test('silent with a WHERE (or a join), and on a table created or emptied in the same migration', async () => {
    expect(await ids(`DELETE FROM "t" WHERE "expired";${BP}\nUPDATE "t" SET "a" = 1 WHERE "a" IS NULL;`)).toEqual([]);
    expect(await ids(`UPDATE "t" SET "a" = "o"."a" FROM "o" WHERE "o"."id" = "t"."id";`)).toEqual([]);
    expect(await ids(`CREATE TABLE "n" ("a" int);${BP}\nUPDATE "n" SET "a" = 1;${BP}\nDELETE FROM "n";`)).toEqual([]);
    expect(await ids(`DELETE FROM "t";${BP}\nUPDATE "t" SET "a" = 1;`)).toEqual(['delete-all-rows']);
  });
});

describe('drop-column', () => {
  test('fires once per dropped column, at its sub-command', async () => {
    const sql = 'ALTER TABLE "t"\n  DROP COLUMN "a",\n  DROP COLUMN IF EXISTS "b";';
    expect(brief(await lint([sql]))).toEqual(['drop-column@2:3', 'drop-column@3:3']);
  });
  test('silent on a new table', async () => {
    expect(await ids('CREATE TABLE "t" ("a" int, "b" int);\nALTER TABLE "t" DROP COLUMN "b";')).toEqual([]);
  });
});

describe('drop-and-add-column', () => {
  const sql = `ALTER TABLE "settings" ADD COLUMN "dark_mode" boolean;${BP}\nALTER TABLE "settings" DROP COLUMN "theme_dark";`;
  test('fires on one drop + one add of the same type (a rename generated as data loss)', async () => {
    const before = { tables: { 'public.settings': { columns: { theme_dark: { type: 'boolean' } } } } };
    expect(await ids([{ sql, before }] as never)).toEqual(['drop-column', 'drop-and-add-column']);
  });
  test('silent when the types differ, when data is copied, or when several columns change', async () => {
    const before = { tables: { 'public.settings': { columns: { theme_dark: { type: 'text' } } } } };
    expect(await ids([{ sql, before }] as never)).toEqual(['drop-column']);
    // The copy is a whole-table backfill: update-all-rows says what it costs.
    const copied = sql.replace(BP, `${BP}\nUPDATE "settings" SET "dark_mode" = "theme_dark";${BP}`);
    expect(await ids(copied)).toEqual(['update-all-rows', 'drop-column']);
    const two = `${sql}${BP}\nALTER TABLE "settings" DROP COLUMN "x";`;
    expect(await ids(two)).toEqual(['drop-column', 'drop-column']);
  });
});

describe('alter-column-type', () => {
  test('fires on an existing table, naming a missing USING and a varchar shrink', async () => {
    const before = { tables: { 'public.t': { columns: { name: { type: 'varchar(255)' }, n: { type: 'text' } } } } };
    const f = await lint([{ sql: 'ALTER TABLE "t" ALTER COLUMN "name" SET DATA TYPE varchar(50);', before }]);
    expect(f.map((x) => x.ruleId)).toEqual(['alter-column-type']);
    expect(f[0]!.message).toContain('from varchar(255) to varchar(50)');
    expect(f[0]!.message).toContain('shorter');
    expect(f[0]!.message).toContain('no USING');
    const g = await lint([{ sql: 'ALTER TABLE "t" ALTER COLUMN "n" SET DATA TYPE integer USING "n"::integer;', before }]);
    expect(g[0]!.message).not.toContain('USING');
  });
  test('a collation change keeps the type but rebuilds indexes', async () => {
    const before = { tables: { 'public.t': { columns: { k: { type: 'text' } } } } };
    const f = await lint([{ sql: 'ALTER TABLE "t" ALTER COLUMN "k" SET DATA TYPE text COLLATE "C";', before }]);
    expect(f.map((x) => x.message)).toEqual(['Column "k" of "t" changes collation to "C": its indexes are rebuilt under an ACCESS EXCLUSIVE lock.']);
  });
  test('silent on widening varchar, varchar → text, and new tables', async () => {
    const before = { tables: { 'public.t': { columns: { name: { type: 'varchar(50)' } } } } };
    expect(await ids([{ sql: 'ALTER TABLE "t" ALTER COLUMN "name" SET DATA TYPE varchar(255);', before }] as never)).toEqual([]);
    expect(await ids([{ sql: 'ALTER TABLE "t" ALTER COLUMN "name" SET DATA TYPE text;', before }] as never)).toEqual([]);
    expect(await ids('CREATE TABLE "t" ("a" int);\nALTER TABLE "t" ALTER COLUMN "a" SET DATA TYPE bigint;')).toEqual([]);
  });
});

describe('rename-column / rename-table', () => {
  test('fire on existing tables', async () => {
    expect(await ids('ALTER TABLE "t" RENAME COLUMN "a" TO "b";')).toEqual(['rename-column']);
    expect(await ids('ALTER TABLE "t" RENAME TO "u";')).toEqual(['rename-table']);
  });
  test('silent on new tables, and the renamed new table stays new', async () => {
    const sql = 'CREATE TABLE "t" ("a" int);\nALTER TABLE "t" RENAME TO "u";\nALTER TABLE "u" RENAME COLUMN "a" TO "b";\nCREATE INDEX "i" ON "u" ("b");';
    expect(await ids(sql)).toEqual([]);
  });
});

describe('add-column-required', () => {
  test('fires on NOT NULL without default', async () => {
    expect(brief(await lint(['ALTER TABLE "t" ADD COLUMN "c" text NOT NULL;']))).toEqual(['add-column-required@1:17']);
  });
  test('silent with a default, when nullable, or on a new table', async () => {
    expect(await ids("ALTER TABLE \"t\" ADD COLUMN \"c\" text DEFAULT 'x' NOT NULL;")).toEqual([]);
    expect(await ids('ALTER TABLE "t" ADD COLUMN "c" text;')).toEqual([]);
    expect(await ids('CREATE TABLE "t" ("a" int);\nALTER TABLE "t" ADD COLUMN "c" text NOT NULL;')).toEqual([]);
  });
});

describe('add-column-volatile-default', () => {
  test('fires on volatile defaults, serial, identity and stored generated columns', async () => {
    expect(await ids('ALTER TABLE "t" ADD COLUMN "id" uuid DEFAULT gen_random_uuid() NOT NULL;')).toEqual(['add-column-volatile-default']);
    expect(await ids('ALTER TABLE "t" ADD COLUMN "n" serial;')).toEqual(['add-column-volatile-default']);
    expect(await ids('ALTER TABLE "t" ADD COLUMN "n" integer GENERATED ALWAYS AS IDENTITY;')).toEqual(['add-column-volatile-default']);
    expect(await ids('ALTER TABLE "t" ADD COLUMN "s" tsvector GENERATED ALWAYS AS (to_tsvector(\'english\', "b")) STORED;')).toEqual([
      'add-column-volatile-default',
    ]);
  });
  test('constant defaults are safe from PostgreSQL 11, not before', async () => {
    const sql = 'ALTER TABLE "t" ADD COLUMN "c" boolean DEFAULT false NOT NULL;';
    expect(await ids(sql)).toEqual([]);
    expect(await ids('ALTER TABLE "t" ADD COLUMN "c" timestamp DEFAULT now();')).toEqual([]);
    expect(await ids(sql, { postgresVersion: 10 })).toEqual(['add-column-volatile-default']);
  });
});

describe('set-not-null / drop-not-null', () => {
  test('fire on existing tables', async () => {
    expect(await ids('ALTER TABLE "t" ALTER COLUMN "c" SET NOT NULL;')).toEqual(['set-not-null']);
    expect(await ids('ALTER TABLE "t" ALTER COLUMN "c" DROP NOT NULL;')).toEqual(['drop-not-null']);
  });
  test('silent on new tables', async () => {
    expect(await ids('CREATE TABLE "t" ("c" int);\nALTER TABLE "t" ALTER COLUMN "c" SET NOT NULL;')).toEqual([]);
  });
});

describe('create-index-blocking / drop-index-blocking / concurrently-in-transaction', () => {
  test('a plain index on an existing table blocks writes', async () => {
    expect(brief(await lint(['\n  CREATE INDEX "i" ON "t" USING btree ("a");']))).toEqual(['create-index-blocking@2:3']);
    expect(await ids('CREATE UNIQUE INDEX IF NOT EXISTS "i" ON ONLY "s"."t" ("a");')).toEqual(['create-index-blocking']);
    expect(await ids('DROP INDEX "i";')).toEqual(['drop-index-blocking']);
  });
  test('dropping an index built earlier in the migration or batch is silent', async () => {
    expect(await ids('CREATE TABLE "t" ("a" int);\nCREATE INDEX "i" ON "t" ("a");\nDROP INDEX "public"."i";')).toEqual([]);
    const inputs = ['CREATE INDEX CONCURRENTLY "i" ON "s"."t" ("a");', 'DROP INDEX "s"."i";'];
    // Built concurrently outside the transaction by the first pending migration (its own chunk after
    // a COMMIT chunk), dropped by the second.
    expect(await ids([`COMMIT;${BP}\n${inputs[0]}`, inputs[1]!], { batch: true })).toEqual(['transaction-control']);
    expect(await ids(inputs, { batch: false })).toEqual(['concurrently-in-transaction', 'drop-index-blocking']);
  });
  test('a fresh CREATE TABLE with its indexes and foreign keys is silent', async () => {
    const sql = [
      'CREATE TABLE "post" (\n\t"id" serial PRIMARY KEY NOT NULL,\n\t"author_id" integer NOT NULL,\n\t"slug" text NOT NULL,\n\tCONSTRAINT "post_slug_unique" UNIQUE("slug")\n);',
      'ALTER TABLE "post" ADD CONSTRAINT "post_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;',
      'CREATE INDEX "post_author_idx" ON "post" USING btree ("author_id");',
      'CREATE UNIQUE INDEX "post_slug_idx" ON "post" USING btree ("slug");',
    ].join(`${BP}\n`);
    expect(await lint([sql])).toEqual([]);
  });
  test('CONCURRENTLY fails inside the migrator transaction, works alone in its chunk after a COMMIT chunk', async () => {
    expect(await ids('CREATE INDEX CONCURRENTLY "i" ON "t" ("a");')).toEqual(['concurrently-in-transaction']);
    expect(await ids('DROP INDEX CONCURRENTLY "i";')).toEqual(['concurrently-in-transaction']);
    // One chunk is one query: PostgreSQL runs it as one implicit transaction block, even after its COMMIT
    // (drizzle-orm's migrate() fails on both shapes: test/safety/postgres-truth.test.ts).
    const chunk = await lint(['COMMIT;\nSET lock_timeout = 0;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS "i" ON "t" ("a");']);
    expect(brief(chunk)).toEqual(['transaction-control@1:1', 'concurrently-in-transaction@3:1']);
    expect(chunk[1]!.message).toContain('Put it alone between breakpoints');
    expect(await ids(`COMMIT;${BP}\nSET lock_timeout = 0;${BP}\nCREATE INDEX CONCURRENTLY IF NOT EXISTS "i" ON "t" ("a");`)).toEqual(['transaction-control']);
    // A BEGIN after the COMMIT opens a transaction block again.
    expect(await ids(`COMMIT;${BP}\nBEGIN;${BP}\nCREATE INDEX CONCURRENTLY "i" ON "t" ("a");`)).toEqual(['transaction-control', 'transaction-control', 'concurrently-in-transaction']);
  });
  test('every statement PostgreSQL refuses in a transaction block', async () => {
    for (const sql of [
      'REINDEX INDEX CONCURRENTLY "i";',
      'REINDEX (VERBOSE) TABLE CONCURRENTLY "t";',
      'VACUUM "t";',
      'ALTER TABLE "p" DETACH PARTITION "p1" CONCURRENTLY;',
      'CREATE DATABASE "x";',
      'ALTER SYSTEM SET work_mem = \'64MB\';',
    ]) {
      expect(await ids(sql), sql).toEqual(['concurrently-in-transaction']);
      expect(await ids(`COMMIT;${BP}\n${sql}`), sql).toEqual(['transaction-control']);
    }
    // ALTER TYPE … ADD VALUE: refused in a transaction block before PostgreSQL 12 only.
    expect(await ids(`ALTER TYPE "s" ADD VALUE 'x';`, { postgresVersion: 11 })).toEqual(['concurrently-in-transaction']);
    expect(await ids(`ALTER TYPE "s" ADD VALUE 'x';`, { postgresVersion: 12 })).toEqual([]);
    expect(await ids('REINDEX INDEX "i";')).toEqual([]);
  });
  test('with a batch, a table created by an earlier pending migration is still new', async () => {
    const inputs = ['CREATE TABLE "t" ("a" int);', 'CREATE INDEX "i" ON "t" ("a");\nALTER TABLE "t" ADD CONSTRAINT "u" UNIQUE ("a");'];
    expect(await ids(inputs, { batch: true })).toEqual([]);
    expect(await ids(inputs, { batch: false })).toEqual(['create-index-blocking', 'add-unique-constraint']);
  });
  test('with a batch, a COMMIT in one migration leaves the next one outside the transaction', async () => {
    const f = await lint(['COMMIT;', 'CREATE INDEX CONCURRENTLY "i" ON "t" ("a");'], { batch: true });
    expect(f.map((x) => x.ruleId)).toEqual(['transaction-control']);
    const g = await lint(['COMMIT;', 'CREATE INDEX CONCURRENTLY "i" ON "t" ("a");'], { batch: false });
    expect(g.map((x) => x.ruleId)).toEqual(['transaction-control', 'concurrently-in-transaction']);
  });
});

describe('constraints', () => {
  test('FK and CHECK without NOT VALID say the migration fails on a row that breaks them (PostgreSQL rejects it: see the orphan-row scenario of postgres-truth)', async () => {
    const [fk] = await lint(['ALTER TABLE "t" ADD CONSTRAINT "f" FOREIGN KEY ("u") REFERENCES "u"("id");']);
    expect(fk!.message).toMatch(/the migration fails if a row has no match in the referenced table/);
    const [check] = await lint(['ALTER TABLE "t" ADD CONSTRAINT "c" CHECK ("a" > 0);']);
    expect(check!.message).toMatch(/the migration fails if a row violates it/);
  });
  test('FK and CHECK without NOT VALID, UNIQUE and PRIMARY KEY on existing tables', async () => {
    expect(await ids('ALTER TABLE "t" ADD CONSTRAINT "f" FOREIGN KEY ("u") REFERENCES "u"("id");')).toEqual(['add-foreign-key-validating']);
    expect(await ids('ALTER TABLE "t" ADD CONSTRAINT "c" CHECK ("a" > 0);')).toEqual(['add-check-validating']);
    expect(await ids('ALTER TABLE "t" ADD CONSTRAINT "u" UNIQUE("a");')).toEqual(['add-unique-constraint']);
    expect(await ids('ALTER TABLE "t" ADD CONSTRAINT "p" PRIMARY KEY("a","b");')).toEqual(['add-primary-key']);
  });
  test('NOT VALID, USING INDEX and new tables are silent', async () => {
    expect(await ids('ALTER TABLE "t" ADD CONSTRAINT "f" FOREIGN KEY ("u") REFERENCES "u"("id") NOT VALID;')).toEqual([]);
    expect(await ids('ALTER TABLE "t" ADD CONSTRAINT "c" CHECK ("a" > 0) NOT VALID;')).toEqual([]);
    expect(await ids('ALTER TABLE "t" ADD CONSTRAINT "u" UNIQUE USING INDEX "t_a_idx";')).toEqual([]);
    expect(await ids('ALTER TABLE "t" ADD CONSTRAINT "p" PRIMARY KEY USING INDEX "t_pk_idx";')).toEqual([]);
    expect(await ids('CREATE TABLE "t" ("a" int);\nALTER TABLE "t" ADD CONSTRAINT "u" UNIQUE("a");')).toEqual([]);
  });
});

describe('enum-value-used-in-same-transaction', () => {
  const add = `ALTER TYPE "public"."status" ADD VALUE 'archived';${BP}\n`;
  test('fires when the new value is used before COMMIT, at the literal', async () => {
    const f = await lint([`${add}ALTER TABLE "t" ALTER COLUMN "status" SET DEFAULT 'archived';`]);
    expect(brief(f)).toEqual(['enum-value-used-in-same-transaction@2:51']);
  });
  test('the same value added to another enum, or named as a neighbour, is not a use', async () => {
    const sql = `ALTER TYPE "public"."a" ADD VALUE 'gitea';${BP}\nALTER TYPE "public"."b" ADD VALUE 'gitea' BEFORE 'raw';${BP}\nALTER TYPE "public"."a" ADD VALUE 'x' AFTER 'gitea';${BP}\nCREATE TYPE "public"."c" AS ENUM('gitea');`;
    expect(await ids(sql)).toEqual([]);
  });
  test('with a batch, a value added by an earlier pending migration is still uncommitted', async () => {
    const f = await lint([add, `UPDATE "t" SET "status" = 'archived' WHERE "id" = 1;`], { batch: true });
    expect(f.map((x) => x.ruleId)).toEqual(['enum-value-used-in-same-transaction']);
  });
  test('silent after COMMIT, on other literals, and (PostgreSQL 18) on a type created in the same transaction', async () => {
    // The COMMIT commits the value; the UPDATE after it (same chunk, a new implicit block) may use it.
    expect(await ids(`${add}COMMIT;\nUPDATE "t" SET "status" = 'archived' WHERE "id" = 1;`)).toEqual(['transaction-control']);
    // A type created in the same transaction: usable from PostgreSQL 18, not before.
    const created = `CREATE TYPE "public"."status" AS ENUM('a');${BP}\n${add}UPDATE "t" SET "status" = 'archived' WHERE "id" = 1;`;
    expect(await ids(created, { postgresVersion: 18 })).toEqual([]);
    expect(await ids(created, { postgresVersion: 15 })).toEqual(['enum-value-used-in-same-transaction']);
    expect(await ids(`${add}UPDATE "t" SET "status" = 'active' WHERE "id" = 1;`)).toEqual([]);
    expect(await ids([add, `UPDATE "t" SET "status" = 'archived' WHERE "id" = 1;`], { batch: false })).toEqual([]);
  });
});

describe('enum-value-removed', () => {
  // What drizzle-kit 0.31 generates when a value is removed from a pgEnum.
  const sql = [
    'ALTER TABLE "t" ALTER COLUMN "mood" SET DATA TYPE text;',
    'DROP TYPE "public"."mood";',
    "CREATE TYPE \"public\".\"mood\" AS ENUM('happy', 'sad');",
    'ALTER TABLE "t" ALTER COLUMN "mood" SET DATA TYPE "public"."mood" USING "mood"::"public"."mood";',
  ].join(`${BP}\n`);
  test('fires naming the removed value', async () => {
    const before = { enums: { 'public.mood': { values: ['happy', 'sad', 'ok'] } }, tables: { 'public.t': { columns: { mood: { type: 'mood' } } } } };
    const f = await lint([{ sql, before }]);
    const removed = f.filter((x) => x.ruleId === 'enum-value-removed');
    expect(removed.map((x) => x.line)).toEqual([2]);
    expect(removed[0]!.message).toContain("'ok'");
  });
  test('silent when no value was removed (reordering) and on a type created in the batch', async () => {
    const before = { enums: { 'public.mood': { values: ['sad', 'happy'] } } };
    expect((await lint([{ sql, before }])).filter((x) => x.ruleId === 'enum-value-removed')).toEqual([]);
    const created = `CREATE TYPE "public"."mood" AS ENUM('a');${BP}\n${sql}`;
    expect((await lint([created])).filter((x) => x.ruleId === 'enum-value-removed')).toEqual([]);
  });
});

describe('parse-error', () => {
  test('reports PostgreSQL\'s message at the real line and column, after non-ASCII text', async () => {
    const sql = `-- café ☕ 𝄞\nCREATE TABLE "t" ("a" int);\n${BP}\n-- ünïcödé\nALTER TABLE "t" ADD COLUMN "é" int;\nSELEC 1;`;
    const f = await lint([sql]);
    expect(brief(f)).toEqual(['parse-error@6:1']);
    expect(f[0]!.message).toContain('syntax error at or near "SELEC"');
  });
  test('an error inside a statement points at the offending token, counting code points', async () => {
    // `ADD COLUM "x"` reads as column COLUM of type "x"; `int` is the error: the 31st code point
    // (é and 𝄞 count once each, though they take 2 and 4 UTF-8 bytes and 𝄞 two UTF-16 units).
    const f = await lint(['ALTER TABLE "é" ADD COLUM "x" int;', '\n  ALTER TABLE "𝄞" ADD COLUM "x" int;']);
    expect(brief(f)).toEqual(['parse-error@1:31', 'parse-error@2:33']);
  });
  test('tree locations (UTF-8 bytes) map to the right column after multi-byte names', async () => {
    // Sub-commands are located by the lexer; an inline constraint by the tree's byte location.
    const f = await lint(['ALTER TABLE "𝄞é" ADD COLUMN "é" int NOT NULL, ADD COLUMN "ü" int UNIQUE;']);
    // ADD is the 18th code point, the second ADD the 47th, UNIQUE the 66th.
    expect(brief(f)).toEqual(['add-column-required@1:18', 'add-unique-constraint@1:66']);
  });
});

test('every safety rule has a doc page naming its id and default severity', async () => {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const { SAFETY_RULE_METAS } = await import('../../src/checks/safety/rules/index.js');
  for (const meta of SAFETY_RULE_METAS) {
    const page = fs.readFileSync(path.resolve(import.meta.dirname, `../../docs/rules/${meta.id}.md`), 'utf8');
    expect(page.startsWith(`# ${meta.id}\n`), meta.id).toBe(true);
    expect(page).toContain(`**Default severity** ${meta.defaultSeverity}`);
  }
});

describe('MySQL and SQLite (lexical)', () => {
  test('MySQL CHANGE renames and retypes; RENAME TABLE; DROP COLUMN among other clauses', async () => {
    const before = { tables: { users: { columns: { nick: { type: 'varchar(64)' } } } } };
    const sql = 'ALTER TABLE `users` CHANGE `nick` `handle` varchar(32) NOT NULL, ADD INDEX `i` (`handle`), DROP COLUMN `bio`;\nRENAME TABLE `users` TO `accounts`, `a` TO `b`;';
    const f = await lint([{ sql, before }], { dialect: 'mysql' });
    // Per clause, in order: CHANGE (a rename, then a type change) at column 21, DROP COLUMN at 92.
    expect(brief(f)).toEqual(['rename-column@1:21', 'alter-column-type@1:21', 'drop-column@1:92', 'rename-table@2:1', 'rename-table@2:1']);
    expect(f[1]!.message).toContain('from varchar(64) to varchar(32)');
  });
  test('a hand-written rebuild (rename away, re-create, copy, drop the old copy) is not a rename or a drop', async () => {
    const sql = [
      'ALTER TABLE `user` RENAME TO `__user_old`;',
      'CREATE TABLE `user` (`id` text PRIMARY KEY NOT NULL, `name` text);',
      'INSERT INTO `user` SELECT `id`, `name` FROM `__user_old`;',
      'DROP TABLE `__user_old`;',
    ].join('--> statement-breakpoint\n');
    expect(await lint([sql], { dialect: 'sqlite' })).toEqual([]);
    // Without the copy, the code's `user` is a new, empty table, and the old rows are lost with the old copy.
    const noCopy = sql.replace('INSERT INTO `user` SELECT `id`, `name` FROM `__user_old`;', 'SELECT 1;');
    expect((await lint([noCopy], { dialect: 'sqlite' })).map((f) => f.ruleId)).toEqual(['rename-table', 'drop-table']);
  });
  test('SQLite: a rebuild that renames columns copies them (the SELECT side names the old columns)', async () => {
    const before = { tables: { account: { columns: { userId: {}, type: {}, legacy: {} } } } };
    const sql = [
      'CREATE TABLE `__new_account` (`user_id` text NOT NULL, `type` text NOT NULL);',
      'INSERT INTO `__new_account`("user_id", "type") SELECT "userId", "type" FROM `account`;',
      'DROP TABLE `account`;',
      'ALTER TABLE `__new_account` RENAME TO `account`;',
    ].join('--> statement-breakpoint\n');
    const f = await lint([{ sql, before }], { dialect: 'sqlite' });
    expect(f.map((x) => `${x.ruleId} ${x.message.split(' of ')[0]}`)).toEqual(['drop-column Column "legacy"']);
  });
  test('MySQL: a MODIFY restating the type of a column added just before is silent', async () => {
    const sql = 'ALTER TABLE `group` ADD `position` smallint;\nALTER TABLE `group` MODIFY `position` smallint NOT NULL;\nALTER TABLE `group` MODIFY `position` int NOT NULL;';
    expect(brief(await lint([sql], { dialect: 'mysql' }))).toEqual(['alter-column-type@3:21']);
  });
  test('SQLite: a rebuild keeping every column is silent, DROP TABLE of a new table too', async () => {
    const before = { tables: { t: { columns: { id: {}, a: {} } } } };
    const sql = [
      'CREATE TABLE `__new_t` (`id` integer, `a` text NOT NULL);',
      'INSERT INTO `__new_t`("id", "a") SELECT "id", "a" FROM `t`;',
      'DROP TABLE `t`;',
      'ALTER TABLE `__new_t` RENAME TO `t`;',
      'CREATE TABLE `tmp` (`x` int);',
      'DROP TABLE `tmp`;',
    ].join('--> statement-breakpoint\n');
    expect(await lint([{ sql, before }], { dialect: 'sqlite' })).toEqual([]);
  });
});

describe('transaction-control', () => {
  test('PostgreSQL: COMMIT says what it commits and what a later failure leaves', async () => {
    const f = await lint([`ALTER TABLE "t" ADD COLUMN "c" text;${BP}\nCOMMIT;${BP}\nUPDATE "t" SET "c" = '' WHERE "c" IS NULL;`]);
    expect(brief(f)).toEqual(['transaction-control@2:1']);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('__drizzle_migrations');
    expect(f[0]!.message).toContain('half-applied and unrecorded');
    expect(await ids(`BEGIN;${BP}\nSTART TRANSACTION;${BP}\nROLLBACK;${BP}\nEND;${BP}\nSAVEPOINT a;${BP}\nRELEASE SAVEPOINT a;`)).toEqual(Array(6).fill('transaction-control'));
    // Not transaction control: COMMIT PREPARED acts on another transaction.
    expect(await ids("COMMIT PREPARED 'x';")).toEqual([]);
  });
  test('an error on MySQL, where DDL commits implicitly; a warning on SQLite', async () => {
    const my = await lint(['START TRANSACTION;\nALTER TABLE `t` ADD `c` int;\nCOMMIT;'], { dialect: 'mysql' });
    expect(my.map((x) => `${x.ruleId} ${x.severity}`)).toEqual(['transaction-control error', 'transaction-control error']);
    expect(my[0]!.message).toContain('commits implicitly');
    const lite = await lint(['BEGIN;\nCREATE TABLE `t` (`a` int);\nCOMMIT;'], { dialect: 'sqlite' });
    expect(lite.map((x) => `${x.ruleId} ${x.severity}`)).toEqual(['transaction-control warning', 'transaction-control warning']);
  });
});

describe('VALIDATE CONSTRAINT in the transaction of its ADD … NOT VALID', () => {
  const fk = 'ALTER TABLE "t" ADD CONSTRAINT "f" FOREIGN KEY ("u") REFERENCES "u"("id") NOT VALID;';
  const ck = 'ALTER TABLE "t" ADD CONSTRAINT "c" CHECK ("a" > 0) NOT VALID;';
  test('reported by the add-*-validating rule of its kind, at the VALIDATE', async () => {
    const f = await lint([`${fk}${BP}\n${ck}${BP}\nALTER TABLE "t" VALIDATE CONSTRAINT "f";${BP}\nALTER TABLE "t" VALIDATE CONSTRAINT "c";`]);
    expect(brief(f)).toEqual(['add-foreign-key-validating@3:17', 'add-check-validating@4:17']);
    expect(f[0]!.message).toContain('same transaction');
    // Two pending migrations deployed together share drizzle's transaction.
    expect(await ids([fk, 'ALTER TABLE "t" VALIDATE CONSTRAINT "f";'], { batch: true })).toEqual(['add-foreign-key-validating']);
  });
  test('silent in a later deploy, after a COMMIT, for a constraint added VALID, or on a new table', async () => {
    expect(await ids([fk, 'ALTER TABLE "t" VALIDATE CONSTRAINT "f";'], { batch: false })).toEqual([]);
    expect(await ids(`${fk}${BP}\nCOMMIT;${BP}\nALTER TABLE "t" VALIDATE CONSTRAINT "f";`)).toEqual(['transaction-control']);
    expect(await ids('ALTER TABLE "t" VALIDATE CONSTRAINT "other";')).toEqual([]);
    expect(await ids(`CREATE TABLE "t" ("a" int, "u" int);${BP}\n${fk}${BP}\nALTER TABLE "t" VALIDATE CONSTRAINT "f";`)).toEqual([]);
  });
});

describe('type changes that never rewrite (PostgreSQL)', () => {
  const change = async (from: string, to: string) => {
    const before = { tables: { 'public.t': { columns: { c: { type: from } } } } };
    return lint([{ sql: `ALTER TABLE "t" ALTER COLUMN "c" SET DATA TYPE ${to};`, before }]);
  };
  test.each([
    // [snapshot type as drizzle-kit writes it, new type]
    ['varchar', 'text'],
    ['text', 'varchar'],
    ['varchar(50)', 'varchar'],
    ['character varying(50)', 'varchar(80)'],
    ['timestamp (3) with time zone', 'timestamp(6) with time zone'],
    ['timestamp(3)', 'timestamp'],
    ['numeric(10, 2)', 'numeric(12,2)'],
    ['numeric(10, 2)', 'numeric'],
    ['vector(1536)', 'vector'],
    ['timestamp with time zone', 'timestamptz'],
  ])('%s → %s is silent', async (from, to) => {
    expect(await change(from, to)).toEqual([]);
  });
  test('a longer varchar still rebuilds a partial or expression index that uses the column (claude-code-hub 0084)', async () => {
    // Seen on PostgreSQL 15: widening varchar(50) keeps the table's file and those of plain indexes (one or
    // several keys), and gives new files to the partial or expression indexes that use the column, as a key
    // (claude-code-hub's idx_providers_group: group_tag WHERE deleted_at IS NULL), in the predicate or in an
    // expression; a partial index not using the column keeps its file.
    const indexes = {
      t_plain: { columns: [{ expression: 'c', isExpression: false }] },
      t_multi: { columns: [{ expression: 'id', isExpression: false }, { expression: 'c', isExpression: false }] },
      t_key_partial: { columns: [{ expression: 'c', isExpression: false }], where: '"t"."deleted_at" IS NULL' },
      t_partial: { columns: [{ expression: 'id', isExpression: false }], where: '"t"."c" is not null' },
      t_lower: { columns: [{ expression: 'lower("c")', isExpression: true }] },
      t_other: { columns: [{ expression: 'lower("cc")', isExpression: true }], where: '"cc" <> \'\'' },
    };
    const before = { tables: { 'public.t': { columns: { c: { type: 'varchar(50)' }, cc: { type: 'text' } }, indexes } } };
    const f = await lint([{ sql: 'ALTER TABLE "t" ALTER COLUMN "c" SET DATA TYPE varchar(255);', before }]);
    expect(f.map((x) => x.ruleId)).toEqual(['alter-column-type']);
    expect(f[0]!.message).toContain('the table is not rewritten, but indexes "t_key_partial", "t_partial", "t_lower" (partial or on an expression, and using the column) are rebuilt');
  });
  test.each([
    ['text', 'varchar(10)'],
    ['varchar(80)', 'varchar(50)'],
    ['numeric(10, 2)', 'numeric(12,3)'],
    ['timestamp(6)', 'timestamp(3)'],
    ['vector', 'vector(3)'],
    ['integer', 'bigint'],
  ])('%s → %s is reported', async (from, to) => {
    expect((await change(from, to)).map((f) => f.ruleId)).toEqual(['alter-column-type']);
  });
  test('timestamp → timestamptz: depends on the TimeZone, and says so', async () => {
    const f = await change('timestamp', 'timestamp with time zone');
    expect(f.map((x) => x.ruleId)).toEqual(['alter-column-type']);
    expect(f[0]!.message).toContain('unless the session\'s TimeZone is UTC');
  });
});

describe('false positives on state the lint tracks', () => {
  test('SET NOT NULL on a column the snapshot already has NOT NULL', async () => {
    const before = { tables: { 'public.t': { columns: { c: { type: 'text', notNull: true }, d: { type: 'text', notNull: false } } } } };
    expect(await ids([{ sql: 'ALTER TABLE "t" ALTER COLUMN "c" SET NOT NULL;', before }] as never)).toEqual([]);
    expect(await ids([{ sql: 'ALTER TABLE "t" ALTER COLUMN "d" SET NOT NULL;', before }] as never)).toEqual(['set-not-null']);
    // Relaxed earlier in the migration: the scan is back.
    const relaxed = `ALTER TABLE "t" ALTER COLUMN "c" DROP NOT NULL;${BP}\nALTER TABLE "t" ALTER COLUMN "c" SET NOT NULL;`;
    expect(await ids([{ sql: relaxed, before }] as never)).toEqual(['drop-not-null', 'set-not-null']);
  });
  test('a table emptied earlier in the migration holds no rows', async () => {
    const after = `ALTER TABLE "t" ADD COLUMN "c" text NOT NULL;${BP}\nALTER TABLE "t" ALTER COLUMN "d" SET NOT NULL;${BP}\nCREATE INDEX "i" ON "t" ("c");`;
    expect(await ids(`TRUNCATE "t";${BP}\n${after}`)).toEqual(['truncate-table']);
    expect(await ids(`DELETE FROM "t";${BP}\n${after}`)).toEqual(['delete-all-rows']);
    expect(await ids(`DELETE FROM "t" WHERE "c" IS NULL;${BP}\n${after}`)).toEqual(['add-column-required', 'set-not-null', 'create-index-blocking']);
    // Written to again: rows are back.
    expect(await ids(`DELETE FROM "t";${BP}\nINSERT INTO "t" VALUES (1);${BP}\n${after}`)).toEqual(['delete-all-rows', 'add-column-required', 'set-not-null', 'create-index-blocking']);
  });
  test('TRUNCATE … CASCADE empties the tables whose foreign keys reference it (from the snapshot)', async () => {
    const before = {
      tables: {
        'public.users': { columns: {} },
        'public.posts': { columns: {}, foreignKeys: { posts_user_fk: { tableTo: 'users', schemaTo: 'public' } } },
        'public.tags': { columns: {} },
      },
    };
    const sql = `TRUNCATE "users" CASCADE;${BP}\nALTER TABLE "posts" ADD COLUMN "c" text NOT NULL;${BP}\nALTER TABLE "tags" ADD COLUMN "c" text NOT NULL;`;
    expect(brief(await lint([{ sql, before }]))).toEqual(['truncate-table@1:10', 'add-column-required@3:20']);
  });
  test('DROP COLUMN of a column added earlier, or IF EXISTS of one the snapshot does not have', async () => {
    const before = { tables: { 'public.t': { columns: { a: { type: 'text' } } } } };
    expect(await ids(`ALTER TABLE "t" ADD COLUMN "tmp" int;${BP}\nALTER TABLE "t" DROP COLUMN "tmp";`)).toEqual([]);
    expect(await ids([{ sql: 'ALTER TABLE "t" DROP COLUMN IF EXISTS "gone";', before }] as never)).toEqual([]);
    expect(await ids([{ sql: 'ALTER TABLE "t" DROP COLUMN IF EXISTS "a";', before }] as never)).toEqual(['drop-column']);
    // No snapshot: the column may exist.
    expect(await ids('ALTER TABLE "t" DROP COLUMN IF EXISTS "gone";')).toEqual(['drop-column']);
  });
  test('DROP INDEX IF EXISTS of an unqualified name that lives in another schema', async () => {
    const before = { tables: { 'auth.users': { columns: {}, indexes: { users_email_idx: {} } }, 'public.t': { columns: {}, indexes: { t_a_idx: {} } } } };
    expect(await ids([{ sql: 'DROP INDEX IF EXISTS "users_email_idx";', before }] as never)).toEqual([]);
    expect(await ids([{ sql: 'DROP INDEX IF EXISTS "auth"."users_email_idx";', before }] as never)).toEqual(['drop-index-blocking']);
    expect(await ids([{ sql: 'DROP INDEX "users_email_idx";', before }] as never)).toEqual(['drop-index-blocking']);
    // IF NOT EXISTS of an index the snapshot lists is still built where a database lacks it (sim's 0101).
    expect(await ids([{ sql: 'CREATE INDEX IF NOT EXISTS "t_a_idx" ON "t" ("a");', before }] as never)).toEqual(['create-index-blocking']);
  });
});

describe('renamed away and re-created', () => {
  test('a table re-created empty under its old name is a rename to the code', async () => {
    const sql = `ALTER TABLE "user" RENAME TO "user_old";${BP}\nCREATE TABLE "user" ("id" text PRIMARY KEY);`;
    const f = await lint([sql]);
    expect(f.map((x) => x.ruleId)).toEqual(['rename-table']);
    expect(f[0]!.message).toContain('re-created empty');
    // A rebuild copies the rows back: not a rename.
    expect(await ids(`${sql}${BP}\nINSERT INTO "user" SELECT "id" FROM "user_old";`)).toEqual([]);
  });
  test('a column renamed away and re-added is a rename too', async () => {
    expect(await ids(`ALTER TABLE "t" RENAME COLUMN "a" TO "a_old";${BP}\nALTER TABLE "t" ADD COLUMN "a" text;`)).toEqual(['rename-column']);
  });
});

describe('drop-column as the last step of expand/contract', () => {
  test('a column the previous snapshot no longer has: a warning that says why', async () => {
    // The schema dropped "legacy" in an earlier migration whose SQL kept it (the expand step); this one drops it.
    const before = { tables: { 'public.t': { columns: { id: { type: 'integer' } } } } };
    const f = await lint([{ sql: 'ALTER TABLE "t" DROP COLUMN "legacy";', before }]);
    expect(f.map((x) => `${x.ruleId} ${x.severity}`)).toEqual(['drop-column warning']);
    expect(f[0]!.message).toContain('no longer in the previous snapshot');
    // Still in the snapshot: code may use it, an error.
    const still = await lint([{ sql: 'ALTER TABLE "t" DROP COLUMN "id";', before }]);
    expect(still.map((x) => `${x.ruleId} ${x.severity}`)).toEqual(['drop-column error']);
    // Absent from the snapshot because this migration renamed it (Dokploy's 0066 renames adminId to userId, then drops it): an error.
    const renamed = await lint([{ sql: 'ALTER TABLE "t" RENAME COLUMN "id" TO "legacy";\n--> statement-breakpoint\nALTER TABLE "t" DROP COLUMN "legacy";', before }]);
    expect(renamed.map((x) => `${x.ruleId} ${x.severity}`)).toEqual(['rename-column warning', 'drop-column error']);
  });
});
