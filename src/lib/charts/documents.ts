/**
 * Model of the documents chart: the documents signed on 3 August 2025 grouped by sector, each
 * marked with whether the article names its sector and how certain the list is of it.
 */
import type { Claim } from '../../schemas/claims';
import type { Mou } from '../../schemas/mous';

export const SECTOR_LABELS: Record<Mou['sector'], string> = {
  agriculture: 'Agriculture',
  trade: 'Trade',
  border: 'Border',
  'science-technology': 'Science and technology',
  ict: 'Information technology',
  'culture-tourism': 'Culture and tourism',
  climate: 'Weather and climate',
  maritime: 'Maritime',
  justice: 'Justice',
  transport: 'Transport',
};

export interface DocumentGroup {
  sector: Mou['sector'];
  label: string;
  /** True when the article names this sector (for any document in it). */
  named: boolean;
  docs: {
    id: string;
    number: number;
    title: string;
    status: Mou['listStatus'];
    lowConfidence: boolean;
    articleWords?: string;
    note?: string;
    annotation?: string;
  }[];
}

export interface DocumentsModel {
  groups: DocumentGroup[];
  total: number;
  confirmed: number;
  namedSectors: number;
  sectors: number;
  /** Where the article's wording differs from the sources (from claims with verdict "differs" about a document). */
  annotations: { mouId: string; claimId: string; label: string; note: string }[];
}

/**
 * Groups the documents by sector, largest group first, ties in the order the list gives them.
 * Annotations come from the claims: a "differs" claim about a document labels that document.
 */
export function documentsModel(mous: Mou[], claims: Claim[]): DocumentsModel {
  const annotations = claims
    .filter((c) => c.verdict === 'differs' && c.label)
    .flatMap((c) =>
      c.about
        .filter((ref) => ref.startsWith('mous/'))
        .slice(0, 1)
        .map((ref) => ({ mouId: ref.slice(5), claimId: c.id, label: c.label!, note: c.note ?? '' })),
    );
  const order: Mou['sector'][] = [];
  const bySector = new Map<Mou['sector'], Mou[]>();
  for (const m of [...mous].sort((a, b) => a.number - b.number)) {
    if (!bySector.has(m.sector)) {
      bySector.set(m.sector, []);
      order.push(m.sector);
    }
    bySector.get(m.sector)!.push(m);
  }
  const groups = order
    .map((sector) => {
      const docs = bySector.get(sector)!;
      return {
        sector,
        label: SECTOR_LABELS[sector],
        named: docs.some((d) => d.articleSector !== undefined),
        docs: docs.map((d) => ({
          id: d.id,
          number: d.number,
          title: d.title,
          status: d.listStatus,
          lowConfidence: d.confidence === 'low',
          articleWords: d.articleSector,
          note: d.note,
          annotation: annotations.find((a) => a.mouId === d.id)?.label,
        })),
      };
    })
    .sort((a, b) => b.docs.length - a.docs.length || order.indexOf(a.sector) - order.indexOf(b.sector));
  return {
    groups,
    total: mous.length,
    confirmed: mous.filter((m) => m.listStatus === 'confirmed').length,
    namedSectors: groups.filter((g) => g.named).length,
    sectors: groups.length,
    annotations,
  };
}
