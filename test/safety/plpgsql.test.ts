// Statements inside DO blocks and function bodies, judged as if they stood alone, located in the file.

import { describe, expect, test } from 'vitest';
import { brief, lint } from './helpers.js';

const BP = '--> statement-breakpoint';

// drizzle-kit before 0.21 wrote every foreign key this way (the shape of e.g. Dokploy's early history).
const FK = 'ALTER TABLE "post" ADD CONSTRAINT "post_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;';
const WRAPPED = `DO $$ BEGIN\n ${FK}\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;`;

describe('DO blocks', () => {
  test("drizzle-kit's foreign-key wrapper behaves exactly like the bare ALTER TABLE", async () => {
    const bare = await lint([FK]);
    const wrapped = await lint([WRAPPED]);
    // The ALTER starts on line 2, column 2 (after one space); the ADD sub-command at column 2 + 19.
    expect(brief(bare)).toEqual(['add-foreign-key-validating@1:20']);
    expect(brief(wrapped)).toEqual(['add-foreign-key-validating@2:21']);
    expect(wrapped.map((f) => [f.message, f.severity])).toEqual(bare.map((f) => [f.message, f.severity]));
    // On a table created earlier in the migration, both are silent.
    const create = `CREATE TABLE "post" ("id" serial PRIMARY KEY, "author_id" integer);${BP}\n`;
    expect(await lint([create + FK])).toEqual([]);
    expect(await lint([create + WRAPPED])).toEqual([]);
  });
  test('DROP TABLE, IF … THEN, nested blocks, labels and a DECLARE section', async () => {
    const sql = [
      'DO $$',
      'DECLARE n integer;',
      'BEGIN',
      '  IF EXISTS (SELECT 1 FROM pg_tables WHERE tablename = \'old\') THEN',
      '    DROP TABLE "old";',
      '  END IF;',
      '  <<inner>> BEGIN',
      '    ALTER TABLE "t" ALTER COLUMN "c" SET NOT NULL;',
      '  EXCEPTION WHEN others THEN RAISE NOTICE \'skipped\';',
      '  END;',
      '  PERFORM 1;',
      "  EXECUTE 'DROP TABLE x';",
      'END $$;',
    ].join('\n');
    // Dynamic SQL (EXECUTE) and PERFORM are not judged.
    expect(brief(await lint([sql]))).toEqual(['drop-table@5:16', 'set-not-null@8:21']);
  });
  test('positions in the file, counting code points after multi-byte text inside the body', async () => {
    const sql = `-- café\nDO $tag$ BEGIN /* é𝄞 */ DROP TABLE "é"; END $tag$;`;
    // Line 2: BEGIN at 10, the comment at 16 (é 19, 𝄞 20: one code point), DROP at 25, the name at 36.
    expect(brief(await lint([sql]))).toEqual(['drop-table@2:36']);
  });
  test('a suppression comment before the DO block covers its statements', async () => {
    const sql = `-- drizzle-guard-ignore add-foreign-key-validating -- reviewed\n${WRAPPED}`;
    expect(await lint([sql])).toEqual([]);
  });
  test('DO with another language is not read', async () => {
    expect(await lint([`DO LANGUAGE plv8 $$ DROP TABLE x $$;`])).toEqual([]);
  });
});

describe('function and procedure bodies', () => {
  test('judged, said to run when called, and changing nothing now', async () => {
    const sql = [
      'CREATE OR REPLACE FUNCTION reset() RETURNS void LANGUAGE plpgsql AS $$',
      'BEGIN',
      '  CREATE TABLE "scratch" (id int);',
      '  DROP TABLE "audit";',
      'END $$;',
      BP,
      // scratch was not created by the migration: adding a NOT NULL column to it is judged as existing.
      'ALTER TABLE "scratch" ADD COLUMN "n" int NOT NULL;',
    ].join('\n');
    const f = await lint([sql]);
    // drop-table points at the table name.
    expect(brief(f)).toEqual(['drop-table@4:14', 'add-column-required@7:23']);
    expect(f[0]!.message).toContain('runs when the function is called');
  });
  test("a procedure's COMMIT is not the migration's transaction control", async () => {
    const sql = `CREATE PROCEDURE batch() LANGUAGE plpgsql AS $$\nBEGIN\n  LOOP\n    UPDATE "t" SET "x" = 1 WHERE "x" IS NULL;\n    COMMIT;\n  END LOOP;\nEND;\n$$;${BP}\nCREATE INDEX CONCURRENTLY "i" ON "t" ("x");`;
    expect(await lint([sql]).then((f) => f.map((x) => x.ruleId))).toEqual(['concurrently-in-transaction']);
  });
});
