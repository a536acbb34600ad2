// Bench: drift on a generated 200-table PostgreSQL schema (bundled CLI, cold process). The project's
// migration is written by the real drizzle-kit, then one column is added so the check also runs the
// kit's diff on two 200-table snapshots. Goal: ≤ 1.5 s wall for the whole `check` process.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { alternate, ms } from './measure.mjs';

const root = resolve(import.meta.dirname, '../..');
const TABLES = 200;

function schemaSource(tables) {
  const lines = ["import { boolean, index, integer, pgTable, serial, text, timestamp, varchar } from 'drizzle-orm/pg-core';", ''];
  for (let i = 0; i < tables; i++) {
    lines.push(
      `export const t${i} = pgTable('table_${i}', {`,
      `  id: serial('id').primaryKey(),`,
      `  name: text('name').notNull(),`,
      `  code: varchar('code', { length: 40 }),`,
      `  active: boolean('active').default(true).notNull(),`,
      `  createdAt: timestamp('created_at').defaultNow().notNull(),`,
      i > 0 ? `  parentId: integer('parent_id').references(() => t${i - 1}.id),` : `  parentId: integer('parent_id'),`,
      `}, (t) => [index('table_${i}_code_idx').on(t.code)]);`,
      '',
    );
  }
  return lines.join('\n');
}

export async function benchDrift({ log = console.log, runs = 7, dist = resolve(root, 'dist') } = {}) {
  const cli = resolve(dist, 'cli/index.js');
  if (!existsSync(cli) || !existsSync(resolve(dist, 'drift-worker/index.js'))) {
    throw new Error(`drift bench needs ${dist}/cli and ${dist}/drift-worker: run npm run bundle first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'dg-bench-drift-'));
  try {
    symlinkSync(resolve(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    writeFileSync(join(dir, 'drizzle.config.ts'), "export default { dialect: 'postgresql', schema: './schema.ts', out: './drizzle' };\n");
    writeFileSync(join(dir, 'schema.ts'), schemaSource(TABLES));
    execFileSync(process.execPath, [resolve(root, 'node_modules/drizzle-kit/bin.cjs'), 'generate', '--name', 'init'], { cwd: dir, stdio: 'ignore' });
    const args = (extra) => [cli, 'check', '--cwd', dir, '--no-lint', '--no-replay', ...extra];
    const check = { cmd: process.execPath, args: args([]) };
    const [inSync, noDrift, node] = alternate([check, { cmd: process.execPath, args: args(['--no-drift']) }, { cmd: process.execPath, args: ['-e', '0'] }], runs);
    // One added column: the check then also runs the kit's diff on two 200-table snapshots, as on a real pull request.
    const schema = join(dir, 'schema.ts');
    writeFileSync(schema, readFileSync(schema, 'utf8').replace("name: text('name').notNull(),", "name: text('name').notNull(),\n  note: text('note'),"));
    const [drift] = alternate([check], runs);
    log(
      `drift, ${TABLES}-table schema, whole check process: one column added median ${ms(drift.median)} (min ${ms(drift.min)}), ` +
        `in sync median ${ms(inSync.median)} (min ${ms(inSync.min)}); without drift ${ms(noDrift.median)}, node itself ${ms(node.median)}; goal ≤ 1500 ms`,
    );
    return { driftMs: drift.median };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchDrift(process.argv[2] ? { dist: resolve(process.argv[2]) } : {});
