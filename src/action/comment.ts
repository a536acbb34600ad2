// One sticky comment per drizzle config on the pull request: found by a hidden marker on its first
// line through every page of comments, edited in place, never duplicated, never someone else's.

import type { Octokit } from './octokit.js';

/** GitHub refuses bodies over 65,536 characters (422). */
export const COMMENT_LIMIT = 65_536;

export interface PullRef {
  owner: string;
  repo: string;
  issue_number: number;
}

export type CommentOutcome =
  | { action: 'created' | 'updated' | 'unchanged'; id: number; url?: string }
  | { action: 'skipped' }
  | { action: 'failed'; status?: number; message: string };

interface IssueComment {
  id: number;
  body?: string | null;
  html_url?: string;
  user?: { login: string; type?: string } | null;
}

export function commentMarker(key: string): string {
  // `--` and `>` would end the HTML comment early.
  return `<!-- drizzle-guard:${key.replace(/-{2,}/g, '-').replace(/>/g, '')} -->`;
}

/**
 * Creates or edits the comment starting with `marker`. With `createIfMissing` false only an
 * existing comment is edited (comment: on-failure on a passing run still clears a stale one).
 */
export async function upsertComment(
  octokit: Octokit,
  pull: PullRef,
  marker: string,
  body: string,
  createIfMissing: boolean,
): Promise<CommentOutcome> {
  const full = `${marker}\n${body}`;
  try {
    const existing = await findOwnComment(octokit, pull, marker);
    if (existing) {
      if (existing.body === full) return { action: 'unchanged', id: existing.id, url: existing.html_url };
      const { data } = await octokit.rest.issues.updateComment({ owner: pull.owner, repo: pull.repo, comment_id: existing.id, body: full });
      return { action: 'updated', id: data.id, url: data.html_url };
    }
    if (!createIfMissing) return { action: 'skipped' };
    const { data } = await octokit.rest.issues.createComment({ ...pull, body: full });
    return { action: 'created', id: data.id, url: data.html_url };
  } catch (error) {
    const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : undefined;
    return { action: 'failed', status, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The first comment whose first line is the marker and that this token wrote. Comments by bots
 * (GITHUB_TOKEN posts as github-actions[bot], an app as <app>[bot]) qualify; a person's comment
 * only when the token is that person's (a personal access token), which costs one extra request.
 */
async function findOwnComment(octokit: Octokit, pull: PullRef, marker: string): Promise<IssueComment | undefined> {
  const byPeople: IssueComment[] = [];
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, { ...pull, per_page: 100 });
  for await (const page of pages) {
    for (const c of page.data as IssueComment[]) {
      if (!c.body || c.body.split('\n', 1)[0]!.trim() !== marker) continue;
      if (c.user?.type === 'Bot') return c;
      byPeople.push(c);
    }
  }
  if (byPeople.length === 0) return undefined;
  const me = await authenticatedLogin(octokit);
  return byPeople.find((c) => me !== undefined && c.user?.login === me);
}

async function authenticatedLogin(octokit: Octokit): Promise<string | undefined> {
  try {
    return (await octokit.rest.users.getAuthenticated()).data.login;
  } catch {
    // Installation tokens (GITHUB_TOKEN, apps) cannot read /user: they post as bots, handled above.
    return undefined;
  }
}
