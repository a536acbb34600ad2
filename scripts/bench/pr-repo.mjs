// A one-migration pull request, as the action sees it: a git repository whose commit holds a project's
// migration history minus its last migration, and whose working tree adds that migration back.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * @param {string} project folder to copy (a fixture project, or a bare migrations folder)
 * @param {string} out the migrations folder inside it
 * @returns {{ dir: string, out: string, tag: string }}
 */
export function prRepository(project, out) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-pr-'));
  fs.cpSync(project, dir, { recursive: true });
  const folder = path.join(dir, out);
  const journalFile = path.join(folder, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
  const last = journal.entries.at(-1);
  const added = [`${last.tag}.sql`, `meta/${last.tag.split('_')[0]}_snapshot.json`, 'meta/_journal.json'].map((f) => path.join(folder, f));
  const kept = added.map((f) => fs.readFileSync(f));
  fs.rmSync(added[0]);
  fs.rmSync(added[1]);
  fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, -1) }, null, 2));
  const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@invalid', 'commit', '-q', '-m', 'base');
  added.forEach((f, i) => fs.writeFileSync(f, kept[i]));
  return { dir, out, tag: last.tag };
}
