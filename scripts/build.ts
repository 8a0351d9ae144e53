/**
 * `npm run build`: validates the data, builds the site into a temporary folder, and only then
 * replaces dist/. A failed validation or build leaves the previous dist/ untouched, so nothing
 * half-written is ever published.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblem, readDatasets } from '../src/lib/validation';

const dataDir = process.env.DATA_DIR ?? 'data';
const outDir = resolve(process.env.OUT_DIR ?? 'dist');
const tmpDir = resolve('.build-tmp');
const oldDir = resolve('.dist-old');

const { data, problems } = readDatasets(dataDir);
if (problems.length > 0) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`\nBuild stopped: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dataDir}/. ${outDir} was left as it was.`);
  process.exit(1);
}

// Hand the validated data to Astro, so it does not validate the same folder a second time (at
// 100,000 incidents that is 3-4 s of schema checks); src/lib/data.ts takes it only for this folder.
const handed = resolve('.build-data.json');
writeFileSync(handed, JSON.stringify({ dir: resolve(dataDir), data }));
rmSync(tmpDir, { recursive: true, force: true });
const astro = spawnSync(process.execPath, ['node_modules/astro/astro.js', 'build', '--outDir', tmpDir], { stdio: 'inherit', env: { ...process.env, VALIDATED_DATA: handed } });
rmSync(handed, { force: true });
if (astro.status !== 0) {
  rmSync(tmpDir, { recursive: true, force: true });
  console.error(`\nBuild failed (astro exited ${astro.status}); ${outDir} was left as it was.`);
  process.exit(1);
}

// Swap: two renames on one file system, so readers of dist/ never see a half-written site.
rmSync(oldDir, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, oldDir);
renameSync(tmpDir, outDir);
rmSync(oldDir, { recursive: true, force: true });
console.log(`Built into ${outDir}`);
