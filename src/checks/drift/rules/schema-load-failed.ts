import type { RuleMeta } from '../../../findings.js';

/** Drift could not run: the schema did not load or drizzle-kit could not diff it. A configuration error (exit 4). */
export const schemaLoadFailed: RuleMeta = {
  id: 'schema-load-failed',
  category: 'config',
  defaultSeverity: 'error',
  description: 'The schema named by the drizzle config could not be loaded and compared with the snapshots.',
  help: 'Check `schema` in the drizzle config, install dependencies (`npm ci` / `pnpm install`) before this step, and make sure `npx drizzle-kit generate` works locally.',
};
