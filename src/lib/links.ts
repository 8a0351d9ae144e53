/**
 * Where on the explainer a record is drawn, so claims and the ledger can link to it. One place
 * that knows the page's anchors: figures by dataset, the map's lists by record.
 */
const FIGURE_OF: Record<string, string> = {
  trade: 'figure-trade',
  mous: 'figure-documents',
  pipeline: 'figure-pipeline',
  events: 'figure-incidents',
  incidents: 'incident-',
  crossings: 'crossing-',
  places: 'figure-map',
  pledges: 'pledge-',
  smuggling: 'figure-smuggling',
  claims: 'claim-',
  sources: 'source-',
};

/** "incidents/2024-01-16-x" -> "/#incident-2024-01-16-x"; "trade/fy2024-imports" -> "/#figure-trade". */
export function hrefOfRecord(ref: string): string {
  const [dataset, id] = ref.split('/') as [string, string];
  const anchor = FIGURE_OF[dataset] ?? 'main';
  return `/#${anchor.endsWith('-') ? `${anchor}${id}` : anchor}`;
}

/** A short human label for where the link goes. */
export function labelOfRecord(ref: string): string {
  const [dataset] = ref.split('/') as [string];
  return (
    {
      trade: 'trade chart',
      mous: 'documents chart',
      pipeline: 'pipeline timeline',
      events: 'incidents and diplomacy timeline',
      incidents: 'incident on the map list',
      crossings: 'crossing on the map list',
      places: 'map',
      pledges: 'pledge tracker',
      smuggling: 'smuggling chart',
      claims: 'claim',
      sources: 'source',
    } as Record<string, string>
  )[dataset] ?? dataset;
}
