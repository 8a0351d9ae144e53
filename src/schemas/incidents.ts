import { z } from 'astro/zod';
import { borderPoint, countRange, isoDate, oneOf, sourcedRecord } from './primitives';

export const INCIDENT_TYPES = ['cross-border-attack', 'militant-attack', 'state-strike', 'killing-of-workers', 'clash', 'offensive'] as const;

/** A border-area security incident. */
export const incidentSchema = z
  .object({
    ...sourcedRecord,
    date: isoDate,
    dateNote: z.string().min(1).optional().describe('Time of day, approximations or conflicting dates, in words.'),
    place: z.string().min(1).describe('The place as the sources name it.'),
    side: z.enum(['iran', 'pakistan'], { errorMap: () => ({ message: 'expected "iran" or "pakistan"' }) }).describe('The side of the border it happened on.'),
    district: z
      .string()
      .min(1)
      .optional()
      .describe('District (Pakistan) or county (Iran); required when the point stands for the district (geoPrecision "district").'),
    location: borderPoint.nullable().describe('Where to draw it (inside the border provinces); null when no point can be given honestly.'),
    type: oneOf(INCIDENT_TYPES),
    actor: z.string().min(1).describe('Who carried it out, as reported.'),
    claimedBy: z.string().min(1).optional().describe('Who claimed it, when anyone did.'),
    killed: countRange.optional().describe('People killed (excluding attackers unless the note says so); absent when no count is reported.'),
    injured: countRange.optional(),
    summary: z.string().min(1).describe('One or two sentences of what happened.'),
    followUp: z.boolean().default(false),
  })
  .strict()
  .superRefine((i, ctx) => {
    // A point at a district seat says "somewhere in this district": the record must say which.
    if (i.location?.geoPrecision === 'district' && !i.district) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['district'],
        message: 'expected the district or county that a "district" location stands for, but the field is missing',
      });
    }
  });
export type Incident = z.infer<typeof incidentSchema>;
export const incidentsSchema = z.array(incidentSchema);
