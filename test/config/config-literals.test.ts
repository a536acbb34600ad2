import { describe, expect, it } from 'vitest';
import { configLiterals } from '../../src/config/config-literals.js';

describe('configLiterals (a config read as text, never run)', () => {
  it('reads the literal out and dialect drizzle-kit writes, quoted keys or not', () => {
    expect(configLiterals('export default defineConfig({\n  "dialect": "postgresql",\n  "schema": "./schema.ts",\n  "out": "./drizzle"\n});')).toEqual({
      dialect: 'postgresql',
      out: './drizzle',
    });
    expect(configLiterals("export default { out: 'db/migrations', dialect: 'sqlite' } satisfies Config;")).toEqual({ out: 'db/migrations', dialect: 'sqlite' });
  });

  it('guesses nothing that is computed, interpolated, repeated or commented out', () => {
    expect(configLiterals("export default { dialect: process.env.D ?? 'postgresql', out: `${dir}/drizzle` };")).toEqual({});
    expect(configLiterals("const a = { dialect: 'mysql' };\nconst b = { dialect: 'postgresql' };")).toEqual({});
    expect(configLiterals("// dialect: 'mysql'\n/* out: 'x' */\nexport default { dialect: 'sqlite' };")).toEqual({ dialect: 'sqlite' });
  });
});
