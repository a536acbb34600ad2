// The schemas snapshots declare, built one after the other on one PGlite instance (the replay's comparison:
// the latest snapshot's, then the base's).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDeclare } from '../../src/checks/replay/session.js';
import { FIXTURES } from './context.js';

const snapshot = (n: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, 'replay-drift/drizzle/meta', `${n}_snapshot.json`), 'utf8'));

describe('declared schemas', { timeout: 120_000 }, () => {
  it('builds each snapshot on an emptied database: the second shape is its own, not the first plus it', async () => {
    const { declared } = await runDeclare({ type: 'declare', snapshots: [snapshot('0001'), snapshot('0000')], extensionNames: [] }, () => undefined);
    const [latest, base] = declared.map((d) => ('shape' in d ? d.shape : d.reason));
    // 0001 adds users.email (text); 0000 does not have it.
    expect(latest).toBeInstanceOf(Map);
    expect((latest as Map<string, string>).get('column public.users.email')).toBe('text');
    expect((base as Map<string, string>).has('column public.users.email')).toBe(false);
  });

  it('builds a snapshot declaring a role twice: the role, which emptying the schemas leaves, does not fail the second build', async () => {
    const withRole = { ...snapshot('0001'), roles: { auditor: { name: 'auditor', createDb: false, createRole: false, inherit: true } } };
    const { declared } = await runDeclare({ type: 'declare', snapshots: [withRole, withRole], extensionNames: [] }, () => undefined);
    expect(declared.map((d) => ('shape' in d ? 'shape' : d.reason))).toEqual(['shape', 'shape']);
  });
});
