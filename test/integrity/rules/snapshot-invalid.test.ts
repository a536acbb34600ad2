import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, findingsOf } from '../../helpers/project.js';

describe('snapshot-invalid', () => {
  it('reports a truncated snapshot with the position of the JSON error', async () => {
    const dir = copyFixture('pg-clean');
    const file = path.join(dir, 'drizzle/meta/0001_snapshot.json');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.slice(0, text.length - 40));
    const findings = await findingsOf(dir, 'integrity');
    expect(findings).toHaveLength(1);
    const lastLine = text.slice(0, text.length - 40).split('\n').length;
    expect(findings[0]).toMatchObject({ ruleId: 'snapshot-invalid', severity: 'error', file: 'drizzle/meta/0001_snapshot.json', line: lastLine, migration: '0001_add_due_date' });
  });

  it('reports merge-conflict markers inside a large snapshot at their line', async () => {
    const dir = copyFixture('pg-clean');
    const file = path.join(dir, 'drizzle/meta/0002_snapshot.json');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    // Pad the document past the 4 KiB header read so the cheap path has to notice the problem.
    lines.splice(5, 0, '<<<<<<< HEAD', ...Array.from({ length: 200 }, () => '    "padding": "x",'));
    fs.writeFileSync(file, lines.join('\n'));
    const [f] = await findingsOf(dir, 'integrity');
    expect(f).toMatchObject({ ruleId: 'snapshot-invalid', line: 6 });
  });
});
