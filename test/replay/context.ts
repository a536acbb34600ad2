// A CheckContext on a generated replay fixture, with chosen migrations marked as new (not at the base).
import { defaultGuardConfig } from '../../src/config/guard-config.js';
import * as path from 'node:path';
import type { CheckContext, CheckOptions } from '../../src/checks/types.js';
import { readMigrationSet } from '../../src/model/folder.js';
import { workingTree } from '../../src/model/tree.js';
import type { ResolvedConfig } from '../../src/model/types.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

export const PG_CONFIG: ResolvedConfig = {
  dialect: 'postgresql',
  out: 'drizzle',
  breakpoints: true,
  migrations: { table: '__drizzle_migrations', schema: 'drizzle', prefix: 'index' },
};

export interface FixtureContext {
  /** Tags (by their numeric prefix) of the migrations kept; default all. */
  only?: string[];
  /** Prefixes of the migrations that are new; none means no base was given. */
  fresh?: string[];
  options?: Partial<CheckOptions>;
  /** The fixture's drizzle.config.ts settings that matter to replay (e.g. `migrations`). */
  config?: Partial<ResolvedConfig>;
}

export function fixtureContext(name: string, spec: FixtureContext = {}): CheckContext {
  const cwd = path.join(FIXTURES, name);
  const config = { ...PG_CONFIG, ...spec.config };
  const head = readMigrationSet(workingTree(cwd, cwd), config);
  const prefix = (tag: string) => tag.split('_')[0]!;
  head.migrations = head.migrations
    .filter((m) => !spec.only || spec.only.includes(prefix(m.tag)))
    .map((m) => ({ ...m, isNew: spec.fresh?.includes(prefix(m.tag)) ?? false }));
  const options: CheckOptions = {
    cwd,
    configs: [],
    format: 'json',
    failOn: 'error',
    drift: false,
    lint: false,
    replay: true,
    replaySeed: false,
    allowCodeExecution: true,
    ...spec.options,
  };
  return { cwd, options, config, settings: defaultGuardConfig(), head, hasBase: spec.fresh !== undefined };
}
