import { describe, expect, test } from 'vitest';
import { brief, lint } from './helpers.js';

const BP = '--> statement-breakpoint';

describe('drizzle-guard-ignore', () => {
  test('silences the named rules on the next statement only', async () => {
    const sql = `-- drizzle-guard-ignore drop-column -- the column has been unused since v2\nALTER TABLE "t" DROP COLUMN "a";${BP}\nALTER TABLE "t" DROP COLUMN "b";`;
    expect(brief(await lint([sql]))).toEqual(['drop-column@3:17']);
  });
  test('several rule ids, separated by commas', async () => {
    const sql = '-- drizzle-guard-ignore drop-table, truncate-table\nTRUNCATE "a";\n-- drizzle-guard-ignore drop-table,truncate-table\nDROP TABLE "a";';
    // Each comment silences one of its two rules: the other id is reported unused.
    expect(brief(await lint([sql]))).toEqual(['unused-ignore@1:1', 'unused-ignore@3:1']);
  });
  test('an ignore that silences nothing is reported as unused-ignore', async () => {
    const sql = '-- drizzle-guard-ignore drop-table\nALTER TABLE "t" DROP COLUMN "a";';
    const f = await lint([sql]);
    expect(brief(f)).toEqual(['drop-column@2:17', 'unused-ignore@1:1']);
    expect(f[1]!.message).toContain('`drop-table`');
  });
  test('ignore-file silences the rule everywhere in the file', async () => {
    const sql = `DROP TABLE "a";${BP}\n/* drizzle-guard-ignore-file drop-table */\nDROP TABLE "b";${BP}\nDROP INDEX "i";`;
    expect(brief(await lint([sql]))).toEqual(['drop-index-blocking@4:12']);
  });
  test('an unused ignore-file is reported too', async () => {
    expect(brief(await lint(['-- drizzle-guard-ignore-file rename-table\nSELECT 1;']))).toEqual(['unused-ignore@1:1']);
  });
  test('a comment that only mentions the directive is not one', async () => {
    expect(await lint(['-- see drizzle-guard-ignore docs\nSELECT 1;'])).toEqual([]);
  });
});
