import { z } from 'astro/zod';
import { finiteNumber, geoPoint, isoDate, oneOf, sourcedRecord, sourceIds } from './primitives';

/** Which part of the project an event concerns: drawn as a lane each in the timeline. */
export const PIPELINE_LANES = ['both', 'iran', 'pakistan'] as const;
export const PIPELINE_EVENT_TYPES = ['talks', 'agreement', 'construction', 'deadline', 'notice', 'approval', 'arbitration', 'setback'] as const;

/** Another date a source gives for the same event. */
const alternativeDate = z.object({ date: isoDate, sourceIds, note: z.string().min(1) }).strict();

/** A dated step in the pipeline's history. */
export const pipelineEventSchema = z
  .object({
    ...sourcedRecord,
    kind: z.literal('event'),
    date: isoDate,
    alternativeDates: z.array(alternativeDate).optional().describe('Other dates sources give for the same step, each with its sources.'),
    lane: z.enum(PIPELINE_LANES, { errorMap: () => ({ message: 'expected "both", "iran" or "pakistan"' }) }),
    type: oneOf(PIPELINE_EVENT_TYPES),
    title: z.string().min(1).max(70).describe('A short headline for the timeline (under 70 characters).'),
    description: z.string().min(1),
    note: z.string().min(1).optional().describe('Conflicting details about the step (another deadline a source gives...), with who says what.'),
    followUp: z.boolean().default(false),
  })
  .strict();

/** A named point of the route, in order from the gas field to the Pakistani terminus. */
export const pipelineRoutePointSchema = z
  .object({
    ...sourcedRecord,
    kind: z.literal('route-point'),
    name: z.string().min(1),
    role: z.string().min(1).describe('Its role on the route ("start", "border", "end of phase 1").'),
    order: z.number().int().positive().describe('Position along the route, 1 first.'),
    segment: z
      .enum(['start', 'iran-built', 'pakistan-phase-1', 'pakistan-planned'], {
        errorMap: () => ({ message: 'expected "start", "iran-built", "pakistan-phase-1" or "pakistan-planned"' }),
      })
      .describe(
        "The stretch that ends at this point: start (the first point), iran-built (Iran's section, built), " +
          "pakistan-phase-1 (the first phase of Pakistan's section), pakistan-planned (the rest of Pakistan's section, planned).",
      ),
    location: geoPoint.nullable().describe('Coordinates; null where no source gives them.'),
  })
  .strict();

/** One reported value of a specification. */
const specValue = z
  .object({
    value: finiteNumber.nonnegative().nullable().describe('The number, when it is one; null for a value only stated in words.'),
    text: z.string().min(1).describe('The value as the source states it ("1,600 km").'),
    sourceIds,
    note: z.string().min(1).optional(),
  })
  .strict();

/** A specification (length, capacity, cost...) with every value the sources give. */
export const pipelineSpecSchema = z
  .object({
    ...sourcedRecord,
    kind: z.literal('spec'),
    parameter: z.string().min(1),
    unit: z.string().min(1),
    values: z.array(specValue).min(1),
    note: z.string().min(1).optional(),
  })
  .strict();

export const pipelineRecordSchema = z.discriminatedUnion('kind', [pipelineEventSchema, pipelineRoutePointSchema, pipelineSpecSchema], {
  errorMap: (issue, ctx) =>
    issue.code === 'invalid_union_discriminator' ? { message: 'expected kind "event", "route-point" or "spec"' } : { message: ctx.defaultError },
});
export type PipelineEvent = z.infer<typeof pipelineEventSchema>;
export type PipelineRoutePoint = z.infer<typeof pipelineRoutePointSchema>;
export type PipelineSpec = z.infer<typeof pipelineSpecSchema>;
export type PipelineRecord = z.infer<typeof pipelineRecordSchema>;
export const pipelineSchema = z.array(pipelineRecordSchema);
