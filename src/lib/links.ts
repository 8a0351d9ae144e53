/**
 * Where on the explainer a record is drawn, so claims and the ledger can link to it. One place
 * that knows the page's anchors: figures by dataset, the map's lists by record.
 */
import type { Datasets } from './validation';
import { formatDate } from './format';
import { SECTION_LABELS } from './share';
import { movedPage } from './moved';

const SECTION_LABEL_OF: Record<string, string> = SECTION_LABELS;

const FIGURE_OF: Record<string, string> = {
  trade: 'figure-trade',
  mous: 'figure-documents',
  pipeline: 'figure-pipeline',
  events: 'event-',
  incidents: 'incident-',
  crossings: 'crossing-',
  places: 'figure-map',
  pledges: 'pledge-',
  smuggling: 'figure-smuggling',
  claims: 'claim-',
  sources: 'source-',
};

/** The address of an anchor, on the explainer or on the page its record moved to ("incident-x" -> "/border/#incident-x"). */
export function hrefOfAnchor(anchor: string): string {
  return `${movedPage(anchor) ?? '/'}#${anchor}`;
}

/** Where a source's entry is: the list of every source, on its own page. */
export function sourceHref(id: string): string {
  return hrefOfAnchor(`source-${id}`);
}

/** "incidents/2024-01-16-x" -> "/border/#incident-2024-01-16-x"; "trade/fy2024-imports" -> "/#figure-trade". */
export function hrefOfRecord(ref: string): string {
  const [dataset, id] = ref.split('/') as [string, string];
  const anchor = FIGURE_OF[dataset] ?? 'main';
  return hrefOfAnchor(anchor.endsWith('-') ? `${anchor}${id}` : anchor);
}

/** A short human label for where the link goes. */
export function labelOfRecord(ref: string): string {
  const [dataset] = ref.split('/') as [string];
  return (
    (
      {
        trade: 'trade chart',
        mous: 'documents chart',
        pipeline: 'pipeline timeline',
        events: 'event in the timeline',
        incidents: 'incident in the border record',
        crossings: 'crossing in the border record',
        places: 'map',
        pledges: 'pledge tracker',
        smuggling: 'smuggling chart',
        claims: 'claim',
        sources: 'source',
      } as Record<string, string>
    )[dataset] ?? dataset
  );
}

/**
 * The most precise address a record has: its own row, card or list item where it has one (trade
 * rows, pipeline rows and specifications on their chart's page, smuggling cards, documents, every
 * event on the timeline, crossings and incidents on the border record), else its figure. Used by the
 * corrections log and the feed, whose links must land on the record.
 */
export function anchorOfRecord(ref: string, data: Datasets): string {
  const [dataset, id] = ref.split('/') as [string, string];
  switch (dataset) {
    case 'sections':
      return `/#${id}`;
    case 'trade':
      return data.trade.find((r) => r.id === id)?.kind === 'headline' ? '/#figure-trade' : hrefOfAnchor(`trade-${id}`);
    case 'pipeline':
      return data.pipeline.find((r) => r.id === id)?.kind === 'route-point' ? '/#figure-pipeline' : hrefOfAnchor(`pipeline-${id}`);
    case 'smuggling':
      return `/#smuggling-${id}`;
    case 'mous':
      return `/#document-${id}`;
    default:
      return hrefOfRecord(ref);
  }
}

/** The events the 2026 timeline lists (each with its anchor #event-<id>): follow-ups from the first war after the article. */
export function warTimelineEvents(data: Datasets): Datasets['events'] {
  const followUps = data.events.filter((e) => e.followUp).sort((a, b) => a.date.localeCompare(b.date));
  const warStart = followUps.find((e) => e.kind === 'war')?.date;
  return warStart ? followUps.filter((e) => e.date >= warStart) : [];
}

/** A reader's name for a record, for the corrections log and the feed ("Incident: 26 Jul 2025, Zahedan courthouse"). */
export function recordTitle(ref: string, data: Datasets): string {
  const [dataset, id] = ref.split('/') as [string, string];
  const cut = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);
  const find = <T extends { id: string }>(list: T[]) => list.find((r) => r.id === id);
  switch (dataset) {
    case 'sections':
      return `The text of the section “${SECTION_LABEL_OF[id] ?? id}”`;
    case 'claims': {
      const c = find(data.claims);
      return c ? `Claim: “${cut(c.quote)}”` : ref;
    }
    case 'incidents': {
      const i = find(data.incidents);
      return i ? `Incident: ${formatDate(i.date)}, ${i.place}` : ref;
    }
    case 'pledges': {
      const p = find(data.pledges);
      return p ? `Pledge: ${p.title}` : ref;
    }
    case 'events': {
      const e = find(data.events);
      return e ? `Event: ${e.title}` : ref;
    }
    case 'mous': {
      const m = find(data.mous);
      return m ? `Document ${m.number}: ${m.title}` : ref;
    }
    case 'smuggling': {
      const s = find(data.smuggling);
      return s ? `Smuggling estimate: ${s.measure}` : ref;
    }
    case 'crossings': {
      const c = find(data.crossings);
      return c ? `Crossing: ${[c.namePk, c.nameIr].filter(Boolean).join('–')}` : ref;
    }
    case 'places': {
      const p = find(data.places);
      return p ? `Place: ${p.name}` : ref;
    }
    case 'sources': {
      const s = find(data.sources);
      return s ? `Source: ${s.publisher}, ${cut(s.title, 60)}` : ref;
    }
    case 'trade': {
      const t = find(data.trade);
      if (!t) return ref;
      if (t.kind === 'flow')
        return `Trade figure: ${t.period} (${t.reporter.replace(/-/g, ' ')}, ${t.flow === 'total' ? 'total' : t.flow === 'pk-to-ir' ? 'Pakistan to Iran' : 'Iran to Pakistan'})`;
      if (t.kind === 'target') return `Trade target set ${formatDate(t.dateSet)}`;
      return `Trade statement of ${formatDate(t.date)}`;
    }
    case 'pipeline': {
      const p = find(data.pipeline);
      if (!p) return ref;
      return p.kind === 'event'
        ? `Pipeline: ${p.title} (${formatDate(p.date)})`
        : p.kind === 'spec'
          ? `Pipeline specification: ${p.parameter}`
          : `Pipeline route point: ${p.name}`;
    }
    default:
      return ref;
  }
}

/**
 * On the explainer, which claim citation carries each source's old anchor (#source-<id>): the first
 * claim, in the page's order of sections, whose "Checked against" line or "since the article"
 * updates cite the source. Its citation link (to /sources/#source-<id>) is then the stand-in an old
 * link lands on without JavaScript; the sources no claim cites get one in the list of sources.
 * Decided from the data, not from the order components happen to render in.
 */
export function claimSourceAnchors(data: Datasets, sections: readonly string[]): Map<string, { claimId: string; place: 'checked' | number }> {
  const owners = new Map<string, { claimId: string; place: 'checked' | number }>();
  for (const section of sections) {
    for (const c of data.claims.filter((x) => x.section === section)) {
      (c.updates ?? []).forEach((u, i) => {
        for (const id of u.sourceIds) if (!owners.has(id)) owners.set(id, { claimId: c.id, place: i });
      });
      for (const id of c.sourceIds) if (!owners.has(id)) owners.set(id, { claimId: c.id, place: 'checked' });
    }
  }
  return owners;
}
