import { describe, expect, it } from 'vitest';
import { geoBounds } from 'd3';
import {
  BORDER_BOX,
  borderPoint,
  countRange,
  districtArea,
  finiteNumber,
  geoPoint,
  isPlausiblePastDate,
  isRealIsoDate,
  isoDate,
  money,
  plannedIsoDate,
  pointOf,
  recordId,
} from '../../src/schemas/primitives';
import { invisibleCharacterProblem } from '../../src/lib/invisible';
import { getBasemap } from '../../src/lib/data';

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

describe('dates within a plausible window', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  it('takes dates from 1900 to the build date plus a week', () => {
    for (const d of ['1900', '1900-01', '1900-01-01', '1955', '2026-12-01', '2026-12-08', '2026-12']) expect(isPlausiblePastDate(d, now), d).toBe(true);
  });
  it('rejects full dates, months and years before 1900 or after the margin', () => {
    for (const d of ['1899-12-31', '1899-12', '1899', '0001-01-01', '2026-12-09', '2027', '2062-05-01']) expect(isPlausiblePastDate(d, now), d).toBe(false);
  });
  it('says so in the schema, with the build date', () => {
    const r = isoDate.safeParse('2062-05-01');
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/from 1900 to the build date \(\d{4}-\d{2}-\d{2}/);
    expect(isoDate.safeParse('2023-02-30').error!.issues).toHaveLength(1);
  });
  it('lets a planned date lie ahead, to 2100', () => {
    expect(plannedIsoDate.safeParse('2029-04').success).toBe(true);
    expect(plannedIsoDate.safeParse('2100-12-31').success).toBe(true);
    expect(plannedIsoDate.safeParse('2101').success).toBe(false);
    expect(plannedIsoDate.safeParse('1899').success).toBe(false);
  });
});

describe('numbers are finite', () => {
  it('rejects Infinity (what 1e400 reads as) in amounts, counts and points', () => {
    /* eslint-disable no-loss-of-precision -- 1e400 is the point: it reads as Infinity */
    expect(1e400).toBe(Infinity);
    expect(finiteNumber.safeParse(1e400).success).toBe(false);
    expect(money.safeParse({ value: 1e400, currency: 'USD', unit: 'million' }).success).toBe(false);
    expect(countRange.safeParse({ min: 0, max: 1e400 }).success).toBe(false);
    expect(geoPoint.safeParse({ lat: -1e400, lon: 61.6, geoPrecision: 'exact' }).success).toBe(false);
    /* eslint-enable no-loss-of-precision */
    expect(money.safeParse({ value: 1.5e3, currency: 'USD', unit: 'million' }).success).toBe(true);
  });
});

describe('invisible characters in text', () => {
  it('rejects direction controls and zero-width characters, naming the character and where', () => {
    expect(invisibleCharacterProblem('Taftan\u202e')).toMatch(/direction controls, got U\+202E RIGHT-TO-LEFT OVERRIDE at character 7, "Taftan\[U\+202E\]"/);
    expect(invisibleCharacterProblem('\u2067Mirjaveh\u2069')).toMatch(/U\+2067 RIGHT-TO-LEFT ISOLATE at character 1/);
    expect(invisibleCharacterProblem('Gab\u200bd')).toMatch(/invisible characters, got U\+200B ZERO WIDTH SPACE/);
    expect(invisibleCharacterProblem('Gabd\ufeff')).toMatch(/U\+FEFF ZERO WIDTH NO-BREAK SPACE/);
    expect(invisibleCharacterProblem('Pan\u200cjgur')).toMatch(/ZERO WIDTH NON-JOINER only between two letters/);
    expect(invisibleCharacterProblem('Panjgur\u200f')).toMatch(/direction mark only in right-to-left text/);
  });
  it('accepts the non-joiner of Persian and Urdu writing, and marks in right-to-left text', () => {
    for (const s of ['Taftan', 'Zāhedān', 'میرجاوه', 'می\u200cرود', 'تفتان\u200f (Taftan)', '']) expect(invisibleCharacterProblem(s), s).toBeUndefined();
  });
});

describe("the border provinces' box", () => {
  it('is the bounding box of Balochistan and Sistan and Baluchestan in the committed basemap, rounded outwards to 0.1°', () => {
    const [[w, s], [e, n]] = geoBounds(getBasemap().focusProvinces);
    expect(BORDER_BOX.minLon).toBeLessThanOrEqual(w);
    expect(BORDER_BOX.minLon).toBeGreaterThan(w - 0.1);
    expect(BORDER_BOX.minLat).toBeLessThanOrEqual(s);
    expect(BORDER_BOX.minLat).toBeGreaterThan(s - 0.1);
    expect(BORDER_BOX.maxLon).toBeGreaterThanOrEqual(e);
    expect(BORDER_BOX.maxLon).toBeLessThan(e + 0.1);
    expect(BORDER_BOX.maxLat).toBeGreaterThanOrEqual(n);
    expect(BORDER_BOX.maxLat).toBeLessThan(n + 0.1);
  });
  it('keeps crossing and incident points inside it, while places may lie anywhere in the region', () => {
    expect(borderPoint.safeParse({ lat: 28.9, lon: 61.6, geoPrecision: 'exact' }).success).toBe(true);
    // Islamabad: a place on the map, not a border point.
    expect(geoPoint.safeParse({ lat: 33.72, lon: 73.04, geoPrecision: 'town', geoNote: 'GeoNames.' }).success).toBe(true);
    expect(borderPoint.safeParse({ lat: 33.72, lon: 73.04, geoPrecision: 'town', geoNote: 'GeoNames.' }).success).toBe(false);
  });
});

describe('districtArea', () => {
  it('is a location without coordinates that says what is known', () => {
    expect(districtArea.safeParse({ geoPrecision: 'district', geoNote: 'Only the district is known.' }).success).toBe(true);
    expect(districtArea.safeParse({ geoPrecision: 'district' }).success).toBe(false);
    expect(districtArea.safeParse({ geoPrecision: 'district', geoNote: 'x', lat: 27 }).success).toBe(false);
    expect(pointOf({ geoPrecision: 'district', geoNote: 'x' })).toBeUndefined();
    expect(pointOf({ lat: 1, lon: 2, geoPrecision: 'exact' })).toEqual({ lat: 1, lon: 2, geoPrecision: 'exact' });
  });
});
