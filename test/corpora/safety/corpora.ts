// PostgreSQL migration files of ../shared/corpora (see SOURCES.md there).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPORA } from '../../helpers/project.js';

export const SIM = path.join(CORPORA, 'simstudioai__sim/packages/db/migrations');

const PG_FOLDERS = [
  'simstudioai__sim/packages/db/migrations',
  'Dokploy__dokploy/apps/dokploy/drizzle',
  'onlook-dev__onlook/apps/backend/supabase/migrations',
  'homarr-labs__homarr/packages/db/migrations/postgresql',
  'Mail-0__Zero/packages/db/migrations',
];

export function pgCorpusFiles(): string[] {
  if (!fs.existsSync(CORPORA)) throw new Error(`corpora not found at ${CORPORA} (run the corpus suite from the project checkout beside ../shared)`);
  return PG_FOLDERS.flatMap((dir) => {
    const abs = path.join(CORPORA, dir);
    return fs.readdirSync(abs).filter((f) => f.endsWith('.sql')).sort().map((f) => path.join(abs, f));
  });
}
