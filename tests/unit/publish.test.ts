/** The JSON downloads validate against their published JSON Schema; CSV cells never run as formulas (the tables: tables.test.ts). */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { neutraliseFormula, rowsToCsv } from '../../src/lib/csv';
import { getData } from '../../src/lib/data';
import { jsonSchemaOf } from '../../src/lib/publish';
import { DATASET_NAMES } from '../../src/schemas/index';

const data = getData();
const site = 'http://127.0.0.1:4321';

describe('JSON downloads against their JSON Schema', () => {
  const compile = (name: (typeof DATASET_NAMES)[number]) => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    return ajv.compile(jsonSchemaOf(name, site));
  };
  for (const name of DATASET_NAMES) {
    it(`${name}.json is valid against ${name}.schema.json`, () => {
      const validate = compile(name);
      const json = JSON.parse(JSON.stringify(data[name]));
      const ok = validate(json);
      expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
      expect(ok).toBe(true);
    });
    it(`${name}.schema.json rejects a record with an unknown field`, () => {
      const validate = compile(name);
      expect(validate([{ id: 'x', notAField: true }])).toBe(false);
    });
  }
});

describe('CSV cells a spreadsheet would run as formulas', () => {
  it('start with a single quote (=, +, -, @, tab, carriage return), plain numbers excepted (read back with csv-parse)', () => {
    const columns = ['id', 'title', 'note', 'place', 'by', 'tab', 'cr', 'list'];
    const rows = [
      { id: 'a', title: '=HYPERLINK("http://example.invalid","click")', note: '+1+2', place: '-2+3', by: '@SUM(A1)', tab: '\tx', cr: '\rx', list: '=1; b' },
      { id: 'b', title: 'Plain', note: 'a=b', place: '-7', by: '12', tab: '-0.5', cr: '1e-3', list: '-5; 3' },
    ];
    const back = parse(rowsToCsv(columns, rows), { columns: true }) as Record<string, string>[];
    expect(back[0]).toMatchObject({
      title: `'=HYPERLINK("http://example.invalid","click")`,
      note: "'+1+2",
      place: "'-2+3",
      by: "'@SUM(A1)",
      tab: "'\tx",
      cr: "'\rx",
      list: "'=1; b",
    });
    expect(back[1]).toMatchObject({ title: 'Plain', note: 'a=b', place: '-7', by: '12', tab: '-0.5', cr: '1e-3', list: "'-5; 3" });
    expect(neutraliseFormula('−5')).toBe('−5');
  });
});
