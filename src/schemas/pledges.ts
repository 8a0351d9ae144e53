import { z } from 'astro/zod';
import { confidence, isoDate, oneOf, recordId, sourceIds } from './primitives';
import { recordRef } from './claims';

export const PLEDGE_STATUSES = ['pledged', 'in progress', 'done', 'stalled', 'reversed', 'no news'] as const;

/** One dated status of a pledge. */
export const pledgeEntry = z
  .object({
    date: isoDate,
    status: oneOf(PLEDGE_STATUSES),
    note: z.string().min(1),
    sourceIds,
    confidence,
  })
  .strict();

/** A pledge or expectation in the article, followed to the latest source. */
export const pledgeSchema = z
  .object({
    id: recordId,
    title: z.string().min(1).max(80).describe('What was pledged, as a short line ("Trade of $10 bn a year").'),
    claimId: recordId.optional().describe('The claim in claims.json it comes from.'),
    about: z.array(recordRef).default([]).describe('Related records.'),
    history: z.array(pledgeEntry).min(1).describe('Dated statuses, oldest first; the current status and its "as of" date are the last entry\'s.'),
  })
  .strict()
  .superRefine((p, ctx) => {
    for (let i = 1; i < p.history.length; i++) {
      if (p.history[i]!.date < p.history[i - 1]!.date) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['history', i, 'date'], message: 'expected history entries in date order' });
      }
    }
  });
export type Pledge = z.infer<typeof pledgeSchema>;
export const pledgesSchema = z.array(pledgeSchema);
