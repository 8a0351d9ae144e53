/**
 * The strict reader of data files (src/lib/json.ts): every syntax error at its real line and column
 * with a reason in words (Node 20's JSON.parse gives none for several), a BOM named as such, bytes
 * that are not UTF-8, keys given twice, numbers a double cannot hold; and valid JSON read exactly as
 * JSON.parse reads it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeUtf8, firstInvalidUtf8, jsonPathKey, lineColumn, lineStarts, locatePaths, parseJsonText, positionIn, scanJson } from '../../src/lib/json';
import { parseJson } from '../../src/lib/validation';

const one = (text: string) => {
  const problems = scanJson(text);
  expect(problems, `problems for ${JSON.stringify(text)}`).toHaveLength(1);
  return problems[0]!;
};

describe('syntax errors: the real position and a reason', () => {
  const cases: [string, string, number, number, RegExp][] = [
    ['a trailing comma in a list', '[\n  1,\n  2,\n]', 3, 4, /comma after the last item.*no trailing comma before \]/],
    ['a trailing comma in an object', '[{"a": 1,\n}]', 1, 9, /comma after the last value of "a".*before \}/],
    ['NaN', '[{"killed": NaN}]', 1, 13, /NaN is not allowed in JSON/],
    ['Infinity', '[{"v": -Infinity}]', 1, 8, /"-" must be followed by digits/],
    ['undefined', '[undefined]', 1, 2, /undefined is not allowed/],
    [
      'a missing comma between fields',
      '[\n  {\n    "id": "x",\n    "date": "2024-01-16"\n    "place": "Panjgur"\n  }\n]',
      5,
      5,
      /expected a comma or \} after the value of "date".*comma missing at the end of line 4/,
    ],
    ['a missing comma between records', '[\n  {"id": "a"}\n  {"id": "b"}\n]', 3, 3, /expected a comma or \] after the item.*line 2/],
    ['an unclosed list', '[\n  {"id": "a"}\n', 3, 1, /file ends before the list opened at line 1, column 1 is closed/],
    ['an unclosed string', '[{"id": "a}]', 1, 9, /string is never closed/],
    ['a line break in a string', '[{"note": "one\ntwo"}]', 1, 15, /line break inside a string.*starts at line 1, column 11/],
    ['single quotes', "[{'id': 'a'}]", 1, 3, /field names take double quotes.*not single/],
    ['an unquoted key', '[{id: "a"}]', 1, 3, /field names take double quotes in JSON: write "id"/],
    ['a comment', '[\n  // a note\n  1\n]', 2, 3, /JSON has no comments/],
    ['a leading zero', '[007]', 1, 2, /cannot start with 0/],
    ['a bare decimal point', '[5.]', 1, 4, /digits after the decimal point/],
    ['a plus sign', '[+5]', 1, 2, /cannot start with "\+"/],
    ['a bad escape', '["C:\\data"]', 1, 5, /\\d is not an escape JSON knows/],
    ['Python words', '[True]', 1, 2, /True is not JSON: write true/],
    ['an empty file', '  \n', 1, 1, /the file is empty/],
    ['text after the value', '[1]\n]', 2, 1, /more text after the end/],
    ['a stray character', '[1, #]', 1, 5, /expected a value.*"#" \(U\+0023\)/],
    ['a no-break space between tokens', '[1,\u00a02]', 1, 4, /expected a value.*U\+00A0/],
  ];
  for (const [name, text, line, column, says] of cases) {
    it(name, () => {
      const p = one(text);
      expect(p.kind).toBe('syntax');
      expect(p.message).toMatch(says);
      expect({ line: p.line, column: p.column }).toEqual({ line, column });
    });
  }
  it('agrees with JSON.parse on what is JSON', () => {
    for (const [, text] of cases) {
      expect(() => JSON.parse(text), text).toThrow();
    }
  });
});

describe('a byte-order mark', () => {
  it('is named as such, at line 1, column 1, in text and in bytes', () => {
    const p = one('\ufeff[1]');
    expect(p).toMatchObject({ kind: 'bom', line: 1, column: 1 });
    expect(p.message).toMatch(/byte-order mark/);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('[1]')]);
    expect(decodeUtf8(bytes).problem).toMatchObject({ kind: 'bom', line: 1, column: 1 });
  });
});

describe('bytes that are not UTF-8', () => {
  it('are a problem at their line and column, never a silent "�"', () => {
    // "Quetta\n  Pishīn" with a Latin-1 é (0xE9) on line 2.
    const bytes = new Uint8Array([...Buffer.from('["Quetta",\n "Pish'), 0xe9, ...Buffer.from('n"]')]);
    const r = decodeUtf8(bytes);
    expect(r.text).toBeUndefined();
    expect(r.problem).toMatchObject({ kind: 'encoding', line: 2, column: 7 });
    expect(r.problem!.message).toMatch(/not UTF-8 \(0xE9 0x6E 0x22\).*save it as UTF-8/);
  });
  it('finds the first bad byte: truncated, overlong, surrogate and out-of-range sequences', () => {
    expect(firstInvalidUtf8(Buffer.from('Zāhedān می‌رود 🙂'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc3]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x80]))).toBe(1);
  });
  it('decodes valid UTF-8 exactly', () => {
    expect(decodeUtf8(Buffer.from('["میرجاوه"]')).text).toBe('["میرجاوه"]');
  });
});

describe('keys given twice', () => {
  it('are each a problem, with the path and both lines', () => {
    const text = '[\n  {"id": "a", "place": "x"},\n  {"id": "b",\n   "place": "y",\n   "killed": {"min": 1, "min": 2},\n   "place": "z"}\n]';
    const problems = scanJson(text);
    expect(problems.map((p) => [p.kind, p.path, p.line])).toEqual([
      ['duplicate-key', [1, 'killed', 'min'], 5],
      ['duplicate-key', [1, 'place'], 6],
    ]);
    expect(problems[1]!.message).toMatch(/"place" is given twice.*first at line 4, again at line 6.*remove one/);
  });
  it('compare keys as JSON reads them (escapes decoded)', () => {
    expect(scanJson('{"a": 1, "\\u0061": 2}')[0]).toMatchObject({ kind: 'duplicate-key', path: ['a'] });
  });
  it('are named by record and field by the validator', () => {
    const { problems } = parseJson('[{"id": "quetta", "name": "Quetta", "name": "Kwatah"}]', 'data/places.json');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'data/places.json', record: 'quetta', field: 'name', line: 1, column: 37 });
  });
});

describe('numbers a double cannot hold', () => {
  it('1e400 is a problem (it would read as Infinity), 1e-400 too (it would read as 0)', () => {
    const problems = scanJson('[{"v": 1e400}, {"v": -2E+999}, {"v": 1e-400}, {"v": 0e-400}, {"v": 1.5e308}]');
    expect(problems.map((p) => [p.kind, p.path, p.column])).toEqual([
      ['number-range', [0, 'v'], 8],
      ['number-range', [1, 'v'], 22],
      ['number-range', [2, 'v'], 38],
    ]);
    expect(problems[0]!.message).toMatch(/1e400 is too large.*Infinity/);
    expect(problems[1]!.message).toMatch(/-Infinity/);
    expect(problems[2]!.message).toMatch(/too small.*0/);
  });
  it('are named by record and field by the validator', () => {
    const { problems } = parseJson('[{"id": "t1", "amount": {"value": 1e400}}]', 'data/trade.json');
    expect(problems[0]).toMatchObject({ record: 't1', index: 0, recordLine: 1, field: 'amount.value', line: 1, column: 35 });
    expect(problems[0]!.message).toMatch(/1e400 is too large.*Infinity/);
  });
});

describe('valid JSON', () => {
  it('is read exactly as JSON.parse reads it', () => {
    const texts = [
      '[]',
      '{}',
      ' [ 1 , -0.5e-3 , 0 , true , false , null , "" ] ',
      '[{"id": "a", "nested": {"list": [1, [2, [3]]], "s": "quote \\" backslash \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude42"}}]',
      '{"__proto__": {"x": 1}, "constructor": 2}',
      '"just a string"',
      '42',
    ];
    for (const t of texts) {
      const r = parseJsonText(t);
      expect(r.problems, t).toEqual([]);
      expect(r.value).toEqual(JSON.parse(t));
    }
  });
  it('reads the real datasets with no problem', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    for (const f of readdirSync('data').filter((f) => f.endsWith('.json'))) expect(scanJson(readFileSync(`data/${f}`, 'utf8')), f).toEqual([]);
  });
});

describe('lineColumn', () => {
  it('counts lines and characters', () => {
    expect(lineColumn('ab\ncd\n', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab', 99)).toEqual({ line: 1, column: 3 });
  });
});

describe('locatePaths', () => {
  it('finds field names and list items by path, past strings with escaped quotes and brackets', () => {
    const text = '[\n  {"id": "a", "note": "say \\"]}\\" \\\\", "x": [1, {"y": 2}]},\n  {"id": "b", "k\\u0065y": {"deep": [true, null]}}\n]';
    expect(JSON.parse(text)).toBeTruthy();
    const found = locatePaths(text, [[0], [0, 'x', 1, 'y'], [1], [1, 'key', 'deep', 1], [1, 'missing'], [5]]);
    const at = (p: (string | number)[]) => found.get(jsonPathKey(p));
    expect(at([0])).toBe(text.indexOf('{"id": "a"'));
    expect(at([0, 'x', 1, 'y'])).toBe(text.indexOf('"y"'));
    expect(at([1])).toBe(text.indexOf('{"id": "b"'));
    expect(at([1, 'key', 'deep', 1])).toBe(text.indexOf('null'));
    expect(at([1, 'missing'])).toBeUndefined();
    expect(at([5])).toBeUndefined();
    const starts = lineStarts(text);
    expect(positionIn(starts, at([1])!)).toEqual({ line: 3, column: 3 });
  });
  it('places every record of the real data where JSON.stringify would start it', () => {
    const list = JSON.parse(readFileSync('data/events.json', 'utf8')) as unknown[];
    const text = JSON.stringify(list, null, 2);
    const found = locatePaths(
      text,
      list.map((_, i) => [i]),
    );
    const starts = lineStarts(text);
    let line = 2;
    list.forEach((r, i) => {
      expect(positionIn(starts, found.get(jsonPathKey([i]))!)).toEqual({ line, column: 3 });
      line += JSON.stringify(r, null, 2).split('\n').length;
    });
  });
});
