/**
 * Model of the smuggling comparison: each sourced figure a card in its own unit (tonnes, litres,
 * money and shares never share an axis), the article's figure marked from its claim.
 */
import type { Claim } from '../../schemas/claims';
import type { SmugglingFigure } from '../../schemas/smuggling';
import { formatNumber } from '../format';

export interface SmugglingCard {
  id: string;
  measure: string;
  value: string;
  unit: string;
  basis: string;
  /** Absent when no source dates the figure. */ date?: string;
  article: boolean;
  label?: string;
  lowConfidence: boolean;
  followUp: boolean;
  kind: 'volume' | 'money' | 'share';
}

export function smugglingModel(figures: SmugglingFigure[], claim: Claim | undefined): { cards: SmugglingCard[]; articleCard?: SmugglingCard } {
  const articleIds = new Set(
    (claim?.about ?? [])
      .filter((r) => r.startsWith('smuggling/'))
      .slice(0, 1)
      .map((r) => r.slice('smuggling/'.length)),
  );
  const kindOf = (unit: string): SmugglingCard['kind'] => (/%/.test(unit) ? 'share' : /USD|PKR|Rs/.test(unit) ? 'money' : 'volume');
  const order = { volume: 0, share: 1, money: 2 } as const;
  const cards = figures
    .map((f) => ({
      id: f.id,
      measure: f.measure,
      value: formatNumber(f.value),
      unit: f.unit,
      basis: f.basis,
      date: f.date,
      article: articleIds.has(f.id),
      label: articleIds.has(f.id) ? claim?.label : undefined,
      lowConfidence: f.confidence === 'low',
      followUp: f.followUp,
      kind: kindOf(f.unit),
    }))
    .sort((a, b) => Number(b.article) - Number(a.article) || order[a.kind] - order[b.kind] || (a.date ?? '9999').localeCompare(b.date ?? '9999'));
  return { cards, articleCard: cards.find((c) => c.article) };
}
