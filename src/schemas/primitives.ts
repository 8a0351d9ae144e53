/**
 * Building blocks shared by every dataset schema. Each carries a message a person understands:
 * the validator prints it after the file, record id and field, followed by what it found.
 */
import { z } from 'astro/zod';

/** The bounding box every mapped point must fall in (the Iran-Pakistan border region and its hinterland). */
export const REGION = { minLat: 20, maxLat: 35, minLon: 50, maxLon: 75 } as const;

/**
 * A field that takes one of a fixed list of words, with the validator's message naming them all:
 * `expected one of "a", "b", "c"` (the validator adds what it found).
 */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const message = `expected one of ${values.map((v) => `"${v}"`).join(', ')}`;
  return z.enum(values as unknown as [T[number], ...T[number][]], { errorMap: () => ({ message }) });
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A stable record id: lower-case kebab-case, never reused; it is also the record's deep-link anchor. */
export const recordId = z
  .string({ required_error: 'expected a kebab-case id like "taftan-mirjaveh"' })
  .regex(KEBAB, { message: 'expected a kebab-case id like "taftan-mirjaveh" (lower-case letters, digits and single hyphens)' })
  .describe("Stable kebab-case id, unique in its file and never reused; also the record's anchor on the site.");

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The earliest year any date in the data may have (the oldest facts are the pipeline's first talks, in the 1950s). */
export const EARLIEST_YEAR = 1900;
/** How far past the build date a date of something that happened may be (time zones, a source dated tomorrow). */
export const FUTURE_MARGIN_DAYS = 7;
/** The latest year a planned date (a target's horizon) may have. */
export const LATEST_PLANNED_YEAR = 2100;

/** True when `s` is YYYY, YYYY-MM or YYYY-MM-DD and names a real calendar day or month. */
export function isRealIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

/** The first day of the period an ISO date names (2024 -> 2024-01-01, 2024-05 -> 2024-05-01). */
function startOf(s: string): string {
  return `${s}-01-01`.slice(0, 10);
}

/** The latest date a fact of the past may carry: the build date plus the margin, as YYYY-MM-DD. */
export function latestPlausibleDate(now: Date = new Date()): string {
  return new Date(now.getTime() + FUTURE_MARGIN_DAYS * 86_400_000).toISOString().slice(0, 10);
}

/** True when the date's period starts between 1900 and the build date plus the margin. */
export function isPlausiblePastDate(s: string, now: Date = new Date()): boolean {
  const start = startOf(s);
  return start >= `${EARLIEST_YEAR}-01-01` && start <= latestPlausibleDate(now);
}

const calendarMessage = 'expected an ISO date like 2024-01-16 (or 2024-01, or 2024) that exists in the calendar';

/**
 * An ISO date of something that happened (or was published): a day (2024-01-16), a month
 * (2024-01) or a year (2024), from 1900 to the build date plus a few days. The precision is read
 * from the form itself, so no separate precision field can contradict it. A later date is a typo
 * (2062 for 2026) that would move the site's as-of date and citation year.
 */
export const isoDate = z
  .string({ required_error: 'expected an ISO date like 2024-01-16' })
  .refine(isRealIsoDate, { message: calendarMessage })
  .superRefine((s, ctx) => {
    if (isRealIsoDate(s) && !isPlausiblePastDate(s)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `expected a date from ${EARLIEST_YEAR} to the build date (${latestPlausibleDate()}, a week's margin included): a later one is a typo or a plan, an earlier one a typo`,
      });
    }
  })
  .describe(`ISO date: 2024-01-16, or 2024-01 / 2024 when only the month or year is known; from ${EARLIEST_YEAR} to the build date.`);

/** An ISO date that may lie in the future: a target's horizon, a deadline. From 1900 to 2100. */
export const plannedIsoDate = z
  .string({ required_error: 'expected an ISO date like 2028 or 2028-06-30' })
  .refine(isRealIsoDate, { message: calendarMessage })
  .refine((s) => !isRealIsoDate(s) || (startOf(s) >= `${EARLIEST_YEAR}-01-01` && Number(s.slice(0, 4)) <= LATEST_PLANNED_YEAR), {
    message: `expected a date from ${EARLIEST_YEAR} to ${LATEST_PLANNED_YEAR}`,
  })
  .describe(`ISO date that may lie ahead (2028, 2028-06, 2028-06-30); from ${EARLIEST_YEAR} to ${LATEST_PLANNED_YEAR}.`);

/**
 * A number that is a number: finite (JSON cannot write Infinity, but 1e400 reads as Infinity, and
 * the page would show "$0 m" and the published JSON null).
 */
export const finiteNumber = z.number({ invalid_type_error: 'expected a number' }).finite({ message: 'expected a finite number (is the exponent a typo?)' });

/** How sure the research sheet is of a fact: high (official or several outlets), medium (one reputable outlet), low (blog, aggregator, inconsistent). */
export const confidence = oneOf(['high', 'medium', 'low']).describe(
  'How sure the research sheet is: high (official, or several outlets agree), medium (one reputable outlet), ' +
    'low (blog, aggregator, inconsistent; marked wherever shown).',
);

/** Ids of records in data/sources.json that support this record; at least one. */
export const sourceIds = z
  .array(recordId, { required_error: 'expected a list of source ids from data/sources.json' })
  .min(1, { message: 'expected at least one source id from data/sources.json' })
  .describe('Ids of the sources in sources.json that support it (at least one).');

/**
 * The bounding box of the two border provinces, Balochistan and Sistan and Baluchestan, from the
 * committed Natural Earth basemap (data/geo/basemap.topo.json), rounded outwards to 0.1°
 * (tests/unit/primitives.test.ts checks it against the basemap). Every crossing and incident falls
 * inside it; a point outside is a typo (a swapped latitude and longitude, a lost minus sign).
 */
export const BORDER_BOX = { minLat: 24.8, maxLat: 32.1, minLon: 58.7, maxLon: 70.3 } as const;

type Box = { minLat: number; maxLat: number; minLon: number; maxLon: number };

function latitudeIn(box: Box, where: string) {
  const message = `expected a latitude inside ${where} (${box.minLat} to ${box.maxLat})`;
  return z
    .number({ invalid_type_error: 'expected a latitude in decimal degrees' })
    .finite({ message: 'expected a latitude in decimal degrees' })
    .min(box.minLat, { message })
    .max(box.maxLat, { message });
}
function longitudeIn(box: Box, where: string) {
  const message = `expected a longitude inside ${where} (${box.minLon} to ${box.maxLon})`;
  return z
    .number({ invalid_type_error: 'expected a longitude in decimal degrees' })
    .finite({ message: 'expected a longitude in decimal degrees' })
    .min(box.minLon, { message })
    .max(box.maxLon, { message });
}

/** Latitude inside the region (20-35 N). */
export const latitude = latitudeIn(REGION, 'the region');

/** Longitude inside the region (50-75 E). */
export const longitude = longitudeIn(REGION, 'the region');

/**
 * How a point was placed: `exact` (the site itself), `town` (the named town or village), `district`
 * (a district or county seat standing in for a site inside it), `derived` (computed; `geoNote` says how).
 */
export const geoPrecision = oneOf(['exact', 'town', 'district', 'derived']).describe(
  'How the point was placed: exact (the site), town (the named town), district (a district seat standing in), derived (computed; see geoNote).',
);

const geoNote = z.string().min(1).optional().describe('How the point was chosen; required unless the point is exact.');
const coordinateSources = sourceIds.optional().describe("Sources for the coordinate itself (e.g. the gazetteer), when they differ from the record's.");

function geoPointIn(box: Box, where: string) {
  return z
    .object({
      lat: latitudeIn(box, where).describe('Latitude, decimal degrees north.'),
      lon: longitudeIn(box, where).describe('Longitude, decimal degrees east.'),
      geoPrecision,
      /** How the point was chosen; required unless the point is exact. */
      geoNote,
      sourceIds: coordinateSources,
    })
    .strict()
    .superRefine((p, ctx) => {
      if (p.geoPrecision !== 'exact' && !p.geoNote) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['geoNote'], message: `expected a note saying how a "${p.geoPrecision}" point was placed` });
      }
    });
}

/** A point on the map, with how precisely it is known (anywhere in the region: towns, the pipeline). */
export const geoPoint = geoPointIn(REGION, 'the region');

/** A point in the border provinces (crossings and incidents). */
export const borderPoint = geoPointIn(BORDER_BOX, 'the border provinces (Balochistan, Sistan and Baluchestan)');
export type GeoPoint = z.infer<typeof geoPoint>;

/**
 * A place known only to its district or county: no coordinates at all. Drawn as its district's
 * stretch of the border (the record names the district), never as a point.
 */
export const districtArea = z
  .object({
    geoPrecision: z
      .literal('district', {
        errorMap: () => ({ message: 'expected "district" (a location without lat and lon is placed only to its district), or a point with lat and lon' }),
      })
      .describe('"district": no source gives a point, only the district or county; the record names it.'),
    geoNote: z
      .string({ required_error: 'expected a note saying what is known of the place and why no point is drawn' })
      .min(1)
      .describe('What is known of the place and why no point is drawn.'),
    sourceIds: coordinateSources,
  })
  .strict();
export type DistrictArea = z.infer<typeof districtArea>;

/** The point of a location, or undefined when it is known only to its district (or not at all). */
export function pointOf<P extends { lat: number; lon: number }>(loc: P | DistrictArea | null | undefined): P | undefined {
  return loc && 'lat' in loc ? loc : undefined;
}

/** A count that sources may report differently: `min` and `max` (equal when they agree). */
export const countRange = z
  .object({
    min: finiteNumber
      .int({ message: 'expected a whole number' })
      .nonnegative({ message: 'expected a count of 0 or more' })
      .describe('The lowest count a source gives (the only one, when they agree).'),
    max: finiteNumber
      .int({ message: 'expected a whole number' })
      .nonnegative({ message: 'expected a count of 0 or more' })
      .describe('The highest count a source gives (equal to min when they agree).'),
    note: z.string().min(1).optional().describe('Which source says which number, when they differ.'),
  })
  .strict()
  .refine((r) => r.min <= r.max, { message: 'expected min to be less than or equal to max', path: ['max'] });

/** An amount of money: a non-negative number, its currency and the unit it is counted in. */
export const money = z
  .object({
    value: finiteNumber
      .nonnegative({ message: 'expected an amount of 0 or more' })
      .describe('The amount, counted in unit (1.2 with unit "billion" is 1.2 billion).'),
    currency: z.enum(['USD', 'PKR'], { errorMap: () => ({ message: 'expected "USD" or "PKR"' }) }).describe('The currency: US dollars or Pakistani rupees.'),
    unit: oneOf(['one', 'thousand', 'million', 'billion']).describe('What value counts: ones, thousands, millions or billions.'),
  })
  .strict();

/** A short text in another script, with its BCP 47 language tag (e.g. "fa", "ur"). */
export const localText = z
  .object({
    text: z.string().min(1).describe('The text in its own script.'),
    lang: z
      .string()
      .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/, { message: 'expected a language tag like "fa" or "ur"' })
      .describe('Its BCP 47 language tag ("fa", "ur", "ar").'),
  })
  .strict();

/** The article's sections, in the article's order, plus the follow-up section. Also the page's section ids. */
export const SECTIONS = ['visit', 'trade', 'security', 'smuggling', 'pipeline', 'balancing', 'cpec', 'what-next'] as const;
export const sectionId = oneOf(SECTIONS);

/** Fields every sourced record has. */
export const sourcedRecord = {
  id: recordId,
  sourceIds,
  /** How sure the research sheet is; low-confidence records are marked wherever they are shown. */
  confidence,
};
