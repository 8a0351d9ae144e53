import { z } from 'astro/zod';
import { REFERABLE_DATASETS } from './names';
import { isoDate, oneOf, recordId, SECTIONS, sourceIds } from './primitives';

/**
 * What an entry of the log is: a correction (a fact was wrong), a clarification (the fact stands,
 * its wording or attribution misled), or an update (a later source changed the record).
 */
export const CORRECTION_KINDS = ['correction', 'clarification', 'update'] as const;

/** The datasets a correction can touch (those a record can refer to), plus `sections/<id>` for the narrative text of a section. */
export const CORRECTABLE = [...REFERABLE_DATASETS, 'sections'] as const;

/** "incidents/2025-07-26-zahedan-courthouse-attack", or "sections/visit" for the page's own text. */
export const correctionTarget = z
  .string({
    required_error: 'expected the record it corrects, as "dataset/id" (e.g. "incidents/2025-07-26-zahedan-courthouse-attack") or "sections/<section id>"',
  })
  .regex(new RegExp(`^(${CORRECTABLE.join('|')})/[a-z0-9]+(?:-[a-z0-9]+)*$`), {
    message: `expected "dataset/id" (e.g. "incidents/2025-07-26-zahedan-courthouse-attack") or "sections/<one of ${SECTIONS.join(', ')}>"`,
  });

/** One entry of the corrections log: what changed in which record, when, why, and on what evidence. */
export const correctionSchema = z
  .object({
    id: recordId,
    date: isoDate
      .refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d), { message: 'expected the day the change was published, like 2026-12-01' })
      .describe('The day the change was published on the site (a full date).'),
    kind: oneOf(CORRECTION_KINDS).describe(
      'correction (a fact was wrong) | clarification (the fact stands, its wording misled) | update (a later source changed it).',
    ),
    record: correctionTarget.describe('The record it touches, as "dataset/id"; "sections/<id>" for the narrative text of a section. Must exist.'),
    fields: z.array(z.string().min(1)).min(1).optional().describe('The fields that changed ("killed", "verdict"), when it helps.'),
    before: z.string().min(1).optional().describe('What the record said before, in a few words.'),
    change: z
      .string({ required_error: 'expected what changed, in a sentence' })
      .min(1, { message: 'expected what changed, in a sentence' })
      .describe('What changed, in a sentence a reader understands.'),
    reason: z
      .string({ required_error: 'expected the reason for the change' })
      .min(1, { message: 'expected the reason for the change' })
      .describe('Why: what the sources say, and what was wrong.'),
    sourceIds: sourceIds.describe('Ids of the sources the corrected record rests on (at least one).'),
  })
  .strict();
export type Correction = z.infer<typeof correctionSchema>;
export const correctionsSchema = z.array(correctionSchema);
