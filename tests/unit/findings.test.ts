/**
 * Findings first: every number under the explainer's title is computed from the data. The tally
 * equals the claims, the pledges' outcome their latest entries, the trade line the trade records;
 * change the data and the findings change; a claim without a written finding gets its note's first
 * sentence; the rendered block says what the data says.
 */
import { describe, expect, it } from 'vitest';
import { getData } from '../../src/lib/data';
import { claimTally, findingOf, findings, pledgeOutcome, tradeGap } from '../../src/lib/findings';
import { currentStatus } from '../../src/lib/pledges';
import { VERDICTS } from '../../src/schemas/claims';
import { claimSchema } from '../../src/schemas/claims';
import type { Datasets } from '../../src/lib/validation';
import Findings from '../../src/components/Findings.astro';
import VerdictTally from '../../src/components/charts/VerdictTally.astro';
import { renderComponent } from '../charts/golden';

const data = getData();

describe('the tally of claims by verdict', () => {
  it("counts every claim once, by its verdict, in the schema's order", () => {
    const t = claimTally(data.claims);
    expect(t.total).toBe(data.claims.length);
    expect(t.byVerdict.map((v) => v.verdict)).toEqual([...VERDICTS]);
    expect(t.byVerdict.reduce((n, v) => n + v.n, 0)).toBe(data.claims.length);
    for (const v of t.byVerdict) {
      expect(v.n, v.verdict).toBe(data.claims.filter((c) => c.verdict === v.verdict).length);
      expect(v.claims.map((c) => c.id)).toEqual(data.claims.filter((c) => c.verdict === v.verdict).map((c) => c.id));
    }
  });

  it('follows the data: a verdict changed is a count changed', () => {
    const claims = structuredClone(data.claims);
    const supported = claims.find((c) => c.verdict === 'supported')!;
    supported.verdict = 'differs';
    const before = claimTally(data.claims).byVerdict;
    const after = claimTally(claims).byVerdict;
    const n = (list: typeof before, v: string) => list.find((x) => x.verdict === v)!.n;
    expect(n(after, 'supported')).toBe(n(before, 'supported') - 1);
    expect(n(after, 'differs')).toBe(n(before, 'differs') + 1);
  });

  it("is drawn with the data's counts, each bar a link to that verdict in the ledger", async () => {
    const t = claimTally(data.claims);
    const html = await renderComponent(VerdictTally, { tally: t });
    for (const v of t.byVerdict) {
      expect(html).toMatch(new RegExp(`data-verdict="${v.verdict}" data-n="${v.n}"`));
      expect(html).toContain(`href="/claims/#verdict-${v.verdict}"`);
      expect(html).toMatch(new RegExp(`<rect width="${v.n}" height="1" class="fill"`));
    }
    const top = [...t.byVerdict].sort((a, b) => b.n - a.n)[0]!;
    expect(html).toContain(`${top.n} of the article&#39;s ${t.total} checked claims`);
  });
});

describe('the findings under the title', () => {
  it('names every claim where the article differs from the record, and where the sources disagree', async () => {
    const f = findings(data);
    expect(f.differs.map((c) => c.id)).toEqual(data.claims.filter((c) => c.verdict === 'differs').map((c) => c.id));
    expect(f.disputed.map((c) => c.id)).toEqual(data.claims.filter((c) => c.verdict === 'disputed').map((c) => c.id));
    const html = await renderComponent(Findings, {});
    for (const c of [...f.differs, ...f.disputed]) expect(html).toContain(`href="#claim-${c.id}"`);
    expect(html).toContain(`Where the article differs from the record (${f.differs.length})`);
  });

  it('says what became of every pledge, by its latest dated entry', async () => {
    const o = pledgeOutcome(data.pledges);
    expect(o.total).toBe(data.pledges.length);
    expect(o.byStatus.flatMap((g) => g.pledges).length).toBe(data.pledges.length);
    for (const g of o.byStatus) for (const p of g.pledges) expect(currentStatus(p).status).toBe(g.status);
    expect(o.asOf).toBe(
      data.pledges
        .map((p) => p.history[p.history.length - 1]!.date)
        .sort()
        .at(-1),
    );
    const html = await renderComponent(Findings, {});
    expect(html).toContain(`What became of its ${data.pledges.length} pledges`);
    for (const g of o.byStatus.filter((x) => x.status !== 'no news')) for (const p of g.pledges) expect(html).toContain(`href="#pledge-${p.id}"`);
  });

  it('compares the best reported year of trade with the targets, from the trade records', () => {
    const g = tradeGap(data.trade)!;
    const flows = data.trade.filter((r) => r.kind === 'flow' && r.basis !== 'part-year' && r.amount.currency === 'USD') as Extract<
      Datasets['trade'][number],
      { kind: 'flow' }
    >[];
    const bn = (a: { value: number; unit: string }) => a.value * ({ one: 1e-9, thousand: 1e-6, million: 1e-3, billion: 1 } as Record<string, number>)[a.unit]!;
    expect(g.bestBn).toBeCloseTo(Math.max(...flows.map((f) => bn(f.amount))), 9);
    const targets = data.trade.filter((r) => r.kind === 'target' && r.confidence !== 'low');
    expect(g.lowestTargetBn).toBe(Math.min(...targets.map((t) => bn(t.amount))));
    expect(g.reached).toBe(g.bestBn >= g.lowestTargetBn);
    // A year at the target would be said.
    const more = structuredClone(data.trade);
    const best = more.find((r) => r.kind === 'flow' && r.period === g.bestPeriod)!;
    best.amount = { value: 20, currency: 'USD', unit: 'billion' };
    expect(tradeGap(more)!.reached).toBe(true);
  });

  it('dates the record by its newest source', async () => {
    const f = findings(data);
    expect(f.latestSource).toBe(
      data.sources
        .map((s) => s.published ?? '')
        .sort()
        .at(-1),
    );
    const html = await renderComponent(Findings, {});
    expect(html).toContain(`datetime="${f.latestSource}"`);
  });
});

describe('one-line findings', () => {
  it('every claim has one, of at most 120 characters (written from its note)', () => {
    for (const c of data.claims) {
      expect(c.finding, c.id).toBeTruthy();
      expect(c.finding!.length, c.id).toBeLessThanOrEqual(120);
    }
    const long = { ...data.claims[0]!, finding: 'x'.repeat(121) };
    expect(claimSchema.safeParse(long).success).toBe(false);
  });

  it("falls back to the note's first sentence when a claim has none", () => {
    const c = { ...data.claims[0]!, finding: undefined, note: 'First sentence, with 2.5 km in it. Second "sentence" here.' };
    expect(findingOf(c)).toBe('First sentence, with 2.5 km in it.');
    expect(findingOf({ ...c, note: 'Only one sentence' })).toBe('Only one sentence');
    expect(findingOf({ ...c, note: undefined })).toBe('');
  });
});
