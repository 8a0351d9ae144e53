/**
 * The datasets, by file name (data/<name>.json), in the order the validator reports and the data
 * package lists them. src/schemas/index.ts maps each to its schema (and fails to compile if one is
 * missing); a schema that refers to another dataset's records takes the names from here.
 */
export const DATASET_NAMES = [
  'sources',
  'claims',
  'events',
  'trade',
  'mous',
  'pipeline',
  'incidents',
  'crossings',
  'districts',
  'places',
  'pledges',
  'smuggling',
  'corrections',
] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

/** The datasets a claim or pledge may be about ("dataset/id"): every fact dataset, not the corrections log or the strip's districts. */
export const REFERABLE_DATASETS = DATASET_NAMES.filter((n) => n !== 'districts' && n !== 'corrections');
