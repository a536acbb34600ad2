import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, copyFixture, findingsOf } from '../../helpers/project.js';

function withoutBreakpoints(fixture: string, file: string): string {
  const dir = copyFixture(fixture);
  const sql = path.join(dir, 'drizzle', file);
  fs.writeFileSync(sql, fs.readFileSync(sql, 'utf8').replaceAll('--> statement-breakpoint', ''));
  return dir;
}

describe('statements-without-breakpoint', () => {
  it('warns on PostgreSQL at the second statement of the chunk', async () => {
    const dir = withoutBreakpoints('pg-clean', '0000_init.sql');
    const lines = fs.readFileSync(path.join(dir, 'drizzle/0000_init.sql'), 'utf8').split('\n');
    const second = lines.findIndex((l) => l.startsWith('CREATE TABLE "tasks"')) + 1;
    const findings = await findingsOf(dir, 'integrity');
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'statements-without-breakpoint', severity: 'warning', line: second, column: 1 })]);
    expect(findings[0]!.message).toMatch(/^5 statements/);
  });

  it('with a base, looks only at migrations the change adds or edits', async () => {
    // The chunk without breakpoints is already merged: it was reported when it was new, not again.
    const dir = withoutBreakpoints('pg-clean', '0000_init.sql');
    const base = commitAll(dir);
    expect(await findingsOf(dir, 'integrity', { base })).toEqual([]);
    // Edited after the merge, it is looked at again (and the edit itself is a finding).
    fs.appendFileSync(path.join(dir, 'drizzle/0000_init.sql'), '\n');
    expect((await findingsOf(dir, 'integrity', { base })).map((f) => f.ruleId).sort()).toEqual(['migration-modified', 'statements-without-breakpoint']);
  });

  it('is an error on SQLite, whose drivers run one statement per query', async () => {
    const findings = await findingsOf(withoutBreakpoints('sqlite-clean', '0000_init.sql'), 'integrity');
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'statements-without-breakpoint', severity: 'error' })]);
  });

  it('does not count semicolons inside strings, dollar quotes and comments', async () => {
    const dir = copyFixture('pg-clean');
    fs.writeFileSync(
      path.join(dir, 'drizzle/0002_add_status_done.sql'),
      "-- one; statement\nDO $$ BEGIN PERFORM 1; PERFORM 2; END $$;\n/* ; */ --> statement-breakpoint\nCOMMENT ON TABLE \"tasks\" IS 'a;b';",
    );
    expect(await findingsOf(dir, 'integrity')).toEqual([]);
  });
});

describe('statements-without-breakpoint (trigger bodies)', () => {
  it('does not split a SQLite trigger body, CASE … END included', async () => {
    const dir = copyFixture('sqlite-clean');
    fs.appendFileSync(
      path.join(dir, 'drizzle/0001_add_done.sql'),
      "--> statement-breakpoint\nCREATE TRIGGER `tasks_done` AFTER UPDATE ON `tasks` BEGIN\n  UPDATE `tasks` SET `title` = CASE WHEN NEW.`done` THEN 'x' ELSE `title` END;\n  SELECT 1;\nEND;",
    );
    expect(await findingsOf(dir, 'integrity')).toEqual([]);
  });
});
