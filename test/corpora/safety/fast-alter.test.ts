// The token fast path for ALTER TABLE must agree with the parse tree on every statement it accepts,
// over every PostgreSQL migration of the corpora (../shared/corpora).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { opsOfAlterTable } from '../../../src/checks/safety/alter-table.js';
import { classifyPostgres } from '../../../src/checks/safety/classify.js';
import { fastAlterOps } from '../../../src/checks/safety/fast-alter.js';
import { lexStatements } from '../../../src/model/sql-lexer.js';
import { parseSql } from '../../../src/checks/safety/parser.js';
import { pgCorpusFiles } from './corpora.js';

test('fast path ops equal tree ops on every ALTER TABLE it accepts', async () => {
  let accepted = 0;
  let rejected = 0;
  for (const file of pgCorpusFiles()) {
    const text = fs.readFileSync(file, 'utf8');
    for (const s of lexStatements(text).statements) {
      const cls = classifyPostgres(s.tokens, 0);
      if (cls.kind !== 'alter-table') continue;
      const starts = cls.clauses.map((c) => c.offset());
      const fast = fastAlterOps(cls.clauses, cls.table);
      if (!fast) {
        rejected++;
        continue;
      }
      accepted++;
      const sql = text.slice(s.start, s.end);
      const parsed = await parseSql(sql);
      if (!parsed.ok) throw new Error(`${path.basename(file)}: the fast path accepted SQL PostgreSQL rejects: ${sql}`);
      // Fast-path offsets are file offsets (base 0); tree locations are relative to the statement.
      const tree = parsed.statements.flatMap((p) => opsOfAlterTable(p.stmt, () => s.start, (i) => starts[i] ?? s.start));
      expect(fast, `${path.basename(file)}: ${sql}`).toEqual(tree);
    }
  }
  // Most of drizzle-kit's ALTER TABLE output takes the fast path.
  expect(accepted).toBeGreaterThan(rejected);
  console.log(`fast path: ${accepted} ALTER TABLE statements accepted, ${rejected} left to the parser`);
});
