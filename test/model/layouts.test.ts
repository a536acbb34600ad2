import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/engine.js';
import { CORPORA, FIXTURES, options } from '../helpers/project.js';

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

  it('reads the drizzle-kit 1.0 folder layout with timestamps from the folder names', async () => {
    const report = await runCheck(
      options(path.join(CORPORA, 'drizzle-team__drizzle-orm__beta/integration-tests/drizzle2'), { out: 'sqlite-init', dialect: 'sqlite' }),
    );
    expect(report.migrations.map((m) => m.tag)).toEqual(['20251121133136_even_frog_thor', '20251121133143_perpetual_whizzer']);
    expect(report.migrations[0]!.file).toBe('sqlite-init/20251121133136_even_frog_thor/migration.sql');
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('reads the legacy v5 "pg" journal', async () => {
    const report = await runCheck(options(path.join(CORPORA, 'Dokploy__dokploy'), { out: 'apps/dokploy/drizzle', dialect: 'postgresql' }));
    expect(report.configs[0]!.dialect).toBe('postgresql');
    expect(report.migrations[0]).toMatchObject({ tag: '0000_reflective_puck', new: false });
  });
});
