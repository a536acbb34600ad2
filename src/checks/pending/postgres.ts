// Reads drizzle's migrations table from a live PostgreSQL, strictly read-only: the session defaults to
// read-only transactions and the reads run in a READ ONLY transaction, with connect and statement
// timeouts. TLS settings come from the URL (sslmode, sslrootcert… as node-postgres reads them).
// Nothing from the URL (user, password, host, database) ever reaches a message: see maskUrl().

import { ConfigError } from '../../config/drizzle-config.js';
import { quoteIdent } from '../../model/quote.js';

export interface AppliedRow {
  id: number;
  hash: string;
  createdAt: number;
}

export type AppliedState = { table: 'missing' } | { table: 'present'; rows: AppliedRow[] };

export const CONNECT_TIMEOUT_MS = 10_000;
export const STATEMENT_TIMEOUT_MS = 15_000;

export async function readAppliedPostgres(url: string, schema: string, table: string): Promise<AppliedState> {
  const masked = maskUrl(url);
  if (!URL.canParse(url)) {
    throw new ConfigError('the database URL cannot be parsed (expected postgres://user:password@host:port/database; is the port a number?)');
  }
  const { default: pg } = await import('pg');
  let client: InstanceType<typeof pg.Client>;
  try {
    // node-postgres reads sslrootcert, sslcert and sslkey here: a missing file throws before any connection.
    client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      statement_timeout: STATEMENT_TIMEOUT_MS,
      query_timeout: STATEMENT_TIMEOUT_MS + 5_000,
      application_name: 'drizzle-guard',
    });
  } catch (e) {
    throw new ConfigError(`the database URL for ${masked} is not usable: ${describeError(e, url)}`);
  }
  // A connection that dies later emits 'error'; without a listener it would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => undefined);
    throw new ConfigError(`cannot connect to the database at ${masked}: ${describeError(e, url)}`);
  }
  try {
    await client.query('set default_transaction_read_only = on');
    await client.query('begin read only');
    const qualified = `${quoteIdent(schema)}.${quoteIdent(table)}`;
    const found = await client.query<{ t: string | null }>('select to_regclass($1)::text as t', [qualified]);
    if (!found.rows[0]?.t) return { table: 'missing' };
    const result = await client.query<{ id: number; hash: string; created_at: string | number | null }>(
      `select id, hash, created_at from ${qualified} order by created_at, id`,
    );
    return {
      table: 'present',
      rows: result.rows.map((r) => ({ id: Number(r.id), hash: String(r.hash), createdAt: Number(r.created_at) })),
    };
  } catch (e) {
    throw new ConfigError(`cannot read ${schema}.${table} in the database at ${masked}: ${describeError(e, url)}`);
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

/** scheme://h…t:port — no user, password, full host name, database or parameters. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname;
    const shown = host.length <= 4 ? '***' : `${host.slice(0, 2)}***${host.slice(-2)}`;
    return `${u.protocol}//${shown}${u.port ? `:${u.port}` : ''}`;
  } catch {
    return '(an unparsable database URL)';
  }
}

/** The reason of a connection or query error, with every part of the URL scrubbed from it. */
function describeError(e: unknown, url: string): string {
  const err = e as { code?: unknown; message?: unknown };
  const code = typeof err?.code === 'string' ? err.code : undefined;
  const raw = typeof err?.message === 'string' ? err.message : String(e);
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused (is the server running and the port right?)',
    ENOTFOUND: 'host name not found',
    EAI_AGAIN: 'host name lookup failed (temporary DNS failure)',
    ETIMEDOUT: 'connection timed out',
    ECONNRESET: 'connection reset by the server',
    '28P01': 'password authentication failed',
    '28000': 'authentication rejected (pg_hba.conf or TLS settings)',
    '3D000': 'the database does not exist',
    '42501': 'permission denied (the user needs SELECT on the migrations table)',
    '57014': `a query took longer than ${STATEMENT_TIMEOUT_MS / 1000} s and was cancelled`,
  };
  if (code && known[code]) return `${known[code]} [${code}]`;
  if (/timeout/i.test(raw)) return `timed out after ${CONNECT_TIMEOUT_MS / 1000} s`;
  return scrub(raw, url) + (code ? ` [${code}]` : '');
}

function scrub(message: string, url: string): string {
  let out = message;
  try {
    const u = new URL(url);
    // Parameters (sslrootcert=/path/…, passwords of some drivers) can carry secrets too: every value goes.
    const parameters = [u.search.slice(1), ...[...u.searchParams].flatMap(([key, value]) => [value, `${key}=${value}`])];
    const secrets = [u.password, u.username, u.hostname, u.pathname.slice(1), decodeURIComponent(u.password), ...parameters]
      .filter((s) => s.length >= 2)
      // Longest first, so a value inside a longer secret does not leave the rest behind.
      .sort((a, b) => b.length - a.length);
    for (const s of secrets) out = out.split(s).join('***');
  } catch {
    // an unparsable URL: nothing to match against, and the message below never contains it whole
  }
  return out.split(url).join('***');
}
