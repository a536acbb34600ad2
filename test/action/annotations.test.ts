import { describe, expect, it } from 'vitest';
import { AnnotationBudget, annotateFindings } from '../../src/action/annotations.js';
import type { AnnotationLevel } from '../../src/action/annotations.js';
import type { AnnotationProperties } from '@actions/core';
import { finding } from './report-fixture.js';

function recorder() {
  const calls: { level: AnnotationLevel; message: string; props?: AnnotationProperties }[] = [];
  return { calls, budget: new AnnotationBudget((level, message, props) => calls.push({ level, message, props })) };
}

describe('annotateFindings', () => {
  it('keeps to 10 per type, errors first, and says how many more are in the summary', () => {
    const { calls, budget } = recorder();
    budget.annotate('warning', 'permission warning'); // spends one warning of the step's budget
    const findings = [
      ...Array.from({ length: 3 }, (_, i) => finding({ severity: 'info', line: 100 + i })),
      ...Array.from({ length: 12 }, (_, i) => finding({ severity: 'warning', line: 50 + i })),
      ...Array.from({ length: 15 }, (_, i) => finding({ severity: 'error', line: i + 1 })),
    ].map((f) => ({ finding: f, repoFile: `db/${f.file}` }));
    const hidden = annotateFindings(findings, budget, 'the job summary');
    const count = (l: AnnotationLevel) => calls.filter((c) => c.level === l).length;
    // 15 errors → 10 shown; 12 warnings with 9 slots left → 9; 3 notes fit, plus the "more" notice.
    expect([count('error'), count('warning'), count('notice')]).toEqual([10, 10, 4]);
    expect(hidden).toBe(5 + 3);
    expect(calls.at(-1)).toMatchObject({ level: 'notice', message: '8 more drizzle-guard findings in the job summary.' });
    expect(calls.findIndex((c) => c.level === 'error')).toBeLessThan(calls.findIndex((c) => c.level === 'notice'));
  });

  it('keeps the last notice slot for the overflow message', () => {
    const { calls, budget } = recorder();
    const infos = Array.from({ length: 12 }, (_, i) => ({ finding: finding({ severity: 'info', line: i + 1 }) }));
    expect(annotateFindings(infos, budget, 'the job summary')).toBe(3);
    expect(calls).toHaveLength(10);
    expect(calls[9]!.message).toBe('3 more drizzle-guard findings in the job summary.');
  });

  it('annotates the repository-relative file, with columns only on a one-line range, and the fix', () => {
    const { calls, budget } = recorder();
    annotateFindings(
      [
        { finding: finding(), repoFile: 'packages/db/drizzle/0001_add_email.sql' },
        { finding: finding({ line: 4, endLine: 6, column: 3, endColumn: 2 }), repoFile: 'packages/db/drizzle/0001_add_email.sql' },
      ],
      budget,
      'x',
    );
    expect(calls[0]!.props).toEqual({
      title: 'add-column-not-null-without-default',
      file: 'packages/db/drizzle/0001_add_email.sql',
      startLine: 3,
      endLine: 3,
      startColumn: 1,
      endColumn: 60,
    });
    expect(calls[0]!.message).toContain('\n\nFix: Add the column nullable');
    expect(calls[1]!.props).toEqual({ title: 'add-column-not-null-without-default', file: 'packages/db/drizzle/0001_add_email.sql', startLine: 4, endLine: 6 });
  });
});
