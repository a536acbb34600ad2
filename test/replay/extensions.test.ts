import { describe, expect, it } from 'vitest';
import { AVAILABLE_EXTENSIONS, extensionOfStatement, extensionsCreated, isAvailable, loadExtensions } from '../../src/checks/replay/extensions.js';
import type { Migration } from '../../src/model/types.js';

const migration = (sql: string): Migration => ({ tag: 't', file: 't.sql', sql, statements: [], isNew: true });

describe('replay extensions', () => {
  it('finds the extensions migrations create, with PostgreSQL name folding', () => {
    const sql = [
      'CREATE EXTENSION IF NOT EXISTS "uuid-ossp";',
      'create extension Vector with schema extensions;',
      'CREATE  EXTENSION\n  pg_trgm;',
      'CREATE EXTENSION "PostGIS";',
    ].join('\n');
    expect(extensionsCreated([migration(sql), migration('CREATE EXTENSION vector;')])).toEqual(['uuid-ossp', 'vector', 'pg_trgm', 'PostGIS']);
    expect(extensionOfStatement('-- x\nCREATE EXTENSION IF NOT EXISTS citext;')).toBe('citext');
    expect(extensionOfStatement('CREATE TABLE extension_log (id int);')).toBeUndefined();
    expect(isAvailable('uuid-ossp')).toBe(true);
    expect(isAvailable('plpgsql')).toBe(true);
    expect(isAvailable('postgis')).toBe(false);
  });

  it('can load every extension it declares available (each module exists and names its extension)', async () => {
    const loaded = await loadExtensions(AVAILABLE_EXTENSIONS);
    expect(Object.keys(loaded)).toHaveLength(AVAILABLE_EXTENSIONS.length);
    for (const ext of Object.values(loaded)) expect(typeof ext.setup).toBe('function');
    expect(loaded.uuid_ossp?.name).toBe('uuid-ossp');
    expect(loaded.vector?.name).toBe('vector');
  });
});
