import { z } from 'astro/zod';
import { REFERABLE_DATASETS } from './names';
import { confidence, finiteNumber, isoDate, oneOf, recordId, sectionId, sourceIds } from './primitives';

export const VERDICTS = ['supported', 'differs', 'disputed', 'unverified'] as const;

/** A reference from a claim to a record: "dataset/id", e.g. "pipeline/cce-approves-80-km". */
export const recordRef = z.string().regex(new RegExp(`^(${REFERABLE_DATASETS.join('|')})/[a-z0-9]+(?:-[a-z0-9]+)*$`), {
  message: 'expected a reference like "pipeline/cce-approves-80-km" (dataset/id)',
});

/** A later development that bears on a claim, dated so no reader mistakes it for what the article knew. */
export const claimUpdate = z
  .object({
    date: isoDate,
    note: z.string().min(1),
    sourceIds,
    confidence: confidence.optional().describe('How sure the research sheet is of this update (absent: high); low is marked wherever it is shown.'),
  })
  .strict();

/** One checkable claim of the article, checked against independent sources. */
export const claimSchema = z
  .object({
    id: recordId,
    section: sectionId.describe('The article section it comes from.'),
    quote: z
      .string()
      .min(1)
      .max(300, { message: 'expected a short excerpt of at most 300 characters' })
      .describe('A short excerpt of the article (at most 300 characters: excerpts, never the article).'),
    value: finiteNumber.nonnegative().optional().describe('What the article says, as a number, when it is one.'),
    unit: z.string().min(1).optional().describe('The unit of `value` ("USD bn", "km", "t/day", "documents").'),
    date: isoDate.optional().describe('What the article says, as a date, when it is one.'),
    label: z.string().min(1).max(60).optional().describe('Short annotation text for charts ("Article: March 2024"), under 60 characters.'),
    verdict: oneOf(VERDICTS).describe('supported | differs (sources give another value) | disputed (sources disagree among themselves) | unverified.'),
    note: z.string().min(1).optional().describe('What the sources say, where it differs from the article or among themselves.'),
    finding: z
      .string()
      .min(1)
      .max(120, { message: 'expected one line of at most 120 characters' })
      .optional()
      .describe(
        "One line for the claim's compact row on the explainer: what the note finds, in the note's own facts (nothing the note does not say), at most 120 characters. Without it the row shows the note's first sentence.",
      ),
    /** Independent sources checked (not the article itself). */
    sourceIds,
    about: z.array(recordRef).default([]).describe('The dataset records the claim is about.'),
    updates: z.array(claimUpdate).optional().describe('Later developments, dated.'),
  })
  .strict()
  .refine((c) => c.value === undefined || c.unit !== undefined, { message: 'expected a unit for the value', path: ['unit'] });
export type Claim = z.infer<typeof claimSchema>;
export const claimsSchema = z.array(claimSchema);
