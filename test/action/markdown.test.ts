import { describe, expect, it } from 'vitest';
import { renderMarkdown, reportForConfig } from '../../src/report/markdown.js';
import { configReport, finding, report } from './report-fixture.js';
import { expectMermaidParses } from './mermaid.js';

const links = { serverUrl: 'https://github.com', repository: 'acme/shop', ref: 'b'.repeat(40) };

describe('renderMarkdown', () => {
  it('starts with a one-line verdict carrying the exit code', () => {
    const failed = renderMarkdown(report([configReport([finding()])]));
    expect(failed.split('\n')[0]).toBe('❌ **drizzle-guard failed: a migration is unsafe** (exit code 5) — 1 new migration, 🔴 1 error');
    const passed = renderMarkdown(report([configReport([])]));
    expect(passed.split('\n')[0]).toBe('✅ **drizzle-guard passed** (exit code 0) — 1 new migration, no findings');
  });

  it('lists the new migrations with their statement count and risk', () => {
    const md = renderMarkdown(report([configReport([finding(), finding({ severity: 'warning', ruleId: 'x', line: 9 })])]));
    expect(md).toContain('| `0001_add_email` | 1 | 🔴 1 error, 🟡 1 warning |');
    expect(md).not.toContain('0000_init'); // applied before the PR: not in the table
  });

  it('says when nothing is new, and when no base was given', () => {
    const old = configReport([], { migrations: [{ tag: '0000_init', file: 'drizzle/0000_init.sql', new: false, statements: 2 }] });
    expect(renderMarkdown(report([old]))).toContain('No new migrations in `drizzle`.');
    const noBase = renderMarkdown(report([old], { base: undefined }));
    expect(noBase).toContain('No base commit given: all 1 migration in `drizzle` were checked.');
    expect(noBase.split('\n')[0]).toContain('— 1 migration checked, no findings');
  });

  it('groups findings by file and links the exact lines at the head commit under the working directory', () => {
    const md = renderMarkdown(report([configReport([finding(), finding({ line: 7, endLine: 9, ruleId: 'other' })])]), {
      links,
      pathPrefix: 'packages/db',
    });
    const url = `https://github.com/acme/shop/blob/${'b'.repeat(40)}/packages/db/drizzle/0001_add_email.sql`;
    expect(md.match(/^#### /gm)).toHaveLength(1);
    expect(md).toContain('<sub>`packages/db/drizzle.config.ts` (postgresql)</sub>');
    expect(md).toContain(`[line 3](${url}#L3)`);
    expect(md).toContain(`[line 7](${url}#L7-L9)`);
    expect(md).toContain('[`add-column-not-null-without-default`](https://github.com/drizzle-guard/drizzle-guard/blob/main/docs/rules/add-column-not-null-without-default.md)');
    expect(md).toContain('**Fix:** Add the column nullable');
  });

  it('folds the tail of a file with many findings, keeping the most severe in sight', () => {
    const list = [
      ...Array.from({ length: 10 }, (_, i) => finding({ ruleId: `warning-rule-${i}`, severity: 'warning', line: i + 1 })),
      ...[1, 2].map((l) => finding({ ruleId: `error-rule-${l}`, line: 20 + l })),
    ];
    const md = renderMarkdown(report([configReport(list)]));
    const [visible, folded] = md.split('<details><summary>7 more findings in this file</summary>');
    expect(folded).toBeDefined();
    expect(visible!.match(/^- 🔴/gm)).toHaveLength(2);
    expect(visible!.match(/^- 🟡/gm)).toHaveLength(3);
    expect(folded!.match(/^- 🟡/gm)).toHaveLength(7);
  });

  it('groups the findings of a rule that repeats: the fix once, each place with its message and statement', () => {
    const list = [3, 5, 9].map((l) => finding({ line: l, endLine: l, message: `Index ${l}` }));
    const lines = ['', '', 'CREATE INDEX a ON t (x);', '', 'CREATE INDEX b ON t (y);', '', '', '', 'CREATE INDEX c ON t (z);'];
    const md = renderMarkdown(report([configReport(list)]), { excerpt: (_file, line, end) => lines.slice(line - 1, end).join('\n') });
    expect(md.match(/^- 🔴/gm)).toHaveLength(1);
    expect(md).toMatch(/^- 🔴 \*\*error\*\* · \[`[a-z-]+`\]\([^)]+\) · 3 places$/m);
    expect(md.match(/\*\*Fix:\*\*/g)).toHaveLength(1);
    expect(md).toContain('```sql\n    -- line 5\n    CREATE INDEX b ON t (y);\n    ```');
    expect(md).not.toContain('as for');
  });

  it('escapes names from the repository: no heading, HTML comment, link or table cell they could open', () => {
    const name = 'x\n\n## ✅ all good\n\n<!--|[x](https://evil.example)';
    const md = renderMarkdown(report([configReport([finding({ file: `drizzle/${name}.sql`, message: `File ${name} is stray` })])]));
    expect(md.split('\n').filter((l) => l.startsWith('## '))).toEqual([]);
    expect(md).toContain('File x ## ✅ all good &lt;!--\\|\\[x\\](https://evil.example) is stray');
    expect(md).toContain('#### `drizzle/x ## ✅ all good <!--|[x](https://evil.example).sql`');
  });

  it('puts drift SQL in a sql block that backticks inside cannot close', () => {
    const sql = 'ALTER TABLE "users" ADD COLUMN "note" text DEFAULT \'```\';';
    const md = renderMarkdown(report([configReport([finding({ ruleId: 'drift', category: 'drift', sql })])]));
    // Indented: the block belongs to the finding's list item.
    expect(md).toContain('  ````sql\n  ' + sql + '\n  ````');
  });

  it('neutralises HTML in messages outside code spans', () => {
    const md = renderMarkdown(report([configReport([finding({ message: 'bad <details> here, `a<b>` kept' })])]));
    expect(md).toContain('bad &lt;details&gt; here, `a<b>` kept');
  });

  it('draws the touched tables as a mermaid ER diagram', async () => {
    const c = configReport([], {
      touchedTables: [
        {
          name: 'posts',
          status: 'changed',
          columns: [
            { name: 'id', type: 'serial', primaryKey: true, notNull: true },
            { name: 'author_id', type: 'integer', primaryKey: false, notNull: true, change: 'added' },
            { name: 'created_at', type: 'timestamp with time zone', primaryKey: false, notNull: false, change: 'changed' },
          ],
          foreignKeys: [{ columns: ['author_id'], table: 'users', referencedColumns: ['id'] }],
        },
        { name: 'users', status: 'referenced', columns: [{ name: 'id', type: 'serial', primaryKey: true, notNull: true }], foreignKeys: [] },
        { name: 'old', status: 'dropped', columns: [{ name: 'id', type: 'integer', primaryKey: true, notNull: true, change: 'dropped' }], foreignKeys: [] },
        {
          name: 'orders',
          status: 'changed',
          columns: [
            // Names mermaid's lexer reads as key markers or cannot start an attribute with, and a type with a comma.
            { name: 'pk', type: 'integer', primaryKey: true, notNull: true },
            { name: 'Fk', type: 'integer', primaryKey: false, notNull: false },
            { name: 'UK', type: 'text', primaryKey: false, notNull: false },
            { name: '2fa', type: 'boolean', primaryKey: false, notNull: false, change: 'added' },
            { name: 'total', type: 'numeric(10,2)', primaryKey: false, notNull: false, change: 'changed', previousType: 'integer' },
            { name: 'note', type: 'text', primaryKey: false, notNull: false, change: 'dropped' },
          ],
          foreignKeys: [],
        },
      ],
    });
    const md = renderMarkdown(report([c]));
    expect(md).toContain('<summary>ER diagram of the 3 tables this PR touches</summary>');
    expect(md).toContain('```mermaid\nerDiagram\n  t_posts["posts changed"] {\n    serial id PK\n');
    expect(md).toContain('    integer author_id FK "added"');
    expect(md).toContain('    timestamp_with_time_zone created_at "changed"');
    expect(md).toContain('  t_posts }o--|| t_users : "author_id"');
    // Dropped tables and columns are drawn, marked; a type change shows both types.
    expect(md).toContain('  t_old["old DROPPED"] {\n    integer id PK "DROPPED"\n  }');
    expect(md).toContain('    text note "DROPPED"');
    expect(md).toContain('    numeric_10_2_ total "integer → numeric(10,2)"');
    expect(md).toContain('    integer _pk PK "name: pk"');
    expect(md).toContain('    boolean _2fa "added; name: 2fa"');
    await expectMermaidParses(md);
  });

  it('renders one section per config when there are several, and a single config for a comment', () => {
    const a = configReport([finding()], { config: 'apps/a/drizzle.config.ts' });
    const b = configReport([], { config: 'apps/b/drizzle.config.ts' });
    const both = renderMarkdown(report([a, b]));
    expect(both).toContain('### `apps/a/drizzle.config.ts` (postgresql) — ❌ exit code 5');
    expect(both).toContain('### `apps/b/drizzle.config.ts` (postgresql) — ✅ passed');
    const onlyB = renderMarkdown(reportForConfig(report([a, b]), b));
    expect(onlyB.split('\n')[0]).toMatch(/^✅ \*\*drizzle-guard passed\*\*/);
    expect(onlyB).not.toContain('apps/a');
  });

  it('shrinks to the limit, keeping the verdict and pointing to the full report', () => {
    const many = Array.from({ length: 3000 }, (_, i) => finding({ line: i + 1, message: `finding number ${i} `.repeat(5) }));
    const r = report([configReport(many)]);
    expect(renderMarkdown(r).length).toBeGreaterThan(65536);
    const md = renderMarkdown(r, { limit: { max: 65000, unit: 'chars' }, fullReportHint: 'the job summary' });
    expect(md.length).toBeLessThanOrEqual(65000);
    expect(md.split('\n')[0]).toContain('exit code 5');
    expect(md).toContain('the full report is in the job summary');
    expect(md).toMatch(/…and \d+ more findings not shown here\./);
    // Bytes: every finding message has a 3-byte character.
    const wide = report([configReport(many.map((f) => ({ ...f, message: '€'.repeat(300) })))]);
    const bytes = renderMarkdown(wide, { limit: { max: 100_000, unit: 'bytes' } });
    expect(Buffer.byteLength(bytes)).toBeLessThanOrEqual(100_000);
  });

  it('cuts a single oversized note at a line break and closes the fold', () => {
    const note = Array.from({ length: 5000 }, (_, i) => `line ${i}`).join('\n');
    const md = renderMarkdown(report([configReport([])], { notes: [note] }), { limit: { max: 4000, unit: 'chars' } });
    expect(md.length).toBeLessThanOrEqual(4000);
    expect((md.match(/<details>/g) ?? []).length).toBe((md.match(/<\/details>/g) ?? []).length);
  });
});
