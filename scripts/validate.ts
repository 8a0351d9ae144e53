/**
 * `npm run validate`: checks every dataset in DATA_DIR (default data/) against the schemas and the
 * cross-dataset rules, without building the site. Prints every problem, one a line; exits 1 if any.
 */
import { formatProblem, readDatasets } from '../src/lib/validation';

const dir = process.env.DATA_DIR ?? 'data';
const started = performance.now();
const { data, problems } = readDatasets(dir);
if (!data) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir}/. Nothing was built. data/README.md documents every field.`);
  process.exit(1);
}
const counts = Object.entries(data).map(([name, records]) => `${name} ${(records as unknown[]).length}`).join(', ');
console.log(`${dir}/ is valid (${counts}) in ${Math.round(performance.now() - started)} ms`);
