/**
 * `npm run validate`: checks every dataset in DATA_DIR (default data/) against the schemas and the
 * cross-dataset rules, without building the site. Prints every problem, one a line, each at its
 * file, line and record; then any warnings about the edit (src/lib/changes.ts). Exits 1 if there is
 * a problem (warnings alone do not fail).
 */
import { join, relative } from 'node:path';
import { changeWarnings } from '../src/lib/changes';
import { formatProblem, readDatasets } from '../src/lib/validation';

const dir = process.env.DATA_DIR ?? 'data';
const started = performance.now();
const { data, problems } = readDatasets(dir);
const warnings = changeWarnings(dir, (name) => relative(process.cwd(), join(dir, `${name}.json`)) || `${name}.json`);
const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
if (!data) {
  for (const p of problems) console.error(formatProblem(p));
  for (const w of warnings) console.error(formatProblem(w));
  console.error(
    `\n${plural(problems.length, 'problem')}${warnings.length ? ` and ${plural(warnings.length, 'warning')}` : ''} in ${dir}/. Fix the problems and run npm run validate again (it only checks: it builds nothing, and npm run build refuses to build until there are none). data/README.md documents every field.`,
  );
  process.exit(1);
}
for (const w of warnings) console.warn(formatProblem(w));
const counts = Object.entries(data)
  .map(([name, records]) => `${name} ${(records as unknown[]).length}`)
  .join(', ');
console.log(
  `${warnings.length ? '\n' : ''}${dir}/ is valid (${counts}) in ${Math.round(performance.now() - started)} ms${warnings.length ? `, with ${plural(warnings.length, 'warning')} above to read (they do not stop the build)` : ''}`,
);
