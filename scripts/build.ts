/**
 * `npm run build`: validates the data, builds the site into a folder of its own, and only then
 * replaces dist/ (a link to the build it shows, swapped in one step: scripts/lib/swap.ts). A failed
 * validation or build leaves the previous dist/ untouched, so nothing half-written is ever published.
 *
 * Each build works in a temporary folder of its own in the project (two builds at once used to
 * share .build-tmp, and Astro, given an output folder outside the project, puts its server chunks in
 * the project's shared .astro/; inside the build's own folder they are its own), and holds a lock on
 * the output folder from start to end: a second build into the same folder waits for the first, a
 * build into another folder runs alongside. A lock left by a build that died is taken over.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { changeWarnings } from '../src/lib/changes';
import { formatProblem, readDatasets } from '../src/lib/validation';
import { buildSite, defaultSiteWarning } from '../src/lib/site';
import { writeHandOff } from '../src/lib/data';
import { publish } from './lib/swap';

const dataDir = process.env.DATA_DIR ?? 'data';
const outDir = resolve(process.env.OUT_DIR ?? 'dist');
const shown = relative(process.cwd(), outDir) || outDir;
const parent = dirname(outDir);
const lockDir = join(parent, `.${basename(outDir)}.build-lock`);
const LOCK_WAIT_MS = 10 * 60_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock on the output folder, waiting while another live build holds it. */
function lock(): void {
  mkdirSync(parent, { recursive: true });
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'owner.json'), JSON.stringify({ pid: process.pid, started: new Date().toISOString() }));
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let owner: { pid?: number; started?: string } = {};
    try {
      owner = JSON.parse(readFileSync(join(lockDir, 'owner.json'), 'utf8')) as typeof owner;
    } catch {
      /* being written, or left empty */
    }
    if (owner.pid !== undefined && !alive(owner.pid)) {
      console.warn(`A build into ${shown} (pid ${owner.pid}) ended without releasing its lock; taking it over.`);
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() - started > LOCK_WAIT_MS) {
      console.error(
        `\nBuild stopped: another build into ${shown} (pid ${owner.pid ?? '?'}, since ${owner.started ?? '?'}) has held ${relative(process.cwd(), lockDir)} for over ${LOCK_WAIT_MS / 60_000} minutes. If no build is running, remove that folder.`,
      );
      process.exit(1);
    }
    if (!told) {
      console.log(`Waiting for another build into ${shown} (pid ${owner.pid ?? '?'}) to finish...`);
      told = true;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
  }
}

let work: string | undefined;
function cleanUp(): void {
  if (work) rmSync(work, { recursive: true, force: true });
  rmSync(lockDir, { recursive: true, force: true });
}
function stop(code: number): never {
  cleanUp();
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(130));

const { site, isDefault } = buildSite();
if (isDefault) console.warn(`${defaultSiteWarning(site)}\n`);

lock();
const { data, problems } = readDatasets(dataDir);
if (problems.length > 0) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`\nBuild stopped: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dataDir}/. ${shown} was left as it was.`);
  stop(1);
}
// What an edit may have left behind (a note beside a changed status, a change not in the corrections log): printed, never stopping.
for (const w of changeWarnings(dataDir, (name) => relative(process.cwd(), join(dataDir, `${name}.json`)) || `${name}.json`)) console.warn(formatProblem(w));

work = mkdtempSync(join(process.cwd(), `.build-${basename(outDir)}-`));
const siteDir = join(work, 'site');
// Hand the validated data to Astro, so it does not validate the same folder a second time (at
// 100,000 incidents that is 3-4 s of schema checks); src/lib/data.ts takes it only for this folder as it is now.
const handed = join(work, 'data.json');
writeHandOff(handed, dataDir, data!);
const astro = spawnSync(process.execPath, ['node_modules/astro/astro.js', 'build', '--outDir', siteDir], {
  stdio: 'inherit',
  env: { ...process.env, VALIDATED_DATA: handed },
});
if (astro.status !== 0) {
  console.error(`\nBuild failed (astro exited ${astro.status}); ${shown} was left as it was.`);
  stop(1);
}

// The new build becomes what the output folder shows in one step (scripts/lib/swap.ts).
try {
  publish(siteDir, outDir, basename(work).slice(1));
} catch (err) {
  console.error(`\nBuild stopped while publishing into ${shown}: ${(err as Error).message}`);
  stop(1);
}
cleanUp();
console.log(`Built into ${outDir}`);
if (isDefault) console.warn(`\n${defaultSiteWarning(site)}`);
