/**
 * Scenario folders and golden files for the charts, on the model of Observable Framework's
 * test/input/<case> -> test/output/<case>: tests/charts/input/<case>/ holds only the files that
 * case's chart reads (its datasets and the claims that annotate it; the sources they cite, once for all, in input/_shared/);
 * tests/charts/output/<name>.svg is what the chart draws from it, one element a line, with the
 * chart's own styles and the light theme's colours inside, so the file opens as the reader sees the
 * chart and a diff shows the marks that moved.
 *
 * On a mismatch the new output is written beside the expected file as `<name>-changed.svg` for
 * review; expected files are created when missing, but never when CI=true. To accept a change:
 * review the -changed file, then move it over the expected one.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { expect } from 'vitest';
import { DATASET_NAMES, datasetSchemas, type DatasetName } from '../../src/schemas/index';
import type { Datasets } from '../../src/lib/validation';

const INPUT = join('tests', 'charts', 'input');
const OUTPUT = join('tests', 'charts', 'output');
/** The sources every case's records cite, once for all cases (the charts name them in their tooltips and source lines). */
const SHARED = '_shared';

/**
 * The datasets of one or more scenario folders, each file checked against its schema (the
 * cross-file checks are the data tests' business: a case cites sources it does not carry). A dataset
 * no folder has is empty.
 */
export function loadCase(...cases: string[]): Datasets {
  const data = Object.fromEntries(DATASET_NAMES.map((n) => [n, []])) as unknown as Record<DatasetName, { id: string }[]>;
  for (const c of [SHARED, ...cases]) {
    for (const file of readdirSync(join(INPUT, c)).filter((f) => f.endsWith('.json'))) {
      const name = basename(file, '.json') as DatasetName;
      if (!DATASET_NAMES.includes(name)) throw new Error(`${join(INPUT, c, file)}: not a dataset (${DATASET_NAMES.join(', ')})`);
      const records = datasetSchemas[name].parse(JSON.parse(readFileSync(join(INPUT, c, file), 'utf8'))) as { id: string }[];
      const seen = new Set(data[name].map((r) => r.id));
      data[name].push(...records.filter((r) => !seen.has(r.id)));
    }
  }
  return data as unknown as Datasets;
}

/** Renders an Astro component to HTML with the container API. */
export async function renderComponent(component: any, props: Record<string, unknown>): Promise<string> {
  const container = await AstroContainer.create();
  return container.renderToString(component, { props });
}

/** Elements whose content stays on their line (a line break inside text would draw as a space). */
const INLINE = new Set(['text', 'title', 'desc', 'style', 'li', 'p', 'span', 'strong', 'em', 'abbr']);

/** Markup one element a line, indented by depth; text elements (INLINE) whole on one line. */
export function pretty(markup: string): string {
  const out: string[] = [];
  const pad = (d: number) => '  '.repeat(d);
  let depth = 0;
  let inlineAt: number | undefined;
  let line = '';
  for (const t of markup.match(/<[^>]+>|[^<]+/g) ?? []) {
    const isTag = t.startsWith('<');
    const close = t.startsWith('</');
    const open = isTag && !close && !t.endsWith('/>');
    if (inlineAt !== undefined) {
      line += t;
      if (open) depth++;
      if (close && --depth === inlineAt) {
        out.push(line);
        inlineAt = undefined;
      }
      continue;
    }
    if (!isTag) {
      if (t.trim()) out.push(pad(depth) + t.trim());
      continue;
    }
    if (close) {
      depth--;
      out.push(pad(depth) + t);
      continue;
    }
    if (!open) {
      out.push(pad(depth) + t);
      continue;
    }
    const name = /^<([\w:-]+)/.exec(t)?.[1] ?? '';
    if (INLINE.has(name)) {
      inlineAt = depth;
      line = pad(depth) + t;
      depth++;
      continue;
    }
    out.push(pad(depth) + t);
    depth++;
  }
  return `${out.join('\n')}\n`;
}

/** The light theme's colours (the first :root block of src/styles/global.css) and a component's own <style is:global> rules. */
export function stylesOf(componentFile: string): string {
  const theme = /:root\s*\{([^}]*)\}/.exec(readFileSync(join('src', 'styles', 'global.css'), 'utf8'))![1]!.replace(/\/\*[\s\S]*?\*\//g, '');
  const own = /<style is:global>([\s\S]*?)<\/style>/.exec(readFileSync(componentFile, 'utf8'))?.[1] ?? '';
  const vars = theme
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d.startsWith('--'))
    .join('; ');
  // A rule under the figure's id (#figure-pipeline .lane) applies to the SVG alone here, which is the whole file.
  const rules = own
    .trim()
    .split('\n')
    .map((l) => l.trim().replace(/#figure-[\w-]+ /g, ''));
  return `:root { ${vars}; background: var(--bg); color: var(--text); }\n${rules.join('\n')}`;
}

/** HTML's valueless attributes (class, from an empty class list) written as XML wants them: class="". */
function xmlAttributes(markup: string): string {
  return markup.replace(
    /<([\w:-]+)((?:\s+[\w:-]+(?:="[^"]*")?)*)(\s*\/?)>/g,
    (_, name: string, attrs: string, end: string) =>
      `<${name}${attrs.replace(/(\s+)([\w:-]+)(="[^"]*")?/g, (_m, sp: string, a: string, v?: string) => `${sp}${a}${v ?? '=""'}`)}${end}>`,
  );
}

/** An SVG as a standalone golden file: its namespace, the styles it needs, one element a line. */
export function svgGolden(svg: string, componentFile: string): string {
  const withNs = xmlAttributes(svg.trim()).replace(/^<svg /, '<svg xmlns="http://www.w3.org/2000/svg" ');
  const open = /^<svg[^>]*>/.exec(withNs)![0];
  return pretty(`${open}<style>${stylesOf(componentFile)}</style>${withNs.slice(open.length)}`);
}

/** Compares `actual` with tests/charts/output/<name>. */
export function expectGolden(name: string, actual: string): void {
  const expectedPath = join(OUTPUT, name);
  const changedPath = expectedPath.replace(/(\.\w+)$/, '-changed$1');
  mkdirSync(dirname(expectedPath), { recursive: true });
  if (!existsSync(expectedPath)) {
    if (process.env.CI === 'true')
      throw new Error(`Golden file ${expectedPath} is missing; CI never writes expected files. Run the tests locally and commit it.`);
    writeFileSync(expectedPath, actual);
    return;
  }
  const expected = readFileSync(expectedPath, 'utf8');
  if (expected === actual) {
    rmSync(changedPath, { force: true });
    return;
  }
  writeFileSync(changedPath, actual);
  expect(actual, `differs from ${expectedPath}; see ${changedPath}`).toBe(expected);
}
