import { describe, expect, test } from 'vitest';
import { parseSql } from '../../src/checks/safety/parser.js';
import { lexStatements } from '../../src/model/sql-lexer.js';

describe('parser', () => {
  test('survives far more than 50 KB of input in one process (the heap-copy workaround)', async () => {
    // pg-query-emscripten's own parse() corrupts its heap after ~700 calls / ~50 KB. 3,000 calls of a
    // ~150-byte statement (~450 KB) and one 400 KB statement must all parse correctly.
    const stmt = (i: number) =>
      `ALTER TABLE "t${i}" ADD COLUMN "c${i}" varchar(${i % 200 + 1}) DEFAULT 'é${i}' NOT NULL, ADD CONSTRAINT "f${i}" FOREIGN KEY ("c${i}") REFERENCES "u"("id") NOT VALID;`;
    let bytes = 0;
    for (let i = 0; i < 3000; i++) {
      const sql = stmt(i);
      bytes += Buffer.byteLength(sql);
      const r = await parseSql(sql);
      if (!r.ok) throw new Error(`call ${i} failed: ${r.message}`);
      expect(r.statements[0]!.stmt.AlterTableStmt.relation.relname).toBe(`t${i}`);
    }
    expect(bytes).toBeGreaterThan(400_000);
    const big = Array.from({ length: 2000 }, (_, i) => stmt(i)).join('\n');
    expect(big.length).toBeGreaterThan(300_000);
    const r = await parseSql(big);
    expect(r.ok && r.statements.length).toBe(2000);
    // Still healthy afterwards: an error is an error, not garbage.
    const bad = await parseSql('SELEC 1');
    expect(bad).toEqual({ ok: false, message: 'syntax error at or near "SELEC"', codePointOffset: 0 });
  });
});

describe('lexer', () => {
  test('splits on top-level semicolons only', () => {
    const sql = `CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;\nSELECT 'a;b', "x;y", E'it\\'s;' /* c; /* nested; */ */ ;\n-- c;\nDO $$ BEGIN PERFORM 1; END $$`;
    const { statements, comments } = lexStatements(sql);
    expect(statements.map((s) => sql.slice(s.start, s.end))).toEqual([
      'CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;',
      `SELECT 'a;b', "x;y", E'it\\'s;' /* c; /* nested; */ */ ;`,
      'DO $$ BEGIN PERFORM 1; END $$',
    ]);
    expect(statements[1]!.tokens.filter((t) => t.kind === 'string').map((t) => t.value)).toEqual(['a;b', "it's;"]);
    expect(comments.map((c) => c.text)).toEqual([' c; /* nested; */ ', ' c;']);
    expect(statements[2]!.leadingComments.map((c) => c.text)).toEqual([' c;']);
  });
  test('MySQL: backtick identifiers, backslash escapes and # comments', () => {
    const sql = "ALTER TABLE `t;x` DROP COLUMN `a`; # note;\nSELECT 'it\\'s';";
    const { statements } = lexStatements(sql, { dialect: 'mysql' });
    expect(statements.map((s) => s.tokens.map((t) => t.value).join(' '))).toEqual(['ALTER TABLE t;x DROP COLUMN a', "SELECT it's"]);
  });
});
