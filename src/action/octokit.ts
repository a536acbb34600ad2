// The REST client: @actions/github's Octokit with retries of 5xx/429 and GitHub's rate-limit rules.

import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type Octokit = ReturnType<typeof getOctokit>;

const MAX_RATE_LIMIT_RETRIES = 2;

export function createOctokit(token: string): Octokit {
  return getOctokit(
    token,
    {
      retry: { retries: 3 },
      throttle: {
        onRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          core.info(`GitHub API rate limit hit on ${options.method} ${options.url}; retrying in ${retryAfter}s.`);
          return retryCount < MAX_RATE_LIMIT_RETRIES;
        },
        onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          core.info(`GitHub API secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s.`);
          return retryCount < MAX_RATE_LIMIT_RETRIES;
        },
      },
    },
    retry,
    throttling,
  );
}
