import { z } from 'astro/zod';
import { countRange, geoPoint, isoDate, sourcedRecord } from './primitives';

export const INCIDENT_TYPES = ['cross-border-attack', 'militant-attack', 'state-strike', 'killing-of-workers', 'clash', 'offensive'] as const;

/** A border-area security incident. */
export const incidentSchema = z
  .object({
    ...sourcedRecord,
    date: isoDate,
    /** Time of day, approximations or conflicting dates, in words. */
    dateNote: z.string().min(1).optional(),
    /** The place as the sources name it. */
    place: z.string().min(1),
    /** The side of the border it happened on. */
    side: z.enum(['iran', 'pakistan'], { errorMap: () => ({ message: 'expected "iran" or "pakistan"' }) }),
    /** District (Pakistan) or county (Iran). */
    district: z.string().min(1).optional(),
    /** Where to draw it; null when no point can be given honestly. */
    location: geoPoint.nullable(),
    type: z.enum(INCIDENT_TYPES, { errorMap: () => ({ message: `expected one of ${INCIDENT_TYPES.map((t) => `"${t}"`).join(', ')}` }) }),
    /** Who carried it out, as reported. */
    actor: z.string().min(1),
    /** Who claimed it, when anyone did. */
    claimedBy: z.string().min(1).optional(),
    /** People killed (excluding attackers unless the note says so); absent when no count is reported. */
    killed: countRange.optional(),
    injured: countRange.optional(),
    /** One or two sentences of what happened. */
    summary: z.string().min(1),
    followUp: z.boolean().default(false),
  })
  .strict();
export type Incident = z.infer<typeof incidentSchema>;
export const incidentsSchema = z.array(incidentSchema);
