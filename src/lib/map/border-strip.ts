/**
 * The border as a strip: the Pakistani border districts in order from the Afghan tripoint to the
 * sea (districts.json), each with the crossings that lie in it. It is how the map shows a crossing
 * that no source places at a point but every source places in a district: on its district's
 * stretch of the border, never at a point that would pretend. Crossings that have a point are on
 * the strip too, marked as drawn on the map, so the strip reads as the whole border in order.
 * Schematic: the stretches are not to scale, and the order of crossings within a district is not
 * known. Pure, for the static figure, the live map and the tests.
 */
import type { Datasets } from '../data';
import { pointOf } from '../../schemas/primitives';
import { crossingName, KIND_WORD, STATUS_GROUP, STATUS_WORD } from '../labels';
import { formatDate } from '../format';

type Crossing = Datasets['crossings'][number];

/** What the strip and the map's markers say of a crossing at a glance. */
export interface CrossingGlance {
  id: string;
  name: string;
  kind: string;
  status: 'open' | 'notified' | 'planned' | 'closed';
  statusLabel: string;
  statusDate: string;
}

export interface StripCrossing extends CrossingGlance {
  /** True when the crossing is also drawn at a point on the map. */
  onMap: boolean;
  /** The named site of the first source that names one ("Gabd-Kalato 250 border corridor"). */
  site?: string;
  /** The Iranian county, where known. */
  countyIr?: string;
}
export interface StripDistrict {
  id: string;
  name: string;
  order: number;
  crossings: StripCrossing[];
}

/** True when a crossing is known only to its district (a district-level location without a point). */
export function isDistrictOnly(c: Pick<Crossing, 'location'>): boolean {
  return Boolean(c.location) && !pointOf(c.location);
}

/** The border district a crossing lies in, by its districtPk (name or other spelling). */
export function districtOf(c: Pick<Crossing, 'districtPk'>, data: Pick<Datasets, 'districts'>): Datasets['districts'][number] | undefined {
  return c.districtPk ? data.districts.find((d) => d.name === c.districtPk || d.altNames?.includes(c.districtPk!)) : undefined;
}

export function borderStrip(data: Pick<Datasets, 'districts' | 'crossings'>): StripDistrict[] {
  return [...data.districts]
    .sort((a, b) => a.order - b.order)
    .map((d) => ({
      id: d.id,
      name: d.name,
      order: d.order,
      crossings: data.crossings
        .filter((c) => districtOf(c, data)?.id === d.id && (isDistrictOnly(c) || pointOf(c.location)))
        .map((c) => {
          const last = c.history[c.history.length - 1]!;
          return {
            id: c.id,
            name: crossingName(c),
            kind: KIND_WORD[c.kind],
            status: STATUS_GROUP[last.status],
            statusLabel: STATUS_WORD[last.status],
            statusDate: formatDate(last.date),
            onMap: Boolean(pointOf(c.location)),
            ...(c.sites?.[0] ? { site: c.sites[0].name } : {}),
            ...(c.countyIr ? { countyIr: c.countyIr } : {}),
          };
        }),
    }));
}

/** How the crossings are placed, for a figure title that stays true: at a point, only by district, not at all. */
export function crossingPlacement(crossings: readonly Pick<Crossing, 'location'>[]): {
  total: number;
  points: number;
  atTown: boolean;
  districtOnly: number;
  unknown: number;
} {
  const points = crossings.filter((c) => pointOf(c.location));
  return {
    total: crossings.length,
    points: points.length,
    atTown: points.length > 0 && points.every((c) => pointOf(c.location)!.geoPrecision === 'town'),
    districtOnly: crossings.filter(isDistrictOnly).length,
    unknown: crossings.filter((c) => !c.location).length,
  };
}
