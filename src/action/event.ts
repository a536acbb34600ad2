// What the triggering event says: the base commit, the pull request, the commit to link to, and
// whether the PR comes from another repository (which decides whether its code may run).

import { readFileSync } from 'node:fs';

export interface EventInfo {
  name: string;
  /** owner/name of the repository the workflow runs in. */
  repository: string;
  serverUrl: string;
  /** Commit the base of the comparison is at, from the payload (undefined for other events or a new branch). */
  baseSha?: string;
  /** Pull request number, for comments and the changed-files fallback. */
  pullNumber?: number;
  /** The commit links point to: the PR head (not the merge commit that is checked out), else GITHUB_SHA. */
  headSha?: string;
  /** pull_request_target for a PR whose head lives in another repository (a fork). */
  untrustedHead: boolean;
  /** The PR's head repository differs from the base one (its token is read-only on pull_request). */
  fromFork: boolean;
}

type Json = Record<string, unknown>;

export function readEvent(env: NodeJS.ProcessEnv): EventInfo {
  const name = env['GITHUB_EVENT_NAME'] ?? '';
  const payload = readPayload(env['GITHUB_EVENT_PATH']);
  const info: EventInfo = {
    name,
    repository: env['GITHUB_REPOSITORY'] ?? '',
    serverUrl: (env['GITHUB_SERVER_URL'] ?? 'https://github.com').replace(/\/+$/, ''),
    headSha: env['GITHUB_SHA'] || undefined,
    untrustedHead: false,
    fromFork: false,
  };
  const pr = obj(payload['pull_request']);
  if ((name === 'pull_request' || name === 'pull_request_target') && pr) {
    const head = obj(pr['head']);
    const base = obj(pr['base']);
    info.baseSha = str(base?.['sha']);
    info.headSha = str(head?.['sha']) ?? info.headSha;
    info.pullNumber = typeof pr['number'] === 'number' ? pr['number'] : undefined;
    const headRepo = str(obj(head?.['repo'])?.['full_name']);
    const baseRepo = str(obj(base?.['repo'])?.['full_name']) ?? info.repository;
    // A deleted fork has head.repo null: treat it as foreign too.
    info.fromFork = headRepo === undefined || headRepo.toLowerCase() !== baseRepo.toLowerCase();
    info.untrustedHead = name === 'pull_request_target' && info.fromFork;
  } else if (name === 'merge_group') {
    info.baseSha = str(obj(payload['merge_group'])?.['base_sha']);
    info.headSha = str(obj(payload['merge_group'])?.['head_sha']) ?? info.headSha;
  } else if (name === 'push') {
    const before = str(payload['before']);
    // A new branch has no "before" commit (all zeros).
    info.baseSha = before && !/^0+$/.test(before) ? before : undefined;
    info.headSha = str(payload['after']) ?? info.headSha;
  }
  return info;
}

function readPayload(file: string | undefined): Json {
  if (!file) return {};
  try {
    return obj(JSON.parse(readFileSync(file, 'utf8'))) ?? {};
  } catch {
    return {};
  }
}

function obj(v: unknown): Json | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
