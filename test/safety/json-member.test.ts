import { expect, test } from 'vitest';
import { jsonEntryWithMember, jsonMember } from '../../src/checks/safety/json-member.js';

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

test('finds an entry by key and marker member, skipping a column that shares the name', () => {
  const doc = {
    tables: {
      'public.a': { columns: { 'public.users': { name: 'public.users', type: 'text' } } },
      'public.users': { name: 'users', columns: { email: { type: 'varchar(255)' } } },
    },
    enums: { 'public.users': { values: ['x'] } },
  };
  const text = JSON.stringify(doc, null, 2);
  expect(jsonEntryWithMember(text, 'public.users', 'columns')).toEqual(doc.tables['public.users']);
  expect(jsonEntryWithMember(text, 'public.users', 'values')).toEqual({ values: ['x'] });
  expect(jsonEntryWithMember(text, 'public.none', 'columns')).toBeUndefined();
  // A string value equal to the key is not a key.
  expect(jsonEntryWithMember('{"a": "public.users", "b": {"public.users": {"columns": {}}}}', 'public.users', 'columns')).toEqual({ columns: {} });
});
