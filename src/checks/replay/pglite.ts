// Starts the embedded PostgreSQL. initdb inside PGlite takes ~3-4 s, so the freshly initialised
// data directory is kept as a template in the cache folder and later runs start from it (~0.8 s).
// PGlite is imported dynamically: runs that do not replay never load its 9 MB of wasm.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Extension, PGlite } from '@electric-sql/pglite';

/** Bump when a PGlite upgrade changes the data directory format. */
const TEMPLATE_NAME = 'pglite-0.5-datadir.tar.gz';

export interface StartedDb {
  db: PGlite;
  /** PostgreSQL's version() string. */
  version: string;
  fromTemplate: boolean;
}

export function templateDir(): string {
  return process.env.DRIZZLE_GUARD_CACHE_DIR || path.join(os.tmpdir(), 'drizzle-guard');
}

export async function startPglite(extensions: Record<string, Extension>): Promise<StartedDb> {
  const { PGlite } = await import('@electric-sql/pglite');
  const template = path.join(templateDir(), TEMPLATE_NAME);
  const bytes = readIfPresent(template);
  if (bytes) {
    try {
      const db = new PGlite({ loadDataDir: new Blob([bytes]), extensions });
      await db.waitReady;
      return { db, version: await versionOf(db), fromTemplate: true };
    } catch {
      // A template written by another PGlite version: start from scratch and replace it.
      fs.rmSync(template, { force: true });
    }
  }
  const db = new PGlite({ extensions });
  await db.waitReady;
  await saveTemplate(db, template);
  return { db, version: await versionOf(db), fromTemplate: false };
}

async function versionOf(db: PGlite): Promise<string> {
  const r = await db.query<{ v: string }>('select version() as v');
  return r.rows[0]?.v ?? 'PostgreSQL';
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Best effort: a read-only or full cache folder only costs the next run its start-up time. */
async function saveTemplate(db: PGlite, file: string): Promise<void> {
  try {
    const blob = await db.dumpDataDir('gzip');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written under a unique name and renamed, so concurrent runs never read a half-written file.
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(tmp, file);
  } catch {
    // ignored on purpose (see above)
  }
}
