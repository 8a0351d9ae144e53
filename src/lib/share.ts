/**
 * What can be shared on its own: the page, each section and each figure. Each gets a share card
 * (/og/<key>.png, drawn at build) and a share page (/share/<key>/) whose meta tags carry the card
 * and which sends the reader on to the right anchor.
 */
import { SECTIONS } from '../schemas/primitives';
import { FIGURES } from './figures';
import { SITE_TITLE } from './site';

export const SECTION_TITLES: Record<(typeof SECTIONS)[number], string> = {
  visit: 'A state visit heavy with pledges',
  trade: 'Every trade target so far has been missed',
  security: 'Security, not trade, was the heart of the visit',
  smuggling: 'Smuggled fuel: the trade the statistics miss',
  pipeline: 'The gas pipeline: decades of deadlines, one side built',
  balancing: 'Pakistan between Washington, Beijing and Tehran',
  cpec: "CPEC and Gwadar: Iran's hoped-for way out of isolation",
  'what-next': 'What happened next',
};

/** Short names of the sections, for the table of contents and the ledger's filters. */
export const SECTION_LABELS: Record<(typeof SECTIONS)[number], string> = {
  visit: 'The visit',
  trade: 'Trade',
  security: 'Border security',
  smuggling: 'Smuggling',
  pipeline: 'The gas pipeline',
  balancing: 'The balancing act',
  cpec: 'CPEC and Gwadar',
  'what-next': 'What happened next',
};

export interface ShareTarget {
  key: string;
  kicker: string;
  title: string;
  anchor: string;
}

export { SITE_TITLE };

export const SHARE_TARGETS: ShareTarget[] = [
  { key: 'index', kicker: 'Explainer · Iran and Pakistan', title: SITE_TITLE, anchor: '' },
  ...SECTIONS.map((s) => ({ key: `section-${s}`, kicker: 'Explainer · Iran and Pakistan', title: SECTION_TITLES[s], anchor: s })),
  ...FIGURES.map((f) => ({ key: f.id, kicker: 'Chart · Iran and Pakistan', title: f.name, anchor: f.id })),
];
