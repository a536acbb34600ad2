// A loopback stand-in for the parts of GitHub's REST API the action uses: issue comments (paginated
// with Link headers, 422 over 65,536 characters), pull request files, /user. It can answer writes with
// 403 like a read-only fork token, and fail a request once with 502 to exercise the retry.

import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
}

export interface FakeGitHub {
  url: string;
  comments: FakeComment[];
  requests: string[];
  /** Writes answer 403 "Resource not accessible by integration". */
  readOnly: boolean;
  /** Request lines ("GET /path") that fail once with 502 before succeeding. */
  failOnce: Set<string>;
  changedFiles: { filename: string; status: string; previous_filename?: string }[];
  /** Login GET /user answers for a personal access token; undefined answers 403 like an installation token. */
  userLogin?: string;
  /** Milliseconds every answer waits (a slow API widens the window two concurrent runs race in). */
  delayMs: number;
  /** Request lines answered once with a rate-limit error first: 429 (primary, Retry-After) or 403 secondary. */
  rateLimitOnce: Map<string, 'primary' | 'secondary'>;
  /**
   * When set, the first listings of the comments are held until this many have arrived, then all answered at
   * once: concurrent runs all see the same (empty) list, as two runs racing on GitHub can.
   */
  listBarrier: number;
  close(): Promise<void>;
}

export async function startFakeGitHub(repo: string, pull: number): Promise<FakeGitHub> {
  let nextId = 1000;
  const state: Omit<FakeGitHub, 'url' | 'close'> = { comments: [], requests: [], readOnly: false, failOnce: new Set(), changedFiles: [], delayMs: 0, rateLimitOnce: new Map(), listBarrier: 0 };
  const held: (() => void)[] = [];
  const commentsPath = `/repos/${repo}/issues/${pull}/comments`;
  const htmlUrl = (id: number) => `https://github.com/${repo}/pull/${pull}#issuecomment-${id}`;
  const server = createServer((req, res) => {
    void body(req).then((text) => {
      const answer = () => setTimeout(() => handle(req, res, text), state.delayMs);
      const isListing = req.method === 'GET' && new URL(req.url ?? '/', 'http://localhost').pathname === commentsPath;
      if (!isListing || state.listBarrier === 0) return answer();
      held.push(answer);
      if (held.length < state.listBarrier) return;
      state.listBarrier = 0;
      held.splice(0).forEach((release) => release());
    });
  });

  function handle(req: IncomingMessage, res: ServerResponse, text: string): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const line = `${req.method} ${url.pathname}`;
    state.requests.push(`${line}${url.search}`);
    if (state.failOnce.delete(line)) return send(res, 502, { message: 'Bad Gateway' });
    const limited = state.rateLimitOnce.get(line);
    if (limited) {
      state.rateLimitOnce.delete(line);
      // As GitHub answers them: a primary limit with remaining 0 and a reset time, a secondary one as 403 with retry-after.
      return limited === 'primary'
        ? send(res, 429, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1), 'retry-after': '1' })
        : send(res, 403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, { 'retry-after': '1' });
    }
    if (req.method === 'GET' && url.pathname === '/user') {
      return state.userLogin ? send(res, 200, { login: state.userLogin, type: 'User' }) : send(res, 403, { message: 'Resource not accessible by integration' });
    }
    if (req.method === 'GET' && url.pathname === commentsPath) return page(res, url, state.comments.map((c) => ({ ...c, html_url: htmlUrl(c.id) })));
    if (req.method === 'GET' && url.pathname === `/repos/${repo}/pulls/${pull}/files`) return page(res, url, state.changedFiles);
    const onComment = url.pathname.startsWith(`/repos/${repo}/issues/comments/`);
    if (req.method === 'DELETE' && onComment && !state.readOnly) {
      const index = state.comments.findIndex((x) => x.id === Number(url.pathname.split('/').pop()));
      if (index < 0) return send(res, 404, { message: 'Not Found' });
      state.comments.splice(index, 1);
      res.writeHead(204).end();
      return;
    }
    const write = (req.method === 'POST' && url.pathname === commentsPath) || ((req.method === 'PATCH' || req.method === 'DELETE') && onComment);
    if (!write) return send(res, 404, { message: 'Not Found' });
    if (state.readOnly) return send(res, 403, { message: 'Resource not accessible by integration' });
    const { body: commentBody } = JSON.parse(text) as { body: string };
    if (commentBody.length > 65_536) return send(res, 422, { message: 'Validation Failed', errors: [{ field: 'body', code: 'custom', message: 'body is too long (maximum is 65536 characters)' }] });
    if (req.method === 'POST') {
      const user: FakeComment['user'] = state.userLogin ? { login: state.userLogin, type: 'User' } : { login: 'github-actions[bot]', type: 'Bot' };
      const c: FakeComment = { id: nextId++, body: commentBody, user };
      state.comments.push(c);
      return send(res, 201, { ...c, html_url: htmlUrl(c.id) });
    }
    const id = Number(url.pathname.split('/').pop());
    const c = state.comments.find((x) => x.id === id);
    if (!c) return send(res, 404, { message: 'Not Found' });
    c.body = commentBody;
    return send(res, 200, { ...c, html_url: htmlUrl(c.id) });
  }

  function page(res: ServerResponse, url: URL, items: unknown[]): void {
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const n = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const headers: Record<string, string> = {};
    if (n < last) {
      const next = new URL(url.toString().replace('http://localhost', address()));
      next.searchParams.set('page', String(n + 1));
      headers['link'] = `<${next}>; rel="next"`;
    }
    send(res, 200, items.slice((n - 1) * perPage, n * perPage), headers);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, {
    url: address(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

function send(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(data));
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
