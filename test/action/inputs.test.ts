import { afterEach, describe, expect, it, vi } from 'vitest';
import { InputError, readInputs } from '../../src/action/inputs.js';

const set = (name: string, value: string) => vi.stubEnv(`INPUT_${name.toUpperCase()}`, value);

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('readInputs', () => {
  it('applies the documented defaults', () => {
    expect(readInputs()).toEqual({
      workingDirectory: '.',
      configs: [],
      baseRef: undefined,
      token: '',
      comment: 'true',
      failOn: undefined, // empty: .drizzle-guard.json's failOn, else error (engine)
      out: undefined,
      dialect: undefined,
      drift: true,
      lint: true,
      replay: 'auto',
      replaySeed: true,
      commentOnClean: false,
      databaseUrl: undefined,
      sarifFile: undefined,
      allowUntrustedCode: false,
    });
  });

  it('reads a newline list of configs and the typed values', () => {
    set('config', 'apps/a/drizzle.config.ts\n\n  apps/b/drizzle.config.ts  \n');
    set('comment', 'on-failure');
    set('fail-on', 'WARNING');
    set('drift', 'false');
    set('replay', 'true');
    set('allow-untrusted-code', 'true');
    set('out', 'db/migrations');
    set('dialect', 'sqlite');
    set('lint', 'false');
    set('replay-seed', 'true');
    set('comment-on-clean', 'true');
    expect(readInputs()).toMatchObject({
      configs: ['apps/a/drizzle.config.ts', 'apps/b/drizzle.config.ts'],
      comment: 'on-failure',
      failOn: 'warning',
      out: 'db/migrations',
      dialect: 'sqlite',
      drift: false,
      lint: false,
      replay: true,
      replaySeed: true,
      commentOnClean: true,
      allowUntrustedCode: true,
    });
  });

  it('accepts only the dialects drizzle-kit has', () => {
    set('dialect', 'oracle');
    expect(() => readInputs()).toThrow(/^Input "dialect" must be one of "postgresql", "mysql", "sqlite", "turso", "singlestore", "gel"; got "oracle"\.$/);
  });

  it('names the input and the allowed values when one is wrong', () => {
    set('comment', 'sometimes');
    expect(() => readInputs()).toThrow(new InputError('Input "comment" must be one of "true", "false", "on-failure"; got "sometimes".'));
  });

  it('masks the database URL before anything else is printed', () => {
    const writes: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (writes.push(String(chunk)), true));
    set('database-url', 'postgres://u:pw@db/app');
    expect(readInputs().databaseUrl).toBe('postgres://u:pw@db/app');
    expect(writes[0]).toBe('::add-mask::postgres://u:pw@db/app\n');
  });
});
