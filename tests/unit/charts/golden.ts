/**
 * Golden files for chart SVGs. On a mismatch the new output is written beside the expected file
 * as `<name>-changed.svg` for review; expected files are created when missing, but never rewritten
 * when CI=true. To accept a change: review the -changed file, then move it over the expected one.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { expect } from 'vitest';

const GOLDEN_DIR = join('tests', 'golden');

/** Renders an Astro component to HTML with the container API. */
export async function renderComponent(component: any, props: Record<string, unknown>): Promise<string> {
  const container = await AstroContainer.create();
  return container.renderToString(component, { props });
}

/** Compares `actual` with tests/golden/<name>.svg. */
export function expectGolden(name: string, actual: string): void {
  const expectedPath = join(GOLDEN_DIR, `${name}.svg`);
  const changedPath = join(GOLDEN_DIR, `${name}-changed.svg`);
  mkdirSync(dirname(expectedPath), { recursive: true });
  if (!existsSync(expectedPath)) {
    if (process.env.CI === 'true') throw new Error(`Golden file ${expectedPath} is missing; CI never writes expected files. Run the tests locally and commit it.`);
    writeFileSync(expectedPath, actual);
    return;
  }
  const expected = readFileSync(expectedPath, 'utf8');
  if (expected === actual) {
    rmSync(changedPath, { force: true });
    return;
  }
  writeFileSync(changedPath, actual);
  expect(actual, `SVG differs from ${expectedPath}; see ${changedPath}`).toBe(expected);
}
