/** The pledge tracker: statuses and "as of" dates derive from the history; the layout keeps every label on the chart. */
import { describe, expect, it } from 'vitest';
import { getData } from '../../src/lib/data';
import { currentStatus } from '../../src/lib/pledges';
import { pledgeTrackerModel } from '../../src/lib/charts/pledges';
import { estimateTextWidth as textWidth } from '../../src/lib/charts/common';
import { pledgeSchema } from '../../src/schemas/pledges';

const { pledges } = getData();

describe('pledge status', () => {
  it('is the latest history entry, with its date as "as of"', () => {
    for (const p of pledges) {
      const last = p.history[p.history.length - 1]!;
      expect(currentStatus(p)).toMatchObject({ status: last.status, asOf: last.date });
    }
  });
  it('changes when a history entry is added', () => {
    const p = structuredClone(pledges[0]!);
    const before = currentStatus(p);
    p.history.push({ date: '2026-07-01', status: 'done', note: 'test entry', sourceIds: [p.history[0]!.sourceIds[0]!], confidence: 'high' });
    expect(currentStatus(p)).toEqual({ status: 'done', asOf: '2026-07-01', lowConfidence: false });
    expect(currentStatus(p)).not.toEqual(before);
  });
  it('marks a current status that rests on a low-confidence source', () => {
    const p = structuredClone(pledges[0]!);
    p.history.push({ date: '2026-07-01', status: 'stalled', note: 'test', sourceIds: ['rasanah-2025'], confidence: 'low' });
    expect(currentStatus(p).lowConfidence).toBe(true);
  });
  it('refuses a history out of date order', () => {
    const p = structuredClone(pledges[0]!);
    p.history.push({ ...p.history[0]!, date: '2020-01-01' });
    expect(pledgeSchema.safeParse(p).success).toBe(false);
  });
});

describe('pledge tracker model', () => {
  // One layout for every width: x in per cent of the width, y in px. The labels are checked at the
  // widths a reader has, with the model's per cents turned into px.
  for (const width of [358, 390, 720, 1024]) {
    it(`keeps every label inside the chart and apart at ${width} px`, () => {
      const m = pledgeTrackerModel(pledges);
      const px = (pct: number) => (pct / 100) * width;
      const boxes = m.rows.flatMap((r) => [
        ...r.titleLines.map((l, k) => ({
          x0: px(r.titleX),
          x1: px(r.titleX) + textWidth(l, 12.5),
          y0: r.titleY + k * 15 - 12,
          y1: r.titleY + k * 15 + 2,
          what: l,
          anchor: 'start',
        })),
        { x0: px(r.statusX) - textWidth(`x ${r.asOfLabel}`, 12), x1: px(r.statusX), y0: r.statusY - 11, y1: r.statusY + 2, what: r.asOfLabel, anchor: 'end' },
      ]);
      for (const b of boxes) {
        // Bold titles run about a sixth wider than the estimate: a line must fit with that to spare.
        const w = (b.x1 - b.x0) * 1.17;
        if (b.anchor === 'start') expect(b.x0 + w, `${b.what} overflows at ${width}`).toBeLessThanOrEqual(width);
        else expect(b.x1 - w, `${b.what} overflows at ${width}`).toBeGreaterThanOrEqual(0);
        expect(b.x1).toBeLessThanOrEqual(width);
        expect(b.x0).toBeGreaterThanOrEqual(0);
        expect(b.y1).toBeLessThanOrEqual(m.height);
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!,
            b = boxes[j]!;
          const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
          expect(overlap, `"${a.what}" overlaps "${b.what}" at ${width}`).toBe(false);
        }
      // Marks (4.5 px circles) stay inside the chart at the narrowest width.
      for (const r of m.rows)
        for (const k of r.marks) {
          expect(px(k.x)).toBeGreaterThanOrEqual(4.5);
          expect(px(k.x)).toBeLessThanOrEqual(width - 4.5);
        }
    });
  }
  it('runs from the pledge date to the newest dated entry, in per cent of the width', () => {
    const m = pledgeTrackerModel(pledges);
    const all = pledges.flatMap((p) => p.history.map((h) => h.date)).sort();
    expect(m.start).toBe(all[0]);
    expect(m.end).toBe(all[all.length - 1]);
    const xs = m.rows.flatMap((r) => r.marks.map((k) => k.x));
    expect(Math.min(...xs)).toBe(m.plot.x0);
    expect(Math.max(...xs)).toBe(m.plot.x1);
    expect(m.plot.x1).toBeLessThanOrEqual(100);
  });
});
