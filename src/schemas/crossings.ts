import { z } from 'astro/zod';
import { geoPoint, isoDate, localText, sourceIds, sourcedRecord } from './primitives';

export const CROSSING_STATUSES = ['open', 'notified', 'planned', 'closed', 'reopened', 'market-opened', 'agreed'] as const;
export const CROSSING_KINDS = ['official-crossing', 'border-market', 'local-route', 'free-zone'] as const;

/** A dated change of a crossing's status. */
export const statusChange = z
  .object({
    date: isoDate,
    status: z.enum(CROSSING_STATUSES, { errorMap: () => ({ message: `expected one of ${CROSSING_STATUSES.map((s) => `"${s}"`).join(', ')}` }) }),
    /** What happened, with any conflicting dates. */
    note: z.string().min(1).describe('What happened, with any conflicting dates.'),
    sourceIds,
  })
  .strict();

/** A border crossing, market or route between Balochistan and Sistan and Baluchestan. */
export const crossingSchema = z
  .object({
    ...sourcedRecord,
    /** The name on the Pakistani side ("Taftan"). */
    namePk: z.string().min(1).optional().describe('The name on the Pakistani side ("Taftan"), when known.'),
    /** The name on the Iranian side ("Mirjaveh"). */
    nameIr: z.string().min(1).optional().describe('The name on the Iranian side ("Mirjaveh"), when known.'),
    /** Other spellings found in sources. */
    altNames: z.array(z.string().min(1)).optional().describe('Other spellings found in sources.'),
    /** The name in local script, where a source gives it. */
    nameLocal: z.array(localText).optional().describe('The name in local script, where a source gives it.'),
    districtPk: z.string().min(1).optional(),
    countyIr: z.string().min(1).optional(),
    kind: z.enum(CROSSING_KINDS, { errorMap: () => ({ message: `expected one of ${CROSSING_KINDS.map((k) => `"${k}"`).join(', ')}` }) }),
    /** How it is used. */
    modes: z.array(z.enum(['road', 'rail', 'pedestrian', 'market'])).min(1).describe('How it is used.'),
    /** Where to draw it; null when no point can be given honestly. */
    location: geoPoint.nullable().describe('Where to draw it; null when no point can be given honestly.'),
    /** Status changes in date order; the current status is the last. */
    history: z.array(statusChange).min(1).describe('Status changes in date order; the current status is the last.'),
    /** Distances and other facts for the details panel. */
    facts: z.array(z.string().min(1)).optional().describe('Distances and other facts for the details panel.'),
    note: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (!c.namePk && !c.nameIr) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['namePk'], message: 'expected a name on at least one side (namePk or nameIr)' });
    for (let i = 1; i < c.history.length; i++) {
      if (c.history[i]!.date < c.history[i - 1]!.date) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['history', i, 'date'], message: 'expected status changes in date order' });
      }
    }
  });
export type Crossing = z.infer<typeof crossingSchema>;
export const crossingsSchema = z.array(crossingSchema);
