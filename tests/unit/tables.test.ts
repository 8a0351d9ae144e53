/**
 * The CSV tables, read back with an independent parser (csv-parse, pinned): every table parses to
 * its Table Schema's columns and its rows; the columns a person filters by hold what the records
 * say (current status and its date, lat, lon, precision, killed min and max, date precision and
 * first day); histories are tables of their own, one row per entry; no column is always empty; the
 * Excel copies start with a byte-order mark and keep the Persian and Arabic names intact.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BOM, neutraliseFormula, rowsToCsv } from '../../src/lib/csv';
import { getData } from '../../src/lib/data';
import { publishedTables, tableSchemaOf } from '../../src/lib/publish';
import { z } from 'astro/zod';
import { datasetTables, firstDayOf, precisionOf, type Table } from '../../src/lib/tables';
import { BORDER_BOX, isoDate, sourceIds } from '../../src/schemas/primitives';
import { DATASET_NAMES } from '../../src/schemas/index';

type Rec = Record<string, any>;
const data = getData();
const tables = publishedTables(data);
const table = (name: string) => tables.find((t) => t.name === name)!;
const csvOf = (t: Table, bom = false) =>
  rowsToCsv(
    t.schema.fields.map((f) => f.name),
    t.rows,
    { bom },
  );
/** The CSV as a researcher's code reads it: csv-parse, header row as column names. */
const read = (text: string, bom = false): Record<string, string>[] => parse(text, { columns: true, bom, skip_empty_lines: false, relax_quotes: false });
const rowsOf = (name: string) => read(csvOf(table(name)));
const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((r) => [r.id, r]));

describe('every table, read back with csv-parse', () => {
  for (const t of tables) {
    it(`${t.name}.csv has its Table Schema's columns, one row per record or entry, the cells as written`, () => {
      const text = csvOf(t);
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      const header = parse(text, { to_line: 1 })[0] as string[];
      expect(header).toEqual(t.schema.fields.map((f) => f.name));
      const rows = read(text);
      expect(rows).toHaveLength(t.rows.length);
      rows.forEach((row, i) => {
        for (const f of t.schema.fields) expect(row[f.name], `${t.name}[${i}].${f.name}`).toBe(neutraliseFormula(t.rows[i]![f.name]!));
      });
    });
    it(`${t.name}.csv has no column that is empty in every row`, () => {
      const rows = read(csvOf(t));
      for (const f of t.schema.fields)
        expect(
          rows.some((r) => r[f.name] !== ''),
          `${t.name}.${f.name}`,
        ).toBe(true);
    });
  }
  it('one table per dataset, one per list of entries, and the citations', () => {
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([...DATASET_NAMES, 'crossings-history', 'pledges-history', 'claims-updates', 'pipeline-values', 'citations']),
    );
  });
  it('no cell holds JSON (lists of entries are tables of their own)', () => {
    const isJson = (v: string) => {
      if (!/^[[{]/.test(v)) return false;
      try {
        return typeof JSON.parse(v) === 'object';
      } catch {
        return false;
      }
    };
    for (const t of tables) for (const r of t.rows) for (const [k, v] of Object.entries(r)) expect(isJson(v), `${t.name}.${k}: ${v.slice(0, 60)}`).toBe(false);
  });
});

describe('the columns a person filters by', () => {
  it('crossings: the current status and its date are the last history entry; lat and lon; the names in Persian and Urdu', () => {
    const rows = rowsOf('crossings');
    expect(rows).toHaveLength(data.crossings.length);
    for (const c of data.crossings) {
      const row = rows.find((r) => r.id === c.id)!;
      const last = c.history[c.history.length - 1]!;
      expect(row.currentStatus).toBe(last.status);
      expect(row.currentStatusDate).toBe(last.date);
      expect(row['currentStatusDate.precision']).toBe({ 10: 'day', 7: 'month', 4: 'year' }[last.date.length]);
      const loc = c.location as Rec | null;
      expect(row['location.lat'] ?? '').toBe(loc && 'lat' in loc ? String(loc.lat) : '');
      expect(row['location.lon'] ?? '').toBe(loc && 'lon' in loc ? String(loc.lon) : '');
      for (const n of c.nameLocal ?? []) expect(row[`nameLocal.${n.lang}`]!.split('; ')).toContain(n.text);
    }
  });
  it('crossings-history: one row per status change, in order, keyed by crossing and position', () => {
    const rows = rowsOf('crossings-history');
    expect(rows).toHaveLength(data.crossings.reduce((n, c) => n + c.history.length, 0));
    for (const c of data.crossings) {
      const mine = rows.filter((r) => r.crossingId === c.id);
      expect(mine.map((r) => [r.position, r.date, r.status, r.note])).toEqual(c.history.map((h, i) => [String(i + 1), h.date, h.status, h.note]));
      expect(mine.map((r) => r.sourceIds)).toEqual(c.history.map((h) => h.sourceIds.join('; ')));
    }
  });
  it('incidents: killed and injured min and max, the date with its precision and first day, lat, lon and precision', () => {
    const rows = rowsOf('incidents');
    const recs = byId(data.incidents);
    for (const row of rows) {
      const r = recs.get(row.id!)!;
      expect(row['killed.min']).toBe(r.killed ? String(r.killed.min) : '');
      expect(row['killed.max']).toBe(r.killed ? String(r.killed.max) : '');
      expect(row['injured.max'] ?? '').toBe(r.injured ? String(r.injured.max) : '');
      expect(row.date).toBe(r.date);
      expect(row['date.precision']).toBe(precisionOf(r.date));
      expect(row['date.firstDay']).toBe(r.date.length === 10 ? r.date : r.date.length === 7 ? `${r.date}-01` : `${r.date}-01-01`);
      expect(row['location.lat']).toBe(r.location ? String((r.location as Rec).lat) : '');
      expect(row['location.geoPrecision']).toBe(r.location ? (r.location as Rec).geoPrecision : '');
    }
    expect(Object.keys(rows[0]!)).not.toContain('location');
  });
  it('pledges: the current status and its as-of date; their histories one row per entry', () => {
    const rows = rowsOf('pledges');
    for (const p of data.pledges) {
      const row = rows.find((r) => r.id === p.id)!;
      expect([row.currentStatus, row.currentStatusDate]).toEqual([p.history.at(-1)!.status, p.history.at(-1)!.date]);
    }
    expect(rowsOf('pledges-history')).toHaveLength(data.pledges.reduce((n, p) => n + p.history.length, 0));
  });
  it('citations: one row per cited source, every source id in sources.csv, as many as the records cite', () => {
    const rows = rowsOf('citations');
    const sources = new Set(data.sources.map((s) => s.id));
    for (const r of rows) expect(sources.has(r.sourceId!), r.sourceId).toBe(true);
    let cited = 0;
    const count = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(count);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          if (k === 'sourceIds' && Array.isArray(x)) cited += x.length;
          else count(x);
        }
    };
    for (const name of DATASET_NAMES) if (name !== 'sources') count(data[name]);
    expect(rows).toHaveLength(cited);
    const taftan = data.crossings[0]!;
    expect(
      rows.filter((r) => r.dataset === 'crossings' && r.recordId === taftan.id && r.field === 'history.sourceIds' && r.position === '1').map((r) => r.sourceId),
    ).toEqual(taftan.history[0]!.sourceIds);
  });
  it('dates: precision and first day of a day, a month and a year', () => {
    expect([precisionOf('2024-01-16'), precisionOf('2023-05'), precisionOf('2024')]).toEqual(['day', 'month', 'year']);
    expect([firstDayOf('2024-01-16'), firstDayOf('2023-05'), firstDayOf('2024')]).toEqual(['2024-01-16', '2023-05-01', '2024-01-01']);
  });
});

describe('Table Schemas, generated from the zod schemas', () => {
  const field = (t: string, f: string) => table(t).schema.fields.find((x) => x.name === f);
  it('type each column as the schema does', () => {
    expect(field('incidents', 'killed.min')).toMatchObject({ type: 'integer', constraints: { minimum: 0 } });
    expect(field('incidents', 'location.lat')).toMatchObject({ type: 'number', constraints: { minimum: BORDER_BOX.minLat, maximum: BORDER_BOX.maxLat } });
    expect(field('incidents', 'date')).toMatchObject({ type: 'string', constraints: { required: true, pattern: expect.any(String) } });
    expect(field('incidents', 'date.precision')).toMatchObject({ type: 'string', constraints: { enum: ['day', 'month', 'year'] } });
    expect(field('incidents', 'date.firstDay')).toMatchObject({ type: 'date' });
    expect(field('incidents', 'side')).toMatchObject({ type: 'string', constraints: { required: true, enum: ['iran', 'pakistan'] } });
    expect(field('incidents', 'followUp')).toMatchObject({ type: 'boolean' });
    expect(field('corrections', 'date')).toMatchObject({ type: 'date', constraints: { required: true } });
    expect(field('trade', 'amount.value')).toMatchObject({ type: 'number', constraints: { required: true, minimum: 0 } });
    expect(field('trade', 'kind')).toMatchObject({ constraints: { enum: ['flow', 'target', 'headline'] } });
    expect(field('mous', 'number')).toMatchObject({ type: 'integer', constraints: { minimum: 1, maximum: 12 } });
    expect(field('crossings', 'currentStatus')?.constraints?.enum).toContain('reopened');
    expect(field('incidents', 'sourceIds')?.description).toMatch(/separated by "; "/);
  });
  it('keys: each record table by id, each entry table by record and position, with foreign keys to the record and to sources', () => {
    for (const name of DATASET_NAMES) expect(table(name).schema.primaryKey, name).toEqual(['id']);
    expect(table('crossings-history').schema).toMatchObject({
      primaryKey: ['crossingId', 'position'],
      foreignKeys: [{ fields: 'crossingId', reference: { resource: 'crossings', fields: 'id' } }],
    });
    expect(table('citations').schema.foreignKeys).toEqual([{ fields: 'sourceId', reference: { resource: 'sources', fields: 'id' } }]);
    expect(table('pledges').schema.foreignKeys).toEqual([{ fields: 'claimId', reference: { resource: 'claims', fields: 'id' } }]);
  });
  it("every value fits its column's type and constraints", () => {
    for (const t of tables) {
      for (const f of t.schema.fields) {
        for (const r of t.rows) {
          const v = r[f.name]!;
          const where = `${t.name}.${f.name} = ${JSON.stringify(v)}`;
          if (v === '') {
            expect(f.constraints?.required, where).not.toBe(true);
            continue;
          }
          if (f.type === 'integer') expect(/^-?\d+$/.test(v), where).toBe(true);
          if (f.type === 'number') expect(Number.isFinite(Number(v)), where).toBe(true);
          if (f.type === 'date') expect(/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), where).toBe(true);
          if (f.type === 'boolean') expect(['true', 'false'], where).toContain(v);
          if (f.constraints?.enum) expect(f.constraints.enum, where).toContain(v);
          if (f.constraints?.pattern) expect(new RegExp(f.constraints.pattern).test(v), where).toBe(true);
          if (f.constraints?.minimum !== undefined) expect(Number(v), where).toBeGreaterThanOrEqual(f.constraints.minimum);
          if (f.constraints?.maximum !== undefined) expect(Number(v), where).toBeLessThanOrEqual(f.constraints.maximum);
        }
      }
    }
  });
  it('are published with the Table Schema profile, each column described as the schema describes its field', () => {
    const s = tableSchemaOf(table('incidents')) as { $schema: string; fields: { name: string; description?: string }[] };
    expect(s.$schema).toMatch(/table-schema\.json$/);
    expect(s.fields.find((f) => f.name === 'place')!.description).toBe('The place as the sources name it.');
    expect(s.fields.find((f) => f.name === 'location.geoPrecision')!.description).toMatch(/^How the point was placed/);
    expect(s.fields.find((f) => f.name === 'date.firstDay')!.description).toMatch(/first day of the period/);
  });
});

describe('the Excel copies', () => {
  it('start with a byte-order mark, and csv-parse (bom: true) reads the Persian and Arabic names intact', () => {
    const crossings = csvOf(table('crossings'), true);
    expect(Buffer.from(crossings, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(crossings.startsWith(BOM)).toBe(true);
    const rows = read(crossings, true);
    expect(Object.keys(rows[0]!)[0]).toBe('id');
    const persian = data.crossings.flatMap((c) => (c.nameLocal ?? []).filter((n) => n.lang === 'fa').map((n) => [c.id, n.text] as const));
    expect(persian.length).toBeGreaterThan(0);
    for (const [id, name] of persian) expect(rows.find((r) => r.id === id)!['nameLocal.fa']).toBe(name);
    const mous = read(csvOf(table('mous'), true), true);
    for (const m of data.mous) if (m.titleOriginal) expect(mous.find((r) => r.id === m.id)!['titleOriginal.text']).toBe(m.titleOriginal.text);
  });
  it("without bom: true, the parser keeps the mark in the first column's name: the files for code have none", () => {
    expect(Object.keys(read(csvOf(table('crossings'), true))[0]!)[0]).toBe('\ufeffid');
    expect(Object.keys(read(csvOf(table('crossings')))[0]!)[0]).toBe('id');
  });
});

describe('the table generator, on a schema of its own', () => {
  const point = z.object({ lat: z.number().min(20).max(35), lon: z.number(), geoPrecision: z.enum(['exact', 'town']) }).strict();
  const area = z.object({ geoPrecision: z.literal('district'), geoNote: z.string() }).strict();
  const entry = z.object({ date: isoDate, status: z.enum(['open', 'closed']), sourceIds }).strict();
  const schema = z
    .object({
      id: z.string(),
      location: z.union([point, area]).nullable(),
      history: z.array(entry).min(1),
      never: z.string().optional(),
    })
    .strict();
  const records = [
    {
      id: 'a',
      location: { lat: 29.5, lon: 61, geoPrecision: 'town' },
      history: [
        { date: '2024', status: 'open', sourceIds: ['s1'] },
        { date: '2025-06-15', status: 'closed', sourceIds: ['s1', 's2'] },
      ],
    },
    {
      id: 'b',
      location: { geoPrecision: 'district', geoNote: 'Only the district is known.' },
      history: [{ date: '2023-05', status: 'open', sourceIds: ['s2'] }],
    },
    { id: 'c', location: null, history: [{ date: '2022', status: 'closed', sourceIds: ['s3'] }] },
  ];
  const [main, history] = datasetTables('crossings', records, 'Test.', schema);
  it('merges the columns of every form of a field, and its vocabulary', () => {
    expect(main!.schema.fields.map((f) => f.name)).toEqual([
      'id',
      'location.lat',
      'location.lon',
      'location.geoPrecision',
      'location.geoNote',
      'currentStatus',
      'currentStatusDate',
      'currentStatusDate.precision',
      'currentStatusDate.firstDay',
    ]);
    expect(main!.schema.fields.find((f) => f.name === 'location.geoPrecision')!.constraints!.enum).toEqual(['exact', 'town', 'district']);
    expect(main!.rows.map((r) => [r['location.lat'], r['location.geoPrecision'], r['location.geoNote']])).toEqual([
      ['29.5', 'town', ''],
      ['', 'district', 'Only the district is known.'],
      ['', '', ''],
    ]);
  });
  it('leaves out a column no record fills', () => {
    expect(main!.schema.fields.map((f) => f.name)).not.toContain('never');
  });
  it('puts the last history entry in the row, and the history in a table of its own', () => {
    expect(main!.rows.map((r) => [r.currentStatus, r.currentStatusDate, r['currentStatusDate.precision'], r['currentStatusDate.firstDay']])).toEqual([
      ['closed', '2025-06-15', 'day', '2025-06-15'],
      ['open', '2023-05', 'month', '2023-05-01'],
      ['closed', '2022', 'year', '2022-01-01'],
    ]);
    expect(history!.name).toBe('crossings-history');
    expect(history!.rows.map((r) => [r.crossingId, r.position, r.date, r['date.precision'], r.sourceIds])).toEqual([
      ['a', '1', '2024', 'year', 's1'],
      ['a', '2', '2025-06-15', 'day', 's1; s2'],
      ['b', '1', '2023-05', 'month', 's2'],
      ['c', '1', '2022', 'year', 's3'],
    ]);
    expect(history!.schema.primaryKey).toEqual(['crossingId', 'position']);
  });
});
