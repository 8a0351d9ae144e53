/**
 * CITATION.cff (Citation File Format 1.2.0) from one place: the repository's own file, which names
 * no release (it would go stale with every new fact), and the one the site serves at /CITATION.cff,
 * which adds the data's version, its release date and the site's address. `npm run docs:data`
 * writes the repository's file; a unit test fails when it is out of date.
 */
import type { Source } from '../schemas/sources';
import { DATA_LICENCE } from './publish';
import { PROJECT_AUTHOR, PROJECT_TITLE } from './site';

export const CITATION_MESSAGE =
  'If you use these datasets or this explainer, please cite it as below, and cite the original source of any single fact you use.';

const abstract = (article: Source) =>
  `Sourced, validated datasets (trade, the documents signed on 3 August 2025, the gas pipeline, border incidents and crossings, the diplomatic calendar, the article's claims and pledges, and the corrections log) behind an explainer built on the analysis "${article.title}" (${article.publisher}${article.published ? `, ${article.published.slice(0, 4)}` : ''}).`;
const KEYWORDS = ['Iran', 'Pakistan', 'Balochistan', 'trade', 'gas pipeline', 'fact-check'];

/** A YAML scalar in double quotes (JSON's escaping is valid YAML). */
const q = (s: string) => JSON.stringify(s);

/** The release the served file names: its version, the day it was released, and where it lives. */
export interface Release {
  version: string;
  dateReleased: string;
  url: string;
}

/** The file's text; `article` is the source the explainer is built on (getArticle()). */
export function citationCff(article: Source, release?: Release): string {
  const lines = [
    'cff-version: 1.2.0',
    `message: ${q(CITATION_MESSAGE)}`,
    `title: ${q(PROJECT_TITLE)}`,
    'type: dataset',
    'authors:',
    `  - name: ${q(PROJECT_AUTHOR)}`,
    ...(release ? [`version: ${q(release.version)}`, `date-released: ${q(release.dateReleased)}`, `url: ${q(release.url)}`] : []),
    `license: ${DATA_LICENCE.name}`,
    `abstract: ${q(abstract(article))}`,
    'keywords:',
    ...KEYWORDS.map((k) => `  - ${q(k)}`),
    'references:',
    '  - type: article',
    `    title: ${q(article.title)}`,
    '    authors:',
    `      - name: ${q(article.publisher)}`,
    ...(article.published ? [`    year: ${article.published.slice(0, 4)}`] : []),
    ...(article.url ? [`    url: ${q(article.url)}`] : []),
  ];
  if (!release) lines.splice(1, 0, "# The site serves this file at /CITATION.cff with the data's version, release date and address.");
  return `${lines.join('\n')}\n`;
}
