import { z } from 'astro/zod';
import { isoDate, money, oneOf, plannedIsoDate, sourcedRecord } from './primitives';

/** Who reported a trade value. Two reporters' series are never joined. */
export const REPORTERS = ['pakistan-customs', 'pakistan-sbp', 'iran-customs', 'iran-officials', 'iran-embassy', 'itc-trade-map', 'unspecified'] as const;
/** The accounting period: Pakistan's fiscal year (July-June), the Iranian year (~21 March-20 March), the calendar year, or a part of one. */
export const BASES = ['pakistan-fiscal-year', 'iranian-year', 'calendar-year', 'part-year'] as const;

const reporter = oneOf(REPORTERS);

/** A reported trade value for one period, flow and reporter. */
export const tradeFlowSchema = z
  .object({
    ...sourcedRecord,
    kind: z.literal('flow'),
    reporter,
    basis: oneOf(BASES),
    period: z.string().min(1).describe('The period as its reporter names it ("FY2024", "1403", "Jan-Apr 2024").'),
    periodStart: isoDate.describe('First and last day (or month) of the period.'),
    periodEnd: isoDate,
    flow: z
      .enum(['pk-to-ir', 'ir-to-pk', 'total'], { errorMap: () => ({ message: 'expected "pk-to-ir", "ir-to-pk" or "total"' }) })
      .describe("Direction: Pakistan's exports to Iran, Iran's exports to Pakistan, or both together."),
    amount: money,
    note: z.string().min(1).optional().describe('Conflicts, scope limits (a province only, banking channel only).'),
  })
  .strict();

/** An official target for bilateral trade. */
export const tradeTargetSchema = z
  .object({
    ...sourcedRecord,
    kind: z.literal('target'),
    dateSet: isoDate.describe('When the target was set or restated.'),
    amount: money,
    horizon: plannedIsoDate.optional().describe('The date the target should be met by, where stated or derivable from the text ("within five years").'),
    horizonText: z.string().min(1).optional().describe("The horizon in the source's words."),
    setBy: z.string().min(1).describe('Who set it (the occasion).'),
    note: z.string().min(1).optional(),
  })
  .strict();

/** A "current trade is about $X" statement by an official: not part of any series. */
export const tradeHeadlineSchema = z
  .object({
    ...sourcedRecord,
    kind: z.literal('headline'),
    date: isoDate,
    amount: money,
    saidBy: z.string().min(1).describe('Who said it.'),
    note: z.string().min(1).optional(),
  })
  .strict();

export const tradeRecordSchema = z
  .discriminatedUnion('kind', [tradeFlowSchema, tradeTargetSchema, tradeHeadlineSchema], {
    errorMap: (issue, ctx) =>
      issue.code === 'invalid_union_discriminator' ? { message: 'expected kind "flow", "target" or "headline"' } : { message: ctx.defaultError },
  })
  .superRefine((t, ctx) => {
    if (t.kind === 'flow' && t.periodEnd < t.periodStart) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['periodEnd'], message: 'expected periodEnd on or after periodStart' });
    }
    if (t.kind === 'target' && t.horizon && !(t.horizon > t.dateSet)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['horizon'], message: 'expected the horizon to come after the date the target was set' });
    }
  });
export type TradeFlow = z.infer<typeof tradeFlowSchema>;
export type TradeTarget = z.infer<typeof tradeTargetSchema>;
export type TradeHeadline = z.infer<typeof tradeHeadlineSchema>;
export type TradeRecord = z.infer<typeof tradeRecordSchema>;
export const tradeSchema = z.array(tradeRecordSchema);
