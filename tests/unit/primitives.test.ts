import { describe, expect, it } from 'vitest';
import { countRange, geoPoint, isRealIsoDate, isoDate, money, recordId } from '../../src/schemas/primitives';

describe('isoDate', () => {
  it('accepts days, months and years that exist', () => {
    for (const d of ['2024-01-16', '2024-02-29', '2024-01', '2024']) expect(isRealIsoDate(d)).toBe(true);
  });
  it('rejects other forms and impossible dates', () => {
    for (const d of ['16/01/2024', '2023-02-29', '2024-13', '2024-04-31', '24-01-16', '2024-1-6', '']) expect(isRealIsoDate(d)).toBe(false);
    expect(isoDate.safeParse('2023-02-30').success).toBe(false);
  });
});

describe('recordId', () => {
  it('takes kebab-case only', () => {
    expect(recordId.safeParse('taftan-mirjaveh').success).toBe(true);
    for (const bad of ['Taftan', 'taftan_mirjaveh', 'taftan--mirjaveh', '-taftan', 'taftan mirjaveh']) expect(recordId.safeParse(bad).success).toBe(false);
  });
});

describe('geoPoint', () => {
  it('keeps points inside the region', () => {
    expect(geoPoint.safeParse({ lat: 28.9, lon: 61.6, geoPrecision: 'exact' }).success).toBe(true);
    expect(geoPoint.safeParse({ lat: 40.1, lon: 61.6, geoPrecision: 'exact' }).success).toBe(false);
    expect(geoPoint.safeParse({ lat: 28.9, lon: 80, geoPrecision: 'exact' }).success).toBe(false);
  });
  it('asks a note of any point that is not exact', () => {
    expect(geoPoint.safeParse({ lat: 28.9, lon: 61.6, geoPrecision: 'derived' }).success).toBe(false);
    expect(geoPoint.safeParse({ lat: 28.9, lon: 61.6, geoPrecision: 'derived', geoNote: 'Border point nearest Pishin.' }).success).toBe(true);
  });
});

describe('countRange and money', () => {
  it('needs min <= max and no negatives', () => {
    expect(countRange.safeParse({ min: 7, max: 9 }).success).toBe(true);
    expect(countRange.safeParse({ min: 9, max: 7 }).success).toBe(false);
    expect(countRange.safeParse({ min: -1, max: 7 }).success).toBe(false);
    expect(money.safeParse({ value: -5, currency: 'USD', unit: 'billion' }).success).toBe(false);
  });
});
