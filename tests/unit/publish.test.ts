/** The downloads: each CSV parses back to the data, each JSON file validates against its published JSON Schema. */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { flattenRecord, neutraliseFormula, parseCsv, toCsv } from '../../src/lib/csv';
import { getData } from '../../src/lib/data';
import { jsonSchemaOf } from '../../src/lib/publish';
import { DATASET_NAMES } from '../../src/schemas/index';

const data = getData();
const site = 'http://127.0.0.1:4321';

describe('CSV downloads', () => {
  for (const name of DATASET_NAMES) {
    it(`${name}.csv parses back to the records`, () => {
      const records = data[name] as unknown[];
      const rows = parseCsv(toCsv(records));
      expect(rows).toHaveLength(records.length);
      rows.forEach((row, i) => {
        const expected = flattenRecord(records[i]);
        for (const [col, value] of Object.entries(expected)) expect(row[col], `${name}[${i}].${col}`).toBe(neutraliseFormula(value));
      });
    });
  }
  it('quotes commas, quotes and line breaks', () => {
    const tricky = [{ id: 'a', note: 'He said "no", then\nleft' }];
    expect(parseCsv(toCsv(tricky))[0]!.note).toBe('He said "no", then\nleft');
  });
});

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
  it('start with a single quote (=, +, -, @, tab, carriage return), plain numbers excepted', () => {
    const records = [
      { id: 'a', title: '=HYPERLINK("http://example.invalid","click")', note: '+1+2', place: '-2+3', by: '@SUM(A1)', tab: '\tx', cr: '\rx', list: ['=1', 'b'] },
      { id: 'b', title: 'Plain', note: 'a=b', place: '-7', by: '12', tab: '-0.5', cr: '1e-3', list: [-5, 3] },
    ];
    const rows = parseCsv(toCsv(records));
    expect(rows[0]).toMatchObject({ title: `'=HYPERLINK("http://example.invalid","click")`, note: "'+1+2", place: "'-2+3", by: "'@SUM(A1)", tab: "'\tx", cr: "'\rx", list: "'=1; b" });
    expect(rows[1]).toMatchObject({ title: 'Plain', note: 'a=b', place: '-7', by: '12', tab: '-0.5', cr: '1e-3', list: "'-5; 3" });
    expect(neutraliseFormula('−5')).toBe('−5');
  });
});
