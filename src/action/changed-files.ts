// When the base commit cannot be fetched, the pull request's changed files come from the REST API
// (paginated; GitHub lists at most 3,000 files).

import type { ChangedFile } from '../checks/types.js';
import type { Octokit } from './octokit.js';

/** Files the PR changes, relative to the check's cwd (`prefix` is the cwd relative to the repository). */
export async function pullRequestFiles(octokit: Octokit, owner: string, repo: string, pullNumber: number, prefix: string): Promise<ChangedFile[]> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number: pullNumber, per_page: 100 });
  const base = prefix === '' ? '' : `${prefix}/`;
  const out: ChangedFile[] = [];
  const add = (file: string, status: ChangedFile['status']) => {
    if (file.startsWith(base)) out.push({ file: file.slice(base.length), status });
  };
  for (const f of files) {
    if (f.status === 'renamed' && f.previous_filename) {
      // A rename removes the old path: for drizzle's migrator that is a different migration.
      add(f.previous_filename, 'removed');
      add(f.filename, 'added');
    } else {
      add(f.filename, f.status === 'added' || f.status === 'copied' ? 'added' : f.status === 'removed' ? 'removed' : 'modified');
    }
  }
  return out;
}
