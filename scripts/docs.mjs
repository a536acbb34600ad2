// Regenerates the rule table in README.md from the rule catalog.
import { readFileSync, writeFileSync } from 'node:fs';
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
const { RULES } = await jiti.import('../src/rules/catalog.ts');
const { renderRuleTable, TABLE_START, TABLE_END } = await jiti.import('../src/rules/table.ts');
const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf(TABLE_START);
const end = readme.indexOf(TABLE_END);
if (start < 0 || end < 0) throw new Error('README.md has no rule table markers');
writeFileSync('README.md', readme.slice(0, start) + renderRuleTable(RULES) + readme.slice(end + TABLE_END.length));
console.log(`README.md: ${RULES.length} rules`);
