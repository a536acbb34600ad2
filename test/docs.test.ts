// Docs move with code: every rule has its page, and the README's rule table matches the catalog.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/catalog.js';
import { renderRuleTable } from '../src/rules/table.js';
import { ROOT } from './helpers/project.js';

describe('rule documentation', () => {
  it('has unique rule ids', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('docs/rules/%s.md exists and names the rule', (id, rule) => {
    const page = path.join(ROOT, 'docs/rules', `${id}.md`);
    expect(fs.existsSync(page), `${page} is missing`).toBe(true);
    const text = fs.readFileSync(page, 'utf8');
    expect(text.split('\n')[0]).toBe(`# ${id}`);
    expect(text).toContain(rule.category);
  });

  it('README.md holds the current rule table (npm run docs)', () => {
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(renderRuleTable(RULES));
  });
});
