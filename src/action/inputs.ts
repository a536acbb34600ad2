// action.yml inputs, validated. Bad values stop the action with a message naming the input.

import * as core from '@actions/core';
import type { FailOn } from '../findings.js';
import { DIALECTS, type Dialect } from '../model/types.js';

export type CommentMode = 'true' | 'false' | 'on-failure';

export interface ActionInputs {
  workingDirectory: string;
  configs: string[];
  baseRef?: string;
  token: string;
  comment: CommentMode;
  /** Undefined when the input is empty: the settings file decides, else "error". */
  failOn?: FailOn;
  /** Migrations folder and dialect, overriding the config's (needed where the config cannot be read). */
  out?: string;
  dialect?: Dialect;
  drift: boolean;
  lint: boolean;
  replay: boolean | 'auto';
  replaySeed: boolean;
  /** Create a comment on a PR whose changes concern no migration, schema or config (an existing one is always kept current). */
  commentOnClean: boolean;
  /** Replay time limit per statement, in seconds. */
  replayTimeout?: number;
  databaseUrl?: string;
  sarifFile?: string;
  allowUntrustedCode: boolean;
}

export class InputError extends Error {}

export function readInputs(): ActionInputs {
  const databaseUrl = core.getInput('database-url') || undefined;
  // Masked before anything else can print it; the password alone too, as an error message may quote it.
  if (databaseUrl) for (const secret of [databaseUrl, ...passwordOf(databaseUrl)]) core.setSecret(secret);
  return {
    workingDirectory: core.getInput('working-directory') || '.',
    configs: core.getMultilineInput('config').filter((c) => c !== ''),
    baseRef: core.getInput('base-ref') || undefined,
    token: core.getInput('github-token'),
    comment: oneOf('comment', ['true', 'false', 'on-failure'], 'true'),
    failOn: core.getInput('fail-on') === '' ? undefined : oneOf<FailOn>('fail-on', ['error', 'warning', 'never'], 'error'),
    out: core.getInput('out') || undefined,
    dialect: core.getInput('dialect') === '' ? undefined : oneOf<Dialect>('dialect', DIALECTS, 'postgresql'),
    drift: bool('drift', true),
    lint: bool('lint', true),
    replaySeed: bool('replay-seed', true),
    commentOnClean: bool('comment-on-clean', false),
    replay: (() => {
      const v = oneOf('replay', ['true', 'false', 'auto'], 'auto');
      return v === 'auto' ? 'auto' : v === 'true';
    })(),
    ...(core.getInput('replay-timeout') ? { replayTimeout: seconds('replay-timeout') } : {}),
    databaseUrl,
    sarifFile: core.getInput('sarif-file') || undefined,
    allowUntrustedCode: bool('allow-untrusted-code', false),
  };
}

/** The URL's password as written and decoded (none when it has none); read by hand when the URL does not parse (a bad port). */
function passwordOf(url: string): string[] {
  const password = URL.canParse(url) ? new URL(url).password : (/^[a-z][\w+.-]*:\/\/[^:/@]*:([^@/]*)@/i.exec(url)?.[1] ?? '');
  if (!password) return [];
  try {
    return [...new Set([password, decodeURIComponent(password)])];
  } catch {
    return [password];
  }
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const raw = core.getInput(name).toLowerCase();
  if (raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new InputError(`Input "${name}" must be one of ${allowed.map((a) => `"${a}"`).join(', ')}; got "${core.getInput(name)}".`);
}

function seconds(name: string): number {
  const raw = core.getInput(name);
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new InputError(`Input "${name}" must be a number of seconds greater than 0; got "${raw}".`);
  return n;
}

function bool(name: string, fallback: boolean): boolean {
  const v = oneOf(name, ['true', 'false'], fallback ? 'true' : 'false');
  return v === 'true';
}
