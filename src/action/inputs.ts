// action.yml inputs, validated. Bad values stop the action with a message naming the input.

import * as core from '@actions/core';
import type { FailOn } from '../findings.js';

export type CommentMode = 'true' | 'false' | 'on-failure';

export interface ActionInputs {
  workingDirectory: string;
  configs: string[];
  baseRef?: string;
  token: string;
  comment: CommentMode;
  /** Undefined when the input is empty: the settings file decides, else "error". */
  failOn?: FailOn;
  drift: boolean;
  replay: boolean | 'auto';
  /** Replay time limit per statement, in seconds. */
  replayTimeout?: number;
  databaseUrl?: string;
  sarifFile?: string;
  allowUntrustedCode: boolean;
}

export class InputError extends Error {}

export function readInputs(): ActionInputs {
  const databaseUrl = core.getInput('database-url') || undefined;
  // Masked before anything else can print it.
  if (databaseUrl) core.setSecret(databaseUrl);
  return {
    workingDirectory: core.getInput('working-directory') || '.',
    configs: core.getMultilineInput('config').filter((c) => c !== ''),
    baseRef: core.getInput('base-ref') || undefined,
    token: core.getInput('github-token'),
    comment: oneOf('comment', ['true', 'false', 'on-failure'], 'true'),
    failOn: core.getInput('fail-on') === '' ? undefined : oneOf<FailOn>('fail-on', ['error', 'warning', 'never'], 'error'),
    drift: bool('drift', true),
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
