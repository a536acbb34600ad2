// The workflows the docs tell users to copy: one version of each action everywhere, pinned by its full commit sha
// with the release in a comment, the permissions the SARIF upload needs, a concurrency group, and no full clone.

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness.js';

const DOCS = ['README.md', 'docs/action.md'].map((f) => ({ file: f, text: readFileSync(path.join(ROOT, f), 'utf8') }));
/** drizzle-guard itself is shown as `@<commit sha>`: the user pins the release they choose. */
const uses = DOCS.flatMap(({ file, text }) => [...text.matchAll(/uses: (\S+)@(\S+)(.*)$/gm)].map((m) => ({ file, action: m[1]!, ref: m[2]!, rest: m[3]! })));

describe('the documented workflows', () => {
  it('pin every action by a full commit sha with its release in a comment, one release per action', () => {
    expect(uses.length).toBeGreaterThan(5);
    const pinned = uses.filter((u) => u.action !== 'drizzle-guard/drizzle-guard');
    for (const u of pinned) expect(`${u.ref}${u.rest}`, `${u.file}: ${u.action}`).toMatch(/^[0-9a-f]{40} # v\d+(\.\d+)*\b/);
    const refs = new Map<string, Set<string>>();
    for (const u of pinned) refs.set(u.action, (refs.get(u.action) ?? new Set()).add(u.ref));
    for (const [action, set] of refs) expect([...set], action).toHaveLength(1);
    for (const u of uses.filter((x) => x.action === 'drizzle-guard/drizzle-guard')) expect(u.ref).toBe('<commit');
  });

  it('give the SARIF upload its permissions, a concurrency group, and leave the clone depth to the action', () => {
    const action = DOCS.find((d) => d.file === 'docs/action.md')!.text;
    expect(action).toMatch(/security-events: write/);
    expect(action).toMatch(/actions: read/);
    expect(action).toMatch(/concurrency:\n\s+group: drizzle-guard-\$\{\{ github\.event\.pull_request\.number/);
    expect(action).toMatch(/paths:/);
    for (const { text } of DOCS) expect(text).not.toMatch(/fetch-depth: 0/);
  });
});
