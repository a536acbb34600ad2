// Accuracy against squawk (the peer) on simstudioai/sim's 299 migration files, statement by
// statement, for the classes both tools cover. Every disagreement must fall into an explained
// category (docs/squawk-comparison.md); anything else fails the test.

import { defaultGuardConfig } from '../../../src/config/guard-config.js';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { safetyCheck } from '../../../src/checks/safety/index.js';
import { classifyPostgres } from '../../../src/checks/safety/classify.js';
import { lexStatements } from '../../../src/model/sql-lexer.js';
import type { CheckOptions } from '../../../src/checks/types.js';
import { resolveConfig } from '../../../src/config/drizzle-config.js';
import { readMigrationSet } from '../../../src/model/folder.js';
import { workingTree } from '../../../src/model/tree.js';
import { SIM } from './corpora.js';

/** squawk rule → shared class, and our rule → shared class. */
const SQUAWK: Record<string, string> = {
  'ban-drop-table': 'drop table',
  'ban-drop-column': 'drop column',
  'changing-column-type': 'column type change',
  'renaming-column': 'rename column',
  'renaming-table': 'rename table',
  'adding-required-field': 'required column',
  'require-concurrent-index-creation': 'non-concurrent index',
  'constraint-missing-not-valid': 'constraint without NOT VALID',
  'adding-not-nullable-field': 'SET NOT NULL',
  'ban-drop-not-null': 'DROP NOT NULL',
  'require-concurrent-index-deletion': 'non-concurrent DROP INDEX',
  'disallowed-unique-constraint': 'UNIQUE constraint',
  'ban-concurrent-index-creation-in-transaction': 'CONCURRENTLY in transaction',
  'adding-field-with-default': 'volatile default / rewrite',
};
const OURS: Record<string, string> = {
  'drop-table': 'drop table',
  'drop-column': 'drop column',
  'alter-column-type': 'column type change',
  'rename-column': 'rename column',
  'rename-table': 'rename table',
  'add-column-required': 'required column',
  'create-index-blocking': 'non-concurrent index',
  'add-foreign-key-validating': 'constraint without NOT VALID',
  'add-check-validating': 'constraint without NOT VALID',
  'set-not-null': 'SET NOT NULL',
  'drop-not-null': 'DROP NOT NULL',
  'drop-index-blocking': 'non-concurrent DROP INDEX',
  'add-unique-constraint': 'UNIQUE constraint',
  'concurrently-in-transaction': 'CONCURRENTLY in transaction',
  'add-column-volatile-default': 'volatile default / rewrite',
};

/** Table of the statement covering `line` of `file`, and whether an earlier statement of the same file creates it. */
function createdEarlierInFile(text: string, line: number): boolean {
  const lineStart = text.split('\n').slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0);
  const stmt = lexStatements(text).statements.find((s) => s.start <= lineStart + 200 && s.end > lineStart);
  if (!stmt) return false;
  const cls = classifyPostgres(stmt.tokens, 0);
  const table =
    cls.kind === 'alter-table' ? cls.table : cls.kind === 'ops' ? cls.ops.map((o) => ('table' in o ? o.table : undefined)).find(Boolean) : undefined;
  if (!table) return false;
  const name = table.slice(table.indexOf('.') + 1);
  // Independent of our classifier: a plain-text search for the CREATE TABLE before the statement.
  const create = new RegExp(`CREATE\\s+(?:TEMP(?:ORARY)?\\s+|UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:"[^"]+"\\.)?"?${name}"?[\\s(]`, 'i');
  return create.test(text.slice(0, stmt.start));
}

/** True when the 1-based line lies between a `DO $$` and its closing `$$`. */
function insideDoBlock(text: string, line: number): boolean {
  const offset = text.split('\n').slice(0, line - 1).join('\n').length + 1;
  for (const m of text.matchAll(/\bDO \$\$[\s\S]*?\$\$/g)) if (m.index! < offset && offset < m.index! + m[0].length) return true;
  return false;
}

test('squawk and drizzle-guard agree statement by statement, except for explained cases', async () => {
  const files = fs.readdirSync(SIM).filter((f) => f.endsWith('.sql')).sort();
  const squawkBin = path.resolve(import.meta.dirname, '../../../node_modules/.bin/squawk');
  let raw: string;
  try {
    raw = execFileSync(squawkBin, [...files.map((f) => path.join(SIM, f)), '--reporter', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (e) {
    // squawk exits 1 when it reports anything.
    raw = (e as { stdout: string }).stdout;
  }
  const squawk = JSON.parse(raw) as { file: string; line: number; rule_name: string }[];

  const cwd = path.dirname(SIM);
  const config = resolveConfig({ dialect: 'postgresql', out: path.basename(SIM) }, {});
  const head = readMigrationSet(workingTree(cwd, cwd), config);
  const outcome = await safetyCheck.run({ cwd, options: { cwd, lint: true } as CheckOptions, config, settings: defaultGuardConfig(), head, hasBase: false });
  const ours = outcome.findings ?? [];

  const key = (file: string, line: number) => `${path.basename(file)}:${line}`;
  const theirs = new Map<string, Set<string>>();
  const mine = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, cls: string, k: string) => (m.get(cls) ?? m.set(cls, new Set()).get(cls)!).add(k);
  // squawk's lines are 0-based.
  for (const f of squawk) if (SQUAWK[f.rule_name]) add(theirs, SQUAWK[f.rule_name]!, key(f.file, f.line + 1));
  for (const f of ours) if (OURS[f.ruleId]) add(mine, OURS[f.ruleId]!, key(f.file!, f.line!));

  // squawk's constraint-missing-not-valid also fires on UNIQUE and PRIMARY KEY, which cannot be NOT VALID:
  // we report those as add-unique-constraint / add-primary-key.
  const uniqueOrPk = new Set(ours.filter((f) => f.ruleId === 'add-unique-constraint' || f.ruleId === 'add-primary-key').map((f) => key(f.file!, f.line!)));
  const texts = new Map(files.map((f) => [f, fs.readFileSync(path.join(SIM, f), 'utf8')]));
  const rows: string[] = [];
  const unexplained: string[] = [];
  for (const cls of [...new Set([...Object.values(SQUAWK)])]) {
    const a = theirs.get(cls) ?? new Set<string>();
    const b = mine.get(cls) ?? new Set<string>();
    const both = [...a].filter((k) => b.has(k)).length;
    const squawkOnly = [...a].filter((k) => !b.has(k));
    const oursOnly = [...b].filter((k) => !a.has(k));
    let sameFile = 0;
    let otherRule = 0;
    for (const k of squawkOnly) {
      const [file, line] = k.split(':');
      if (createdEarlierInFile(texts.get(file!)!, Number(line))) sameFile++;
      else if (cls === 'constraint without NOT VALID' && uniqueOrPk.has(k)) otherRule++;
      else unexplained.push(`${cls}: squawk only at ${k}`);
    }
    let inBody = 0;
    let validation = 0;
    for (const k of oursOnly) {
      const [file, line] = k.split(':');
      const text = texts.get(file!)!;
      // squawk does not lint PL/pgSQL bodies (squawk#411), nor a VALIDATE in the ADD … NOT VALID's transaction.
      if (insideDoBlock(text, Number(line))) inBody++;
      else if (/VALIDATE CONSTRAINT/.test(text.split('\n')[Number(line) - 1]!)) validation++;
      else unexplained.push(`${cls}: drizzle-guard only at ${k}`);
    }
    rows.push(`| ${cls} | ${a.size} | ${b.size} | ${both} | ${sameFile} | ${otherRule} | ${inBody} | ${validation} |`);
  }
  console.log(
    [
      '| class | squawk | drizzle-guard | both | squawk only: table created earlier in the file | squawk only: UNIQUE / PK (our own rule) | ours only: in a DO block | ours only: VALIDATE in the ADD\'s transaction |',
      '|---|---|---|---|---|---|---|---|',
      ...rows,
    ].join('\n'),
  );
  expect(unexplained).toEqual([]);
});
