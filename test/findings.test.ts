import { describe, expect, it } from 'vitest';
import { categoryStatuses, exitCodeOf, type Category, type CategoryStatus, type Finding } from '../src/findings.js';

const f = (category: Category, severity: Finding['severity']): Finding => ({ ruleId: 'x', category, severity, message: 'm' });
const ran = new Map<Category, CategoryStatus>([
  ['config', 'pass'],
  ['integrity', 'pass'],
  ['drift', 'pass'],
  ['safety', 'pass'],
  ['pending', 'pass'],
]);

describe('exit codes', () => {
  it('takes the first failing category in the order 4, 2, 1, 3, 5', () => {
    const all = [f('config', 'error'), f('integrity', 'error'), f('drift', 'error'), f('pending', 'error'), f('safety', 'error')];
    const expected = [4, 2, 1, 3, 5];
    for (let i = 0; i < all.length; i++) expect(exitCodeOf(categoryStatuses(all.slice(i), ran, 'error'))).toBe(expected[i]);
  });

  it('counts only findings at or above --fail-on, except configuration errors', () => {
    expect(exitCodeOf(categoryStatuses([f('safety', 'warning')], ran, 'error'))).toBe(0);
    expect(exitCodeOf(categoryStatuses([f('safety', 'warning')], ran, 'warning'))).toBe(5);
    expect(exitCodeOf(categoryStatuses([f('safety', 'error')], ran, 'never'))).toBe(0);
    expect(exitCodeOf(categoryStatuses([f('config', 'error')], ran, 'never'))).toBe(4);
  });
});
