import { z } from 'astro/zod';
import { borderPoint, districtArea, isoDate, localText, oneOf, sourcedRecord, sourceIds } from './primitives';

export const CROSSING_STATUSES = ['open', 'notified', 'planned', 'closed', 'reopened', 'market-opened', 'agreed'] as const;
export const CROSSING_KINDS = ['official-crossing', 'border-market', 'local-route', 'free-zone'] as const;

/** A dated change of a crossing's status. */
export const statusChange = z
  .object({
    date: isoDate,
    status: oneOf(CROSSING_STATUSES),
    note: z.string().min(1).describe('What happened, with any conflicting dates.'),
    sourceIds,
  })
  .strict();

/** A border crossing, market or route between Balochistan and Sistan and Baluchestan. */
export const crossingSchema = z
  .object({
    ...sourcedRecord,
    namePk: z.string().min(1).optional().describe('The name on the Pakistani side ("Taftan"), when known.'),
    nameIr: z.string().min(1).optional().describe('The name on the Iranian side ("Mirjaveh"), when known.'),
    altNames: z.array(z.string().min(1)).optional().describe('Other spellings found in sources.'),
    nameLocal: z.array(localText).optional().describe('The name in local script, where a source gives it.'),
    districtPk: z.string().min(1).optional(),
    countyIr: z.string().min(1).optional(),
    kind: oneOf(CROSSING_KINDS),
    modes: z
      .array(z.enum(['road', 'rail', 'pedestrian', 'market']))
      .min(1)
      .describe('How it is used.'),
    /**
     * Where to draw it: a point inside the border provinces; or, where sources give only the
     * district, a district-level location without coordinates (drawn on that district's stretch of
     * the border; the district is districtPk); null when nothing is known.
     */
    location: z
      .union([borderPoint, districtArea])
      .nullable()
      .describe(
        'A point (lat, lon inside the border provinces), or a district-level location without coordinates ({"geoPrecision": "district", "geoNote"}, placed on districtPk\'s stretch of the border), or null when nothing is known.',
      ),
    sites: z
      .array(
        z
          .object({
            name: z.string().min(1).describe('The site as the source names it.'),
            note: z.string().min(1).optional().describe('What the source says of it (distances, the village, the tehsil).'),
            sourceIds,
          })
          .strict(),
      )
      .optional()
      .describe('Named sites, as sources name them, each with its sources.'),
    history: z.array(statusChange).min(1).describe('Status changes in date order; the current status is the last.'),
    facts: z.array(z.string().min(1)).optional().describe('Distances and other facts for the details panel.'),
    note: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.location && !('lat' in c.location) && !c.districtPk) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['districtPk'],
        message: 'expected the district that a district-level location stands for (one of the border districts in districts.json), but the field is missing',
      });
    }
    if (!c.namePk && !c.nameIr)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['namePk'], message: 'expected a name on at least one side (namePk or nameIr)' });
    for (let i = 1; i < c.history.length; i++) {
      if (c.history[i]!.date < c.history[i - 1]!.date) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['history', i, 'date'], message: 'expected status changes in date order' });
      }
    }
  });
export type Crossing = z.infer<typeof crossingSchema>;
export const crossingsSchema = z.array(crossingSchema);
