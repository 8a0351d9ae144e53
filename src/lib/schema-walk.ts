/**
 * What the schemas expect at one place in a record, in words an editor can act on: the schema at
 * a path, a minimal example of a value that fits it (`{"min": 2, "max": 2}` for a count), and a
 * phrase for the validator's messages ("an object like ...", "a whole number", "an ISO date ...").
 */
import { z } from 'astro/zod';
import { countRange, geoPoint, localText, money, sourceIds } from '../schemas/primitives';
import { unwrap } from './schema-docs';

type Example = unknown | ((found: unknown) => unknown);

/** A count the editor wrote as a bare number ("2", or 2) becomes the range it means. */
function rangeOf(found: unknown): unknown {
  const n = typeof found === 'number' ? found : typeof found === 'string' && /^\d+$/.test(found.trim()) ? Number(found) : 2;
  return { min: n, max: n };
}

/** Examples for the shared building blocks; any other object is exemplified by its required fields. */
const EXAMPLES = new Map<z.ZodTypeAny, Example>([
  [countRange, rangeOf],
  [money, { value: 1.2, currency: 'USD', unit: 'billion' }],
  [geoPoint, { lat: 26.5, lon: 63.2, geoPrecision: 'town', geoNote: 'how the point was placed' }],
  [localText, { text: '...', lang: 'fa' }],
  [sourceIds, ['id-of-a-source']],
]);

/** Registers the example of another schema (a module's own building block). */
export function registerExample(schema: z.ZodTypeAny, example: Example): void {
  EXAMPLES.set(schema, example);
}

/** `.describe()` makes a copy of a schema that differs only in its description: still the same building block. */
function sameSchema(a: z.ZodTypeAny, b: z.ZodTypeAny): boolean {
  if (a === b) return true;
  if (a.constructor !== b.constructor) return false;
  const da = a._def as Record<string, unknown>;
  const db = b._def as Record<string, unknown>;
  const keys = new Set([...Object.keys(da), ...Object.keys(db)]);
  keys.delete('description');
  return [...keys].every((k) => da[k] === db[k]);
}

function registered(s: z.ZodTypeAny): { found: boolean; example?: Example } {
  let cur: z.ZodTypeAny | undefined = s;
  while (cur) {
    for (const [schema, example] of EXAMPLES) if (sameSchema(cur, schema)) return { found: true, example };
    if (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable) cur = cur.unwrap();
    else if (cur instanceof z.ZodDefault) cur = cur._def.innerType;
    else if (cur instanceof z.ZodEffects) cur = cur.innerType();
    else cur = undefined;
  }
  return { found: false };
}

const isDateString = (s: z.ZodTypeAny) => s.safeParse('2024-02-29').success && !s.safeParse('2023-02-29').success;
const isDayOnly = (s: z.ZodTypeAny) => isDateString(s) && !s.safeParse('2024-02').success;
const isKebabId = (s: z.ZodTypeAny) => s.safeParse('taftan-mirjaveh').success && !s.safeParse('Taftan Mirjaveh').success;

function options(s: z.ZodTypeAny): z.ZodTypeAny[] | undefined {
  if (s instanceof z.ZodDiscriminatedUnion || s instanceof z.ZodUnion) return [...(s.options as z.ZodTypeAny[])];
  return undefined;
}

/** A minimal value that fits the schema: the required fields only, with plain example values. */
export function exampleOf(s: z.ZodTypeAny, found?: unknown): unknown {
  const { schema } = unwrap(s);
  // A single value where a list is expected: the list it belongs in ("x" -> ["x"]).
  if (schema instanceof z.ZodArray && found !== undefined && found !== null && typeof found !== 'object' && schema.element.safeParse(found).success)
    return [found];
  const reg = registered(s);
  if (reg.found) return typeof reg.example === 'function' ? (reg.example as (f: unknown) => unknown)(found) : reg.example;
  if (schema instanceof z.ZodObject) {
    const out: Record<string, unknown> = {};
    for (const [k, f] of Object.entries(schema.shape as Record<string, z.ZodTypeAny>)) if (!unwrap(f).optional) out[k] = exampleOf(f);
    return out;
  }
  if (schema instanceof z.ZodArray) return [exampleOf(schema.element)];
  if (schema instanceof z.ZodString) return isDateString(s) ? '2024-01-16' : isKebabId(s) ? 'taftan-mirjaveh' : '...';
  if (schema instanceof z.ZodNumber) return 1;
  if (schema instanceof z.ZodBoolean) return true;
  if (schema instanceof z.ZodEnum) return (schema.options as string[])[0];
  if (schema instanceof z.ZodLiteral) return schema.value;
  const opts = options(schema);
  if (opts) return exampleOf(opts[0]!, found);
  return null;
}

/** JSON on one line, spaced as people write it: {"min": 2, "max": 2}. */
export function inlineJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(inlineJson).join(', ')}]`;
  if (v && typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}: ${inlineJson(x)}`)
      .join(', ')}}`;
  return JSON.stringify(v) ?? 'null';
}

/** The fields of an object schema, required first: "min, max; optional: note". */
function fieldList(schema: z.ZodObject<z.ZodRawShape>): string {
  const entries = Object.entries(schema.shape as Record<string, z.ZodTypeAny>);
  const required = entries.filter(([, f]) => !unwrap(f).optional).map(([k]) => k);
  const optional = entries.filter(([, f]) => unwrap(f).optional).map(([k]) => k);
  return [required.length ? `fields ${required.join(', ')}` : '', optional.length ? `optional ${optional.join(', ')}` : ''].filter(Boolean).join('; ');
}

/** What the schema expects, as a phrase: "an object like {...} (fields ...)", "a whole number"... */
export function expectedText(s: z.ZodTypeAny, found?: unknown): string {
  const nullable = s instanceof z.ZodNullable || (s instanceof z.ZodOptional && s.unwrap() instanceof z.ZodNullable);
  const { schema } = unwrap(s);
  let text: string;
  if (schema instanceof z.ZodObject) text = `an object like ${inlineJson(exampleOf(s, found))} (${fieldList(schema)})`;
  else if (schema instanceof z.ZodArray) text = `a list in [ ], like ${inlineJson(exampleOf(s, found))}`;
  else if (schema instanceof z.ZodString) {
    text = isDayOnly(s)
      ? 'a full ISO date like 2024-01-16'
      : isDateString(s)
        ? 'an ISO date like 2024-01-16 (or 2024-01, or 2024)'
        : isKebabId(s)
          ? 'a kebab-case id like "taftan-mirjaveh"'
          : 'a text in double quotes';
  } else if (schema instanceof z.ZodNumber) text = schema.isInt ? 'a whole number, without quotes' : 'a number, without quotes';
  else if (schema instanceof z.ZodBoolean) text = 'true or false, without quotes';
  else if (schema instanceof z.ZodEnum) text = `one of ${(schema.options as string[]).map((o) => JSON.stringify(o)).join(', ')}`;
  else if (schema instanceof z.ZodLiteral) text = JSON.stringify(schema.value);
  else {
    const opts = options(schema);
    text = opts ? [...new Set(opts.map((o) => expectedText(o, found)))].join(', or ') : 'a value';
  }
  return nullable ? `${text}, or null` : text;
}

/**
 * The schema that applies at `path` inside `root`, following the value itself through unions
 * (a trade record's `kind` picks its form). Undefined where the schema has no such field.
 */
export function schemaAt(root: z.ZodTypeAny, path: readonly (string | number)[], value: unknown): z.ZodTypeAny | undefined {
  let s: z.ZodTypeAny = root;
  let v: unknown = value;
  for (const k of path) {
    let inner = unwrap(s).schema;
    const opts = options(inner);
    if (opts) {
      const fits =
        opts.find((o) => o.safeParse(v).success) ??
        opts.find((o) => {
          const u = unwrap(o).schema;
          return (
            u instanceof z.ZodObject &&
            typeof k === 'string' &&
            k in u.shape &&
            Object.entries(u.shape as Record<string, z.ZodTypeAny>).every(
              ([key, f]) =>
                !(unwrap(f).schema instanceof z.ZodLiteral) ||
                (v as Record<string, unknown> | null)?.[key] === (unwrap(f).schema as z.ZodLiteral<unknown>).value,
            )
          );
        }) ??
        opts.find((o) => {
          const u = unwrap(o).schema;
          return u instanceof z.ZodObject && typeof k === 'string' && k in u.shape;
        });
      if (!fits) return undefined;
      inner = unwrap(fits).schema;
    }
    if (inner instanceof z.ZodArray && typeof k === 'number') s = inner.element;
    else if (inner instanceof z.ZodObject && typeof k === 'string' && k in inner.shape) s = (inner.shape as Record<string, z.ZodTypeAny>)[k]!;
    else return undefined;
    v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  }
  return s;
}
