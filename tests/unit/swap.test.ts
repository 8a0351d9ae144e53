/**
 * The build's last step (scripts/lib/swap.ts): the new build replaces the output folder with no
 * moment when the output folder is missing, and a rename that cannot cross mounts (EXDEV) is a copy.
 * node:fs is wrapped so that, after every call that changes the file system, the test looks at what
 * a reader of the output folder would find at that moment.
 */
import * as realFs from 'node:fs';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const watch: { outDir?: string; seen: string[]; crossMount?: string } = { seen: [] };

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  /** What a reader of the output folder finds now: its index.html's text, or "missing". */
  const look = () => {
    if (!watch.outDir) return;
    try {
      watch.seen.push(fs.readFileSync(join(watch.outDir, 'index.html'), 'utf8'));
    } catch {
      watch.seen.push('missing');
    }
  };
  const wrap = <F extends (...args: never[]) => unknown>(f: F) =>
    ((...args: Parameters<F>) => {
      const r = f(...args);
      look();
      return r;
    }) as F;
  const renameSync = (from: realFs.PathLike, to: realFs.PathLike) => {
    // A rename out of the "other mount" folder fails as Linux fails it between two mounts.
    if (watch.crossMount && String(from).startsWith(watch.crossMount) && !String(to).startsWith(watch.crossMount)) {
      throw Object.assign(new Error(`EXDEV: cross-device link not permitted, rename '${from}' -> '${to}'`), { code: 'EXDEV' });
    }
    fs.renameSync(from, to);
    look();
  };
  const mocked = { ...fs, renameSync, rmSync: wrap(fs.rmSync), cpSync: wrap(fs.cpSync), symlinkSync: wrap(fs.symlinkSync), mkdirSync: wrap(fs.mkdirSync) };
  return { ...mocked, default: mocked };
});

const { publish, buildsDir } = await import('../../scripts/lib/swap');

function site(dir: string, text: string): string {
  mkdirSync(join(dir, 'charts'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), text);
  writeFileSync(join(dir, 'charts', 'a.html'), text);
  return dir;
}

afterEach(() => {
  watch.outDir = undefined;
  watch.crossMount = undefined;
  watch.seen = [];
});

describe('publishing a build into the output folder', () => {
  it('never leaves a moment without the output folder, from the second build on', () => {
    const root = mkdtempSync(join(tmpdir(), 'swap-'));
    const outDir = join(root, 'dist');
    publish(site(join(root, 'work-1'), 'one'), outDir, 'b1');
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('one');
    watch.outDir = outDir;
    publish(site(join(root, 'work-2'), 'two'), outDir, 'b2');
    expect(watch.seen.length).toBeGreaterThan(0);
    expect(watch.seen.filter((s) => s !== 'one' && s !== 'two')).toEqual([]);
    expect(readFileSync(join(outDir, 'charts', 'a.html'), 'utf8')).toBe('two');
    // The previous build is gone; nothing else is left beside the output folder.
    expect(readdirSync(buildsDir(outDir))).toEqual(['b2']);
    expect(readdirSync(root).sort()).toEqual(['.dist.builds', 'dist']);
  });

  it('copies where the rename fails across mounts (EXDEV), though the device numbers are equal', () => {
    const root = mkdtempSync(join(tmpdir(), 'swap-'));
    const other = mkdtempSync(join(tmpdir(), 'swap-mount-'));
    const outDir = join(root, 'dist');
    watch.crossMount = other;
    publish(site(join(other, 'site'), 'one'), outDir, 'b1');
    publish(site(join(other, 'site'), 'two'), outDir, 'b2');
    expect(readFileSync(join(outDir, 'charts', 'a.html'), 'utf8')).toBe('two');
    expect(readdirSync(other)).toEqual([]);
  });

  it('takes over an output folder that is a real folder (a build from before)', () => {
    const root = mkdtempSync(join(tmpdir(), 'swap-'));
    const outDir = site(join(root, 'dist'), 'old');
    publish(site(join(root, 'work'), 'new'), outDir, 'b1');
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('new');
    expect(readdirSync(buildsDir(outDir))).toEqual(['b1']);
  });
});
