// A scratch PostgreSQL database per test: a fresh database on the real server when TEST_DATABASE_URL
// is set (CI), otherwise PGlite served over the wire protocol, so `pg` and drizzle's own migrator talk
// to it exactly as to a server.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startPglite } from '../../src/checks/replay/pglite.js';

export interface ScratchDb {
  url: string;
  kind: 'server' | 'pglite';
  close(): Promise<void>;
}

export async function scratchDb(): Promise<ScratchDb> {
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const name = `dg_pending_${randomBytes(6).toString('hex')}`;
    await admin(server, `create database ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    return { url: url.toString(), kind: 'server', close: () => admin(server, `drop database if exists ${name} with (force)`) };
  }
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  // The replay check's start-up, which reuses a cached initialised data directory (~1 s instead of ~4 s).
  const { db } = await startPglite({});
  const socket = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 8 });
  await socket.start();
  return {
    url: `postgres://postgres@${socket.getServerConn()}/postgres`,
    kind: 'pglite',
    close: async () => {
      await socket.stop();
      await db.close();
    },
  };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
