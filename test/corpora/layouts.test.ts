// Both layouts and the legacy journal on real folders from ../shared/corpora.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/engine.js';
import { CORPORA, options } from '../helpers/project.js';

describe('migration folder layouts (corpora)', () => {
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
