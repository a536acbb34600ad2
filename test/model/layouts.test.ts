import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/engine.js';
import { FIXTURES, options } from '../helpers/project.js';

describe('migration folder layouts', () => {
  it('reads drizzle-kit output with prefix timestamp without findings', async () => {
    const report = await runCheck(options(path.join(FIXTURES, 'pg-prefix-timestamp')));
    expect(report.findings).toEqual([]);
    expect(report.migrations.map((m) => m.statements)).toEqual([5, 1]);
  });

  it('reports prefix none, whose ignored _snapshot.json made drizzle-kit emit the whole schema twice', async () => {
    const report = await runCheck(options(path.join(FIXTURES, 'pg-prefix-none')));
    // The real second migration re-creates the enum, both tables, the FK and the index.
    expect(report.migrations.map((m) => [m.tag, m.statements])).toEqual([
      ['_init', 5],
      ['_add_due_date', 5],
    ]);
    expect(report.findings).toEqual([expect.objectContaining({ ruleId: 'snapshot-missing', severity: 'error', migration: '_add_due_date' })]);
  });
});
