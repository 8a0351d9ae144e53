/**
 * Words for coded values (status, kind, side, how a point was placed), shared by the HTML lists,
 * the static locator and the live map, so the three always say the same thing. (Presentation, no facts.)
 */
import type { Crossing } from '../schemas/crossings';
import type { Incident } from '../schemas/incidents';

type Status = Crossing['history'][number]['status'];
type Precision = NonNullable<Crossing['location']>['geoPrecision'];

export const STATUS_WORD: Record<Status, string> = {
  open: 'Open',
  notified: 'Notified',
  planned: 'Planned',
  closed: 'Closed',
  reopened: 'Reopened',
  'market-opened': 'Market opened',
  agreed: 'Agreed',
};
/** The four statuses the map styles by; the others read as one of them. */
export const STATUS_GROUP: Record<Status, 'open' | 'notified' | 'planned' | 'closed'> = {
  open: 'open',
  reopened: 'open',
  'market-opened': 'open',
  notified: 'notified',
  agreed: 'planned',
  planned: 'planned',
  closed: 'closed',
};
export const KIND_WORD: Record<Crossing['kind'], string> = {
  'official-crossing': 'Official crossing',
  'border-market': 'Border market',
  'local-route': 'Local route',
  'free-zone': 'Free zone',
};
export const SIDE_WORD: Record<Incident['side'], string> = { iran: 'In Iran', pakistan: 'In Pakistan' };
export const PRECISION_WORD: Record<Precision, string> = {
  exact: 'exact site',
  town: 'placed at the named town',
  district: 'placed at the district or county seat',
  derived: 'placed by derivation',
};

export function crossingName(c: Pick<Crossing, 'namePk' | 'nameIr'>): string {
  return [c.namePk, c.nameIr].filter(Boolean).join('–');
}

/** "Pakistan: Kech · Iran: Rask": the district and county a crossing is in, where known. */
export function crossingWhere(c: Pick<Crossing, 'districtPk' | 'countyIr'>): string {
  return [c.districtPk && `Pakistan: ${c.districtPk}`, c.countyIr && `Iran: ${c.countyIr}`].filter(Boolean).join(' · ');
}
