/**
 * Strict reading of the data files: bytes to text (UTF-8 only, no byte-order mark) and text to a
 * value (JSON only, with the position and a plain-words reason for every problem).
 *
 * JSON.parse alone is not enough for an editor: Node 20 gives no position for some errors (a
 * trailing comma, NaN, a BOM are reported "at the end"), it keeps the last of two equal keys without
 * a word, and reads 1e400 as Infinity. So the text is first scanned here, once, by a small
 * tokenizer that knows where it is (offset, line, column, and the path of keys and indexes into the
 * value); only text that passes is handed to JSON.parse. Problems are plain data (`JsonProblem`),
 * so the validator, the CLI and any editor-facing tool can word or place them as they need.
 */

/** A JSON path: keys of objects and indexes of arrays, from the top of the file. */
export type JsonPath = (string | number)[];

export type JsonProblemKind =
  /** The bytes are not UTF-8. */
  | 'encoding'
  /** The file starts with a byte-order mark. */
  | 'bom'
  /** The text is not JSON; scanning stops at the first such problem. */
  | 'syntax'
  /** A key given twice in one object (JSON.parse would keep the last silently). */
  | 'duplicate-key'
  /** A number JSON can write but a double cannot hold (1e400 reads as Infinity, 1e-400 as 0). */
  | 'number-range';

export interface JsonProblem {
  kind: JsonProblemKind;
  /** 1-based line and column (columns count characters, not bytes). */
  line: number;
  column: number;
  /** Offset in the text (characters; for `encoding`, the offset in the bytes). */
  offset: number;
  /** Where in the value it is, as far as the scan got (empty at the top). */
  path: JsonPath;
  /** What is wrong, in plain words, without the position (the caller places it). */
  message: string;
}

/** Line and column (1-based) of a character offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const end = Math.max(0, Math.min(offset, text.length));
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: end - start + 1 };
}

/** Byte offset of the first byte that does not belong to valid UTF-8, or -1 if all are valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * Decodes a data file's bytes as UTF-8, strictly: invalid bytes are a problem (never a silent
 * "�" on the page), and so is a byte-order mark.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string; problem?: undefined } | { text?: undefined; problem: JsonProblem } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { problem: bomProblem() };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const offset = at < 0 ? bytes.length : at;
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const { line, column } = lineColumn(before, before.length);
    const shown = [...bytes.subarray(offset, offset + 3)].map(hex).join(' ');
    return {
      problem: {
        kind: 'encoding',
        line,
        column,
        offset,
        path: [],
        message: `expected UTF-8 text, got bytes that are not UTF-8 (${shown}); the file was probably saved in another encoding (Latin-1, Windows-1252): save it as UTF-8`,
      },
    };
  }
}

function bomProblem(): JsonProblem {
  return {
    kind: 'bom',
    line: 1,
    column: 1,
    offset: 0,
    path: [],
    message: 'the file starts with a byte-order mark (BOM, U+FEFF); save it as UTF-8 without BOM (most editors call it "UTF-8", not "UTF-8 with BOM")',
  };
}

/** Thrown inside the scanner to stop at the first syntax error. */
class Stop extends Error {
  constructor(
    public readonly at: number,
    public readonly reason: string,
  ) {
    super(reason);
  }
}

const WS = new Uint8Array(128);
for (const c of [0x20, 0x09, 0x0a, 0x0d]) WS[c] = 1;
/** A backslash or a control character: a string holding one is read character by character. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const SPECIAL = /[\\\u0000-\u001f]/;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** A character as an editor can find it: itself when visible, and its code point. */
function showChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const visible = cp > 0x20 && !(cp >= 0x7f && cp <= 0xa0) && cp !== 0xfeff && !/\p{Cf}|\p{Zs}/u.test(ch);
  return visible ? `"${ch}" (${code})` : code;
}

/**
 * Scans JSON text. Returns every problem: the first syntax error (the scan stops there), or every
 * duplicate key and out-of-range number in a text that is otherwise JSON.
 */
export function scanJson(text: string): JsonProblem[] {
  const problems: JsonProblem[] = [];
  const path: JsonPath = [];
  const n = text.length;
  let i = 0;

  // Line starts, found once and only if a problem needs a position.
  let starts: number[] | undefined;
  const locate = (offset: number): { line: number; column: number } => {
    if (!starts) {
      starts = [0];
      for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) starts.push(k + 1);
    }
    return positionIn(starts, offset);
  };
  const at = (offset: number, kind: JsonProblemKind, message: string, where: JsonPath = path): JsonProblem => ({
    kind,
    ...locate(offset),
    offset,
    path: [...where],
    message,
  });
  const skipWs = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128 && WS[c]) i++;
      else break;
    }
  };
  const lineOf = (offset: number) => locate(offset).line;

  /** Why the character at `i` cannot start a value, in words. */
  const notAValue = (): Stop => {
    if (i >= n) return new Stop(i, 'the file ends where a value was expected');
    const ch = text[i]!;
    if (ch === "'") return new Stop(i, 'strings take double quotes in JSON ("like this"), not single quotes');
    if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return new Stop(i, 'JSON has no comments; remove it (data/README.md documents the fields)');
    if (ch === ',') return new Stop(i, 'a comma where a value was expected (two commas in a row, or a comma before the first item?)');
    const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(i, i + 40))?.[0];
    if (word === 'NaN' || word === 'Infinity')
      return new Stop(i, `${word} is not allowed in JSON: write a number, or leave the field out (or null where the field allows it)`);
    if (word === 'undefined') return new Stop(i, 'undefined is not allowed in JSON: leave the field out (or null where the field allows it)');
    if (word === 'True' || word === 'False' || word === 'None' || word === 'Null')
      return new Stop(i, `${word} is not JSON: write ${word === 'None' ? 'null' : word.toLowerCase()} (lower case)`);
    if (word) return new Stop(i, `unexpected word ${word}: text must be in double quotes ("${word}")`);
    if (ch === '+' || ch === '.') return new Stop(i, `a JSON number cannot start with "${ch}" (write ${ch === '+' ? '5, not +5' : '0.5, not .5'})`);
    return new Stop(i, `expected a value (a string in double quotes, a number, true, false, null, an object or a list), got ${showChar(ch)}`);
  };

  /** Scans a string starting at the quote at `i`; returns its raw text without quotes. */
  const string = (): string => {
    const start = i;
    // Most strings hold no escape and no control character: take them in one step.
    const close = text.indexOf('"', i + 1);
    if (close !== -1) {
      const raw = text.slice(i + 1, close);
      if (!SPECIAL.test(raw)) {
        i = close + 1;
        return raw;
      }
    }
    i++;
    let escaped = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        const raw = text.slice(start + 1, i - 1);
        return escaped ? (JSON.parse(text.slice(start, i)) as string) : raw;
      }
      if (c === 0x5c) {
        escaped = true;
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Stop(i, '\\u must be followed by four hexadecimal digits (\\u00e9)');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else throw new Stop(i, `\\${e ?? ''} is not an escape JSON knows: write \\\\ for a backslash (JSON knows \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`);
        continue;
      }
      if (c === 0x0a || c === 0x0d)
        throw new Stop(
          i,
          `a line break inside a string: close the string that starts at line ${lineOf(start)}, column ${locate(start).column} with ", or write \\n for a line break`,
        );
      if (c < 0x20) throw new Stop(i, `a control character (${showChar(text[i]!)}) inside a string: write it as an escape (\\t for a tab) or remove it`);
      i++;
    }
    throw new Stop(start, 'this string is never closed: the file ends before its closing "');
  };

  const number = () => {
    const start = i;
    if (text[i] === '-') i++;
    if (text[i] === '0') {
      i++;
      if (isDigit(text.charCodeAt(i)))
        throw new Stop(
          start,
          `a JSON number cannot start with 0 (${text.slice(start, i + 3)}...): write it without leading zeros, or as a string if it is a code`,
        );
    } else if (isDigit(text.charCodeAt(i))) {
      while (isDigit(text.charCodeAt(i))) i++;
    } else throw new Stop(start, `"-" must be followed by digits in a JSON number`);
    if (text[i] === '.') {
      i++;
      if (!isDigit(text.charCodeAt(i))) throw new Stop(i, 'a JSON number needs digits after the decimal point (write 5 or 5.0, not 5.)');
      while (isDigit(text.charCodeAt(i))) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!isDigit(text.charCodeAt(i))) throw new Stop(i, 'a JSON number needs digits after its exponent (1e5)');
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const raw = text.slice(start, i);
    const v = Number(raw);
    if (!Number.isFinite(v))
      problems.push(at(start, 'number-range', `${raw} is too large to be a number (it would read as ${v > 0 ? '' : '-'}Infinity); is the exponent a typo?`));
    else if (v === 0 && /[1-9]/.test(raw.replace(/[eE].*$/, '')))
      problems.push(at(start, 'number-range', `${raw} is too small to be a number (it would read as 0); is the exponent a typo?`));
  };

  const literal = (word: string) => {
    if (text.startsWith(word, i)) {
      const next = text[i + word.length];
      if (next === undefined || !/[\w$]/.test(next)) {
        i += word.length;
        return;
      }
    }
    throw notAValue();
  };

  const value = (): void => {
    skipWs();
    const c = text.charCodeAt(i);
    if (c === 0x7b) return object();
    if (c === 0x5b) return array();
    if (c === 0x22) {
      string();
      return;
    }
    if (c === 0x2d || isDigit(c)) return number();
    if (c === 0x74) return literal('true');
    if (c === 0x66) return literal('false');
    if (c === 0x6e) return literal('null');
    throw notAValue();
  };

  /** After an item: a comma, the closing bracket, or a clear error about the missing one. */
  const after = (close: string, what: string, itemEnd: number, opened: number): 'more' | 'done' => {
    skipWs();
    const ch = text[i];
    if (ch === ',') {
      const comma = i;
      i++;
      skipWs();
      if (text[i] === close) throw new Stop(comma, `a comma after the last ${what}: remove it (JSON allows no trailing comma before ${close})`);
      return 'more';
    }
    if (ch === close) {
      i++;
      return 'done';
    }
    if (i >= n) {
      const o = locate(opened);
      throw new Stop(i, `the file ends before the ${close === ']' ? 'list' : 'object'} opened at line ${o.line}, column ${o.column} is closed with ${close}`);
    }
    const missing = lineOf(itemEnd) < lineOf(i) ? ` (is a comma missing at the end of line ${lineOf(itemEnd)}?)` : '';
    throw new Stop(i, `expected a comma or ${close} after the ${what}, got ${showChar(ch!)}${missing}`);
  };

  const object = () => {
    const opened = i;
    i++;
    skipWs();
    if (text[i] === '}') {
      i++;
      return;
    }
    const seen = new Map<string, number>();
    for (;;) {
      skipWs();
      if (text[i] !== '"') {
        if (text[i] === '}') throw new Stop(i, 'a comma after the last field: remove it (JSON allows no trailing comma before })');
        const word = /^[A-Za-z_$][\w$-]*/.exec(text.slice(i, i + 60))?.[0];
        if (word) throw new Stop(i, `field names take double quotes in JSON: write "${word}"`);
        if (text[i] === "'") throw new Stop(i, 'field names take double quotes in JSON, not single quotes');
        if (i >= n) throw new Stop(i, `the file ends before the object opened at line ${lineOf(opened)} is closed with }`);
        throw new Stop(i, `expected a field name in double quotes, got ${showChar(text[i]!)}`);
      }
      const keyAt = i;
      const key = string();
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push(
          at(
            keyAt,
            'duplicate-key',
            `the field "${key}" is given twice in one object (first at line ${lineOf(first)}, again at line ${lineOf(keyAt)}); JSON would keep only the last: remove one`,
            [...path, key],
          ),
        );
      } else seen.set(key, keyAt);
      skipWs();
      if (text[i] !== ':') throw new Stop(i, `expected a colon after the field name "${key}", got ${i < n ? showChar(text[i]!) : 'the end of the file'}`);
      i++;
      path.push(key);
      value();
      path.pop();
      if (after('}', `value of "${key}"`, i, opened) === 'done') return;
    }
  };

  const array = () => {
    const opened = i;
    i++;
    skipWs();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (let k = 0; ; k++) {
      path.push(k);
      value();
      path.pop();
      if (after(']', 'item', i, opened) === 'done') return;
    }
  };

  if (text.charCodeAt(0) === 0xfeff) return [bomProblem()];
  try {
    skipWs();
    if (i >= n) throw new Stop(0, 'the file is empty: expected JSON (a list of records in [ ])');
    value();
    skipWs();
    if (i < n) throw new Stop(i, `more text after the end of the JSON value (${showChar(text[i]!)}); is there an extra ] or }, or a second value?`);
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
    return [at(err.at, 'syntax', err.reason)];
  }
  return problems;
}

/**
 * Parses JSON text strictly: the value when the text is JSON with no duplicate key and no number
 * out of range, otherwise every problem found (with no value).
 */
export function parseJsonText(text: string): { value: unknown; problems: [] } | { value?: undefined; problems: JsonProblem[] } {
  const problems = scanJson(text);
  if (problems.length > 0) return { problems };
  return { value: JSON.parse(text) as unknown, problems: [] };
}

/** Line starts of a text, found once, for placing many offsets (see `positionIn`). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) starts.push(k + 1);
  return starts;
}

/** 1-based line and column of an offset, given the text's line starts. */
export function positionIn(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** A node of the tree of paths `locatePaths` looks for. */
interface PathNode {
  wanted: boolean;
  children: Map<string, PathNode>;
}
const pathKey = (k: string | number) => (typeof k === 'number' ? `#${k}` : `.${k}`);

/** The key under which `locatePaths` returns a path's offset. */
export function jsonPathKey(path: JsonPath): string {
  return path.map(pathKey).join('');
}

/**
 * Where values are in a text that is valid JSON (it has passed `scanJson`): for each path, the
 * offset of its field name (an object member) or of the item itself (a list item, the top value).
 * Paths not in the text are left out. One pass that skips every part of the text no path enters,
 * so it is run only when there is a problem to place.
 */
export function locatePaths(text: string, paths: readonly JsonPath[]): Map<string, number> {
  const root: PathNode = { wanted: false, children: new Map() };
  for (const p of paths) {
    let node = root;
    for (const k of p) {
      const key = pathKey(k);
      let next = node.children.get(key);
      if (!next) {
        next = { wanted: false, children: new Map() };
        node.children.set(key, next);
      }
      node = next;
    }
    node.wanted = true;
  }
  const found = new Map<string, number>();
  const n = text.length;
  let i = 0;
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  /** Skips a string at `i` (its opening quote); returns its raw text. */
  const str = (): string => {
    const start = i + 1;
    let j = start;
    for (;;) {
      j = text.indexOf('"', j);
      let backslashes = 0;
      for (let k = j - 1; text.charCodeAt(k) === 0x5c; k--) backslashes++;
      if (backslashes % 2 === 0) break;
      j++;
    }
    i = j + 1;
    return text.slice(start, j);
  };
  /** Skips any value at `i` without looking inside. */
  const skip = () => {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      str();
      return;
    }
    if (c !== 0x7b && c !== 0x5b) {
      while (i < n && !/[,\]}\s]/.test(text[i]!)) i++;
      return;
    }
    let depth = 0;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d === 0x22) {
        str();
        continue;
      }
      if (d === 0x7b || d === 0x5b) depth++;
      else if (d === 0x7d || d === 0x5d) {
        depth--;
        if (depth === 0) {
          i++;
          return;
        }
      }
      i++;
    }
  };
  const walk = (node: PathNode, prefix: string) => {
    ws();
    if (node.children.size === 0) {
      skip();
      return;
    }
    const c = text.charCodeAt(i);
    if (c === 0x7b) {
      i++;
      for (;;) {
        ws();
        if (text.charCodeAt(i) === 0x7d) {
          i++;
          return;
        }
        const keyAt = i;
        const raw = str();
        const name = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        ws();
        i++; // the colon
        const key = pathKey(name);
        const child = node.children.get(key);
        if (child) {
          if (child.wanted) found.set(prefix + key, keyAt);
          walk(child, prefix + key);
        } else {
          ws();
          skip();
        }
        ws();
        if (text.charCodeAt(i) === 0x2c) i++;
      }
    } else if (c === 0x5b) {
      i++;
      for (let k = 0; ; k++) {
        ws();
        if (text.charCodeAt(i) === 0x5d) {
          i++;
          return;
        }
        const key = pathKey(k);
        const child = node.children.get(key);
        if (child) {
          if (child.wanted) found.set(prefix + key, i);
          walk(child, prefix + key);
        } else skip();
        ws();
        if (text.charCodeAt(i) === 0x2c) i++;
      }
    } else skip();
  };
  ws();
  if (root.wanted) found.set('', i);
  walk(root, '');
  return found;
}
