import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, formatMoney, formatRange, moneyValue } from '../../src/lib/format';

describe('format', () => {
  it('writes one date style everywhere', () => {
    expect(formatDate('2025-08-03')).toBe('3 Aug 2025');
    expect(formatDate('2024-03')).toBe('Mar 2024');
    expect(formatDate('2024-03', { long: true })).toBe('March 2024');
    expect(formatDate('2013')).toBe('2013');
    expect(formatDateRange('2025-09-15', '2025-09-16')).toBe('15–16 Sep 2025');
    expect(formatDateRange('2025-06-13', '2025-07-01')).toBe('13 Jun–1 Jul 2025');
  });
  it('writes money with its unit', () => {
    expect(formatMoney({ value: 3.1, currency: 'USD', unit: 'billion' })).toBe('$3.1\u00a0bn');
    expect(formatMoney({ value: 44.2, currency: 'PKR', unit: 'billion' })).toBe('Rs44.2\u00a0bn');
    expect(moneyValue({ value: 29.79, currency: 'USD', unit: 'million' })).toBeCloseTo(29_790_000);
  });
  it('writes ranges as ranges', () => {
    expect(formatRange({ min: 7, max: 9 })).toBe('7–9');
    expect(formatRange({ min: 4000, max: 4000 })).toBe('4,000');
  });
});
