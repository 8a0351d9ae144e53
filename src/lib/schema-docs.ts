/**
 * Field documentation read from the zod schemas themselves (their `.describe()` texts), so the data
 * README and the data pages can never drift from what the validator enforces.
 */
import { z } from 'astro/zod';

export interface FieldDoc {
  /** Dotted path, `[]` marking list items: "history[].date". */
  path: string;
  type: string;
  required: boolean;
  description: string;
}

export function unwrap(s: z.ZodTypeAny): { schema: z.ZodTypeAny; optional: boolean; description?: string } {
  let optional = false;
  let description = s.description;
  let cur = s;
  for (;;) {
    if (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable) {
      optional = optional || cur instanceof z.ZodOptional;
      cur = cur.unwrap();
    } else if (cur instanceof z.ZodDefault) {
      optional = true;
      cur = cur._def.innerType;
    } else if (cur instanceof z.ZodEffects) {
      cur = cur.innerType();
    } else break;
    description ??= cur.description;
  }
  return { schema: cur, optional, description };
}

function typeName(s: z.ZodTypeAny): string {
  const { schema } = unwrap(s);
  // A string schema that takes real calendar dates and refuses impossible ones is a date field.
  if (schema instanceof z.ZodString) return s.safeParse('2024-02-29').success && !s.safeParse('2023-02-29').success ? 'ISO date' : 'text';
  if (schema instanceof z.ZodNumber) return 'number';
  if (schema instanceof z.ZodBoolean) return 'true/false';
  if (schema instanceof z.ZodLiteral) return JSON.stringify(schema.value);
  if (schema instanceof z.ZodEnum) return (schema.options as string[]).map((o) => JSON.stringify(o)).join(' | ');
  if (schema instanceof z.ZodArray) return `list of ${typeName(schema.element)}`;
  if (schema instanceof z.ZodObject) return 'object';
  if (schema instanceof z.ZodUnion) return [...new Set((schema.options as z.ZodTypeAny[]).map(typeName))].join(' or ');
  return 'value';
}

function walk(s: z.ZodTypeAny, prefix: string, out: FieldDoc[]): void {
  const { schema } = unwrap(s);
  if (schema instanceof z.ZodObject) {
    for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodTypeAny>)) {
      const u = unwrap(field);
      const path = prefix ? `${prefix}.${key}` : key;
      const nullable = field instanceof z.ZodNullable || (field instanceof z.ZodOptional && field.unwrap() instanceof z.ZodNullable);
      out.push({ path, type: typeName(field) + (nullable ? ' or null' : ''), required: !u.optional, description: u.description ?? '' });
      const inner = u.schema instanceof z.ZodArray ? unwrap(u.schema.element).schema : u.schema;
      if (inner instanceof z.ZodObject) walk(inner, u.schema instanceof z.ZodArray ? `${path}[]` : path, out);
      else if (inner instanceof z.ZodUnion) {
        // A field with several object forms (a crossing's location: a point, or a district): every
        // form's fields once, required only when every form requires them.
        const forms = (inner.options as z.ZodTypeAny[])
          .filter((o) => unwrap(o).schema instanceof z.ZodObject)
          .map((o) => {
            const f: FieldDoc[] = [];
            walk(o, path, f);
            return f;
          });
        const seen = new Map<string, FieldDoc>();
        for (const f of forms.flat()) {
          const prev = seen.get(f.path);
          const inAll = forms.every((form) => form.some((g) => g.path === f.path && g.required));
          if (!prev) seen.set(f.path, { ...f, required: inAll, type: f.type });
          else if (prev.type !== f.type) prev.type = `${prev.type} or ${f.type}`;
        }
        out.push(...seen.values());
      }
    }
  }
}

/** The record kinds of a dataset: one for plain datasets, one per `kind` for mixed ones (trade, pipeline). */
export function recordKinds(dataset: z.ZodTypeAny): { kind?: string; fields: FieldDoc[] }[] {
  const element = unwrap(dataset).schema instanceof z.ZodArray ? (unwrap(dataset).schema as z.ZodArray<z.ZodTypeAny>).element : dataset;
  const inner = unwrap(element).schema;
  const options: z.ZodTypeAny[] = inner instanceof z.ZodDiscriminatedUnion ? [...inner.options] : inner instanceof z.ZodUnion ? [...inner.options] : [inner];
  return options.map((o) => {
    const fields: FieldDoc[] = [];
    walk(o, '', fields);
    const kindField = (unwrap(o).schema as z.ZodObject<z.ZodRawShape>).shape?.kind;
    const kind = kindField instanceof z.ZodLiteral ? String(kindField.value) : undefined;
    return { kind, fields };
  });
}
