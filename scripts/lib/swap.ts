/**
 * Publishing a finished build into the output folder without a moment when there is none.
 *
 * The output folder (dist/) is a symbolic link to the build it shows, which lives in a folder beside
 * it (.dist.builds/<id>). A new build is moved in there (copied, where a rename cannot cross file
 * systems or mounts), a new link to it is made beside the old one and renamed over it: rename(2)
 * replaces a link in one step, so a reader of dist/ finds the whole previous build or the whole new
 * one, never nothing. Then every other build in the folder (the previous one, and any left by a build
 * that died mid-way) is removed. An output folder that is still a real folder (a build from before the
 * link) is moved in once; that first swap is the only one with a moment without it.
 */
import { cpSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Where the builds behind `outDir` live: `.<name>.builds/` beside it. */
export function buildsDir(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.builds`);
}

/**
 * Renames `from` to `to`; where rename(2) says EXDEV (another file system, or another mount of the
 * same one, which an equal device number does not rule out), copies beside `to`, renames the copy and
 * removes `from`.
 */
export function move(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    const copy = `${to}.copying`;
    rmSync(copy, { recursive: true, force: true });
    cpSync(from, copy, { recursive: true });
    renameSync(copy, to);
    rmSync(from, { recursive: true, force: true });
  }
}

/** Makes the finished build in `siteDir` what `outDir` shows; `id` names it (unique per build). */
export function publish(siteDir: string, outDir: string, id: string): void {
  const builds = buildsDir(outDir);
  mkdirSync(builds, { recursive: true });
  const target = join(builds, id);
  move(siteDir, target);
  const link = join(builds, `${id}.link`);
  symlinkSync(join(basename(builds), id), link);
  const current = lstatSync(outDir, { throwIfNoEntry: false });
  if (current && !current.isSymbolicLink()) renameSync(outDir, join(builds, `${id}.before`));
  renameSync(link, outDir);
  for (const entry of readdirSync(builds)) if (entry !== id) rmSync(join(builds, entry), { recursive: true, force: true });
}
