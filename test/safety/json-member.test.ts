import { expect, test } from 'vitest';
import { jsonMember } from '../../src/checks/safety/json-member.js';

test('reads one member, skipping others with nested strings, brackets and escapes', () => {
  const doc = {
    id: 'x',
    tables: {
      'public.a': { columns: { s: { type: 'text', default: "'}]\\\"{['" } }, arr: [1, [2, { x: '}' }]] },
      'public.b"q': { n: 1, path: 'C:\\dir\\' },
      'public.users': { columns: { email: { type: 'varchar(255)' } } },
    },
    enums: { 'public.users': { values: ['x'] } },
  };
  const text = JSON.stringify(doc, null, 2);
  expect(jsonMember(text, ['tables', 'public.users'])).toEqual(doc.tables['public.users']);
  expect(jsonMember(text, ['enums', 'public.users'])).toEqual({ values: ['x'] });
  expect(jsonMember(text, ['tables', 'public.b"q'])).toEqual(doc.tables['public.b"q']);
  expect(jsonMember(JSON.stringify(doc), ['tables', 'public.a'])).toEqual(doc.tables['public.a']);
  expect(jsonMember(text, ['id'])).toBe('x');
  expect(jsonMember(text, ['tables', 'public.none'])).toBeUndefined();
  expect(jsonMember(text, ['views', 'x'])).toBeUndefined();
  expect(jsonMember('{"tables": {"a": {', ['tables', 'a'])).toBeUndefined();
  expect(jsonMember('not json', ['tables'])).toBeUndefined();
});
