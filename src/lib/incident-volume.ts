/**
 * How the explainer stays light when the incident data grows from a hand-sourced few dozen to a
 * conflict-event dataset: up to EACH_UP_TO incidents every one is drawn, listed and focusable;
 * beyond that, the page shows totals (per month and side, per map cell) and a short list, and the
 * full records stay in the downloads and the map's data files, which load only with the map.
 */
import type { Claim } from '../schemas/claims';
import type { Incident } from '../schemas/incidents';

export const EACH_UP_TO = 200;
/** How many incidents the page still lists one by one beyond EACH_UP_TO (plus any a claim refers to). */
export const LISTED_BEYOND = 25;

export interface QuarterTotal {
  /** "2024-Q1" */
  quarter: string;
  /** The quarter's middle day, where the chart draws it. */
  mid: string;
  /** "Jan-Mar 2024" */
  label: string;
  iran: { n: number; min: number; max: number; uncounted: number };
  pakistan: { n: number; min: number; max: number; uncounted: number };
}

const QUARTER_WORDS = ['Jan-Mar', 'Apr-Jun', 'Jul-Sep', 'Oct-Dec'];

/**
 * Totals per quarter and side (the sums of the lowest and of the highest reported counts). Quarters,
 * not months: a few dozen marks and table rows for any number of incidents, about as many as the
 * hand-sourced set draws one by one, so the page weighs the same at a hundred thousand.
 */
export function quarterlyTotals(incidents: readonly Incident[]): QuarterTotal[] {
  const bins = new Map<string, QuarterTotal>();
  for (const i of incidents) {
    const year = i.date.slice(0, 4);
    const q = i.date.length >= 7 ? Math.floor((Number(i.date.slice(5, 7)) - 1) / 3) : 0;
    const key = `${year}-Q${q + 1}`;
    let b = bins.get(key);
    if (!b) {
      const zero = () => ({ n: 0, min: 0, max: 0, uncounted: 0 });
      b = { quarter: key, mid: `${year}-${String(q * 3 + 2).padStart(2, '0')}-15`, label: `${QUARTER_WORDS[q]} ${year}`, iran: zero(), pakistan: zero() };
      bins.set(key, b);
    }
    const side = b[i.side];
    side.n += 1;
    if (i.killed) {
      side.min += i.killed.min;
      side.max += i.killed.max;
    } else side.uncounted += 1;
  }
  return [...bins.values()].sort((a, b) => a.quarter.localeCompare(b.quarter));
}

/**
 * The incidents the page lists: all of them up to EACH_UP_TO; beyond, the ones a claim refers to
 * (their anchors must land) and the LISTED_BEYOND deadliest, in date order.
 */
export function listedIncidents(incidents: readonly Incident[], claims: readonly Claim[]): { listed: Incident[]; all: boolean } {
  const sorted = [...incidents].sort((a, b) => a.date.localeCompare(b.date));
  if (incidents.length <= EACH_UP_TO) return { listed: sorted, all: true };
  const cited = new Set(
    claims
      .flatMap((c) => c.about)
      .filter((a) => a.startsWith('incidents/'))
      .map((a) => a.slice('incidents/'.length)),
  );
  const deadliest = new Set(
    [...incidents]
      .sort((a, b) => (b.killed?.max ?? -1) - (a.killed?.max ?? -1))
      .slice(0, LISTED_BEYOND)
      .map((i) => i.id),
  );
  return { listed: sorted.filter((i) => cited.has(i.id) || deadliest.has(i.id)), all: false };
}
