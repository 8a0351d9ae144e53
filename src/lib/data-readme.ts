/** The text of data/README.md, generated from the schemas (see scripts/data-docs.ts). */
import { DATASET_NAMES, datasetSchemas } from '../schemas/index';
import { BORDER_BOX, EARLIEST_YEAR, FUTURE_MARGIN_DAYS, LATEST_PLANNED_YEAR, REGION } from '../schemas/primitives';
import { recordKinds } from './schema-docs';

export const DATASET_DESCRIPTIONS: Record<(typeof DATASET_NAMES)[number], string> = {
  sources: 'Every published source the other datasets cite, by id.',
  claims: "The Rasanah article's checkable claims, each with a short quote, a verdict against independent sources, and links to the records it is about.",
  events: 'The diplomatic calendar: visits, summits, Joint Economic Commission sessions, closures, wars, talks.',
  trade: 'Reported trade values (one reporter, period and direction per record; series are never merged), official targets, and "current trade" statements.',
  mous: 'The documents signed on 3 August 2025, reconstructed from partial lists.',
  pipeline: 'The Iran-Pakistan gas pipeline: dated events, route points and specifications with every value the sources give.',
  incidents: 'Border-area security incidents, with casualty ranges where sources differ and the precision of each location.',
  crossings:
    'Border crossings, markets, local routes and the free zone, with status histories, named sites and where each is known to be (a point, or only its district).',
  districts:
    'The Pakistani districts along the border with Iran, in order from the Afghan tripoint to the sea: the stretches on which a crossing known only by its district is drawn.',
  places: 'Towns labelled on the map, with GeoNames coordinates.',
  pledges: 'The pledges and expectations of the article, followed to the latest source with a dated status history.',
  smuggling: 'Sourced estimates of fuel smuggling from Iran into Pakistan, each in its own unit.',
  corrections: 'The corrections log: every correction, clarification and update to a published record, dated, with what changed, why and the sources.',
};

function esc(s: string): string {
  return s.replace(/\|/g, '\\|');
}

export function renderDataReadme(): string {
  const out: string[] = [];
  out.push('# The datasets', '');
  out.push('<!-- Generated from src/schemas by `npm run docs:data`; edit the schemas, not this file. -->', '');
  out.push(
    'Each file in this folder is a JSON array of records. `npm run validate` checks them all (shapes, and the rules below) and prints every problem as `file:line:column: record N (id, from line L), field F: what was expected, got what was found` (records counted from 1, L the line the record starts on); `npm run build` refuses to build while any problem remains.',
    '',
  );
  out.push('## Rules every record follows', '');
  out.push("- `id`: kebab-case (`taftan-mirjaveh`), unique in its file, never reused: it is also the record's anchor on the site.");
  out.push('- `sourceIds`: at least one id from `sources.json`; every id must exist there.');
  out.push(
    `- Dates are ISO: a day \`2024-01-16\`, a month \`2024-01\` or a year \`2024\`; the form says the precision. They must exist in the calendar, and fall between ${EARLIEST_YEAR} and the build date (plus ${FUTURE_MARGIN_DAYS} days); only a trade target's \`horizon\` may lie ahead (to ${LATEST_PLANNED_YEAR}).`,
  );
  out.push(
    '- `confidence`: `high` (official, or several outlets agree), `medium` (one reputable outlet), `low` (blog, aggregator, undated or inconsistent). Low-confidence records are marked as such wherever the site shows them.',
  );
  out.push(
    `- Points: \`lat\` ${REGION.minLat}-${REGION.maxLat}, \`lon\` ${REGION.minLon}-${REGION.maxLon}, with \`geoPrecision\` (\`exact\`, \`town\`, \`district\`, \`derived\`) and a \`geoNote\` saying how any non-exact point was placed. No point is guessed: where no source gives one, \`location\` is \`null\` and the site lists the record as unmapped.`,
  );
  out.push(
    `- Crossings and incidents lie in the border provinces: their points must fall inside Balochistan and Sistan and Baluchestan's bounding box (\`lat\` ${BORDER_BOX.minLat}-${BORDER_BOX.maxLat}, \`lon\` ${BORDER_BOX.minLon}-${BORDER_BOX.maxLon}).`,
  );
  out.push(
    '- District-level locations name their district: an incident whose point stands for a district seat (`geoPrecision: "district"`) needs `district`; a crossing known only to its district has `location: {"geoPrecision": "district", "geoNote": "..."}` (no coordinates) and needs `districtPk`, one of the districts in `districts.json`, on whose stretch of the border the map draws it.',
  );
  out.push(
    '- Counts that sources report differently are ranges (`{"min": 7, "max": 9, "note": "who says what"}`); `min` may not exceed `max`. Amounts are non-negative.',
  );
  out.push(
    "- A trade target's `horizon` must come after the date it was set. Claims' and pledges' `about` entries (`dataset/id`) must point at existing records.",
  );
  out.push(
    '- Files are UTF-8 without a byte-order mark, strict JSON (no comments, no trailing commas, no `NaN`), with no field given twice in one record and no number beyond what a number can hold (`1e400`). The folder holds only these datasets, this README and `geo/`.',
  );
  out.push(
    '- Texts hold no invisible characters: no direction controls (U+202A-U+202E, U+2066-U+2069), no zero-width spaces; a zero-width non-joiner only between letters of a script that uses it (Persian, Urdu), direction marks only in right-to-left text.',
  );
  out.push(
    '- Where sources disagree, every value is kept with its source (ranges, `alternativeDates`, several `values`, or separate records with notes pointing at each other).',
  );
  out.push(
    '- Source `url`s are `http:` or `https:` addresses (anything else is rejected: it would become a link). Exactly one source has `role: "article"`: the analysis the site is built on.',
  );
  out.push(
    '- Changing a published fact? Correct the record, re-read its notes (a note beside a changed status or verdict must still hold), then add an entry to `corrections.json` (date, the `record` as `dataset/id`, what changed, why, sources); the record then shows "Corrected on <date>" wherever it appears, and the change is listed on /corrections/ and in the feed. The checklist is in the project README ("Correcting a published record"); `npm run validate` warns, against the last commit, of a status changed beside an unchanged note and of a change with no new corrections entry.',
    '',
  );
  out.push("## How to add next month's incident", '');
  out.push('1. Add the source to `sources.json` (id, title, publisher, url, published, language).');
  out.push(
    '2. Copy an incident in `incidents.json`, give it a new id (`2026-03-02-saravan-ambush`), and fill in the fields below; set `location` to `null` unless a source or the gazetteer gives a point.',
  );
  out.push('3. Run `npm run validate`; fix what it names; then `npm run build`.', '');
  for (const name of DATASET_NAMES) {
    out.push(`## ${name}.json`, '', DATASET_DESCRIPTIONS[name], '');
    for (const { kind, fields } of recordKinds(datasetSchemas[name])) {
      if (kind) out.push(`### Records with \`kind: "${kind}"\``, '');
      out.push('| field | type | required | meaning |', '|---|---|---|---|');
      for (const f of fields) out.push(`| \`${f.path}\` | ${esc(f.type)} | ${f.required ? 'yes' : 'no'} | ${esc(f.description)} |`);
      out.push('');
    }
  }
  return out.join('\n');
}
