/**
 * What a reader gets in 30 seconds, computed from the data (never typed): the tally of the
 * article's claims by verdict, where the article differs from the record, what became of its
 * pledges, how trade compares with its targets, and how far the record runs.
 */
import type { Claim } from '../schemas/claims';
import type { Pledge } from '../schemas/pledges';
import type { TradeFlow, TradeTarget } from '../schemas/trade';
import { PLEDGE_STATUSES } from '../schemas/pledges';
import { getData, latestSearchDate, latestSourceDate, type Datasets } from './data';
import { VERDICTS, type Verdict } from './verdicts';
import { currentStatus, type PledgeStatus } from './pledges';
import { moneyValue } from './format';

export interface Tally {
  total: number;
  /** Every verdict in the schema's order, with its claims in the page's order (zero counts kept). */
  byVerdict: { verdict: Verdict; n: number; claims: Claim[] }[];
}

/** The claims by verdict: every claim counted once, in the order of claims.json. */
export function claimTally(claims: readonly Claim[]): Tally {
  return {
    total: claims.length,
    byVerdict: VERDICTS.map((verdict) => {
      const list = claims.filter((c) => c.verdict === verdict);
      return { verdict, n: list.length, claims: list };
    }),
  };
}

/**
 * A claim's one-line finding: its `finding` field, written from its note; else the note's first
 * sentence (a mechanical cut, so a new claim without a finding still gets a line).
 */
export function findingOf(c: Claim): string {
  if (c.finding) return c.finding;
  if (!c.note) return '';
  const m = /^(.+?[.!?])(?:\s+(?=[A-Z“"'(])|$)/.exec(c.note);
  return (m ? m[1]! : c.note).trim();
}

export interface PledgeOutcome {
  total: number;
  /** Statuses in the schema's order, with the pledges now in each (zero counts left out). */
  byStatus: { status: PledgeStatus; pledges: Pledge[] }[];
  /** The newest "as of" date among the pledges. */
  asOf: string;
}

/** What became of the pledges: each pledge's current status is its latest dated entry's. */
export function pledgeOutcome(pledges: readonly Pledge[]): PledgeOutcome {
  return {
    total: pledges.length,
    byStatus: PLEDGE_STATUSES.map((status) => ({ status, pledges: pledges.filter((p) => currentStatus(p).status === status) })).filter(
      (g) => g.pledges.length > 0,
    ),
    asOf: pledges.reduce((acc, p) => (currentStatus(p).asOf > acc ? currentStatus(p).asOf : acc), ''),
  };
}

export interface TradeGap {
  /** The highest value of any reported full year of trade, US$ bn (every reporter and direction). */
  bestBn: number;
  bestPeriod: string;
  /** The lowest and highest targets set (of high or medium confidence), US$ bn. */
  lowestTargetBn: number;
  highestTargetBn: number;
  /** Whether any reported full year reached the lowest target. */
  reached: boolean;
}

/** How reported trade compares with the targets (full years only; part-year figures are not years). */
export function tradeGap(trade: Datasets['trade']): TradeGap | undefined {
  const flows = trade.filter((r): r is TradeFlow => r.kind === 'flow' && r.basis !== 'part-year' && r.amount.currency === 'USD');
  const targets = trade.filter((r): r is TradeTarget => r.kind === 'target' && r.confidence !== 'low' && r.amount.currency === 'USD');
  if (flows.length === 0 || targets.length === 0) return undefined;
  const bn = (m: TradeFlow['amount']) => moneyValue(m) / 1e9;
  const best = flows.reduce((a, b) => (bn(b.amount) > bn(a.amount) ? b : a));
  const values = targets.map((t) => bn(t.amount));
  const lowest = Math.min(...values);
  return { bestBn: bn(best.amount), bestPeriod: best.period, lowestTargetBn: lowest, highestTargetBn: Math.max(...values), reached: bn(best.amount) >= lowest };
}

export interface Findings {
  tally: Tally;
  /** Claims where the sources give another value, then those where they disagree among themselves. */
  differs: Claim[];
  disputed: Claim[];
  pledges: PledgeOutcome;
  trade: TradeGap | undefined;
  /** The newest publication date among the sources, and how far the search ran. */
  latestSource: string;
  searched: string;
}

export function findings(data: Datasets = getData()): Findings {
  const tally = claimTally(data.claims);
  return {
    tally,
    differs: tally.byVerdict.find((v) => v.verdict === 'differs')!.claims,
    disputed: tally.byVerdict.find((v) => v.verdict === 'disputed')!.claims,
    pledges: pledgeOutcome(data.pledges),
    trade: tradeGap(data.trade),
    latestSource: latestSourceDate(data),
    searched: latestSearchDate(data),
  };
}
