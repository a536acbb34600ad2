// One sticky comment per drizzle config on the pull request: found by a hidden marker on its first
// line through every page of comments, edited in place, never someone else's. Two runs at once (two quick
// pushes without `concurrency:`) may both create one: after creating, the duplicates are deleted and the
// oldest comment is kept, so later runs find the one that remains.

import type { Octokit } from './octokit.js';

/** GitHub refuses bodies over 65,536 characters (422). */
export const COMMENT_LIMIT = 65_536;

const MARKER_PREFIX = '<!-- drizzle-guard:';

export interface PullRef {
  owner: string;
  repo: string;
  issue_number: number;
}

export type CommentOutcome =
  | { action: 'created' | 'updated' | 'unchanged'; id: number; url?: string }
  | { action: 'skipped' }
  | { action: 'failed'; status?: number; message: string };

export interface IssueComment {
  id: number;
  body?: string | null;
  html_url?: string;
  user?: { login: string; type?: string } | null;
}

export function commentMarker(key: string): string {
  // `--` and `>` would end the HTML comment early.
  return `${MARKER_PREFIX}${key.replace(/-{2,}/g, '-').replace(/>/g, '')} -->`;
}

/** The key of a drizzle-guard marker line, or undefined for any other comment. */
export function markerKey(body: string | null | undefined): string | undefined {
  const first = body?.split('\n', 1)[0]!.trim() ?? '';
  return first.startsWith(MARKER_PREFIX) && first.endsWith(' -->') ? first.slice(MARKER_PREFIX.length, -' -->'.length) : undefined;
}

/** drizzle-guard's comments on the pull request written by this token's identity, oldest first. */
export async function ownComments(octokit: Octokit, pull: PullRef): Promise<IssueComment[]> {
  const marked: IssueComment[] = [];
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, { ...pull, per_page: 100 });
  for await (const page of pages) for (const c of page.data as IssueComment[]) if (markerKey(c.body) !== undefined) marked.push(c);
  // GITHUB_TOKEN posts as github-actions[bot] and an app as <app>[bot]; a person's comment is ours only
  // with that person's token, which costs one request to learn.
  const byPeople = marked.filter((c) => c.user?.type !== 'Bot');
  const me = byPeople.length > 0 ? await authenticatedLogin(octokit) : undefined;
  return marked.filter((c) => c.user?.type === 'Bot' || (me !== undefined && c.user?.login === me)).sort((a, b) => a.id - b.id);
}

/**
 * Creates or edits the comment starting with `marker`. With `createIfMissing` false only an existing
 * comment is edited. An unchanged body makes no write (a re-run sends no notification).
 */
export async function upsertComment(
  octokit: Octokit,
  pull: PullRef,
  marker: string,
  body: string,
  createIfMissing: boolean,
  known?: IssueComment[],
): Promise<CommentOutcome> {
  const full = `${marker}\n${body}`;
  const mine = (comments: IssueComment[]) => comments.filter((c) => c.body?.split('\n', 1)[0]!.trim() === marker);
  try {
    const existing = mine(known ?? (await ownComments(octokit, pull)));
    const [oldest, ...duplicates] = existing;
    if (oldest) {
      await deleteAll(octokit, pull, duplicates);
      return await edit(octokit, pull, oldest, full);
    }
    if (!createIfMissing) return { action: 'skipped' };
    const { data } = await octokit.rest.issues.createComment({ ...pull, body: full });
    // Another run may have created one at the same moment: the oldest stays, the others go.
    const [first, ...others] = mine(await ownComments(octokit, pull));
    if (!first || first.id === data.id) {
      await deleteAll(octokit, pull, others);
      return { action: 'created', id: data.id, url: data.html_url };
    }
    await deleteAll(octokit, pull, others);
    return await edit(octokit, pull, first, full);
  } catch (error) {
    return failure(error);
  }
}

async function edit(octokit: Octokit, pull: PullRef, comment: IssueComment, full: string): Promise<CommentOutcome> {
  if (comment.body === full) return { action: 'unchanged', id: comment.id, url: comment.html_url };
  const { data } = await octokit.rest.issues.updateComment({ owner: pull.owner, repo: pull.repo, comment_id: comment.id, body: full });
  return { action: 'updated', id: data.id, url: data.html_url };
}

async function deleteAll(octokit: Octokit, pull: PullRef, comments: IssueComment[]): Promise<void> {
  for (const c of comments) {
    try {
      await octokit.rest.issues.deleteComment({ owner: pull.owner, repo: pull.repo, comment_id: c.id });
    } catch (error) {
      // The concurrent run deleted it first.
      if ((error as { status?: unknown }).status !== 404) throw error;
    }
  }
}

export function failure(error: unknown): CommentOutcome {
  const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : undefined;
  return { action: 'failed', status, message: error instanceof Error ? error.message : String(error) };
}

async function authenticatedLogin(octokit: Octokit): Promise<string | undefined> {
  try {
    return (await octokit.rest.users.getAuthenticated()).data.login;
  } catch {
    // Installation tokens (GITHUB_TOKEN, apps) cannot read /user: they post as bots, handled above.
    return undefined;
  }
}
