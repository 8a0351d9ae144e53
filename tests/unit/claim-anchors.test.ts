/**
 * Claim anchors: a claim is `#claim-<id>`; its quote had `claim-<id>-q`, which is also the anchor of a
 * claim whose id is `<id>-q`. The quote's id now has its own prefix (`quote-<id>`, which no other
 * anchor uses), and the old id stays on the quote wherever no claim has it, so old links still land.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Claim from '../../src/components/Claim.astro';
import ClaimRow from '../../src/components/ClaimRow.astro';
import { getData, resetDataCache } from '../../src/lib/data';
import { renderComponent } from '../charts/golden';

const dir = mkdtempSync(join(tmpdir(), 'ipx-claims-'));
const before = process.env.DATA_DIR;
afterAll(() => {
  if (before === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = before;
  resetDataCache();
  rmSync(dir, { recursive: true, force: true });
});

const ids = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);

describe('claim anchors', () => {
  it('never collide, even when a claim id ends in -q, and keep the old quote anchor where it is free', async () => {
    cpSync('data', dir, { recursive: true });
    const claims = JSON.parse(readFileSync(join(dir, 'claims.json'), 'utf8')) as { id: string }[];
    const [a, b] = claims as [{ id: string }, { id: string }];
    claims.push({ ...a, id: `${a.id}-q` });
    writeFileSync(join(dir, 'claims.json'), JSON.stringify(claims));
    process.env.DATA_DIR = dir;
    resetDataCache();
    const data = getData();
    const clashing = data.claims.find((c) => c.id === a.id)!;
    const suffixed = data.claims.find((c) => c.id === `${a.id}-q`)!;
    const free = data.claims.find((c) => c.id === b.id)!;

    const render = async (claim: unknown) => (await renderComponent(Claim, { claim })).replace(/ data-astro-cid-[a-z0-9]+(="")?/g, '');
    const page = (await render(clashing)) + (await render(suffixed)) + (await render(free));
    const all = ids(page);
    expect(all.length).toBe(new Set(all).size);
    // The claim ending in -q owns its anchor; the other claim's quote is reached as quote-<id>.
    expect(all.filter((id) => id === `claim-${a.id}-q`)).toHaveLength(1);
    expect(page).toMatch(new RegExp(`<aside[^>]*id="claim-${a.id}-q"`));
    expect(page).toMatch(new RegExp(`<blockquote[^>]*id="quote-${a.id}"`));
    // A claim whose old quote anchor is free keeps it, inside the quote.
    expect(page).toMatch(new RegExp(`<blockquote[^>]*id="quote-${b.id}"[^>]*>\\s*<span id="claim-${b.id}-q">`));
    // Each claim is labelled by its own quote.
    expect(page).toMatch(new RegExp(`id="claim-${a.id}" aria-labelledby="quote-${a.id}"`));

    // The explainer's compact rows keep the same anchors: the row is the claim, the quote in its summary.
    const row = async (claim: unknown) => (await renderComponent(ClaimRow, { claim })).replace(/ data-astro-cid-[a-z0-9]+(="")?/g, '');
    const rows = (await row(clashing)) + (await row(suffixed)) + (await row(free));
    const rowIds = ids(rows);
    expect(rowIds.length).toBe(new Set(rowIds).size);
    expect(rowIds.filter((id) => id === `claim-${a.id}-q`)).toHaveLength(1);
    expect(rows).toMatch(new RegExp(`<details[^>]*id="claim-${a.id}-q"`));
    expect(rows).toMatch(new RegExp(`<q id="quote-${b.id}"[^>]*><span id="claim-${b.id}-q">`));
  });
});
