/**
 * The build script around Astro: each build in a temporary folder of its own (two builds at once
 * used to share .build-tmp, and one failed), a lock per output folder (a second build into it
 * waits; a lock left by a dead build is taken over), and a clear warning when SITE is the default.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tsx = join('node_modules', 'tsx', 'dist', 'cli.mjs');
const root = mkdtempSync(join(tmpdir(), 'ipx-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function build(env: Record<string, string>): Promise<{ code: number | null; out: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, 'scripts/build.ts'], { env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('close', (code) => resolve({ code, out, ms: Date.now() - started }));
  });
}

/** A data folder that fails validation at once (the lock is taken before validating). */
function badData(name: string): string {
  const dir = join(root, name);
  spawnSync('cp', ['-r', 'data', dir]);
  writeFileSync(join(dir, 'events.json'), '[');
  return dir;
}

describe('the build script', () => {
  it('runs two builds at once, each in its own folder, and both succeed', async () => {
    const [a, b] = await Promise.all([build({ OUT_DIR: join(root, 'out-a'), SITE: '' }), build({ OUT_DIR: join(root, 'out-b'), SITE: '' })]);
    expect(a.code, a.out.slice(-1500)).toBe(0);
    expect(b.code, b.out.slice(-1500)).toBe(0);
    for (const out of ['out-a', 'out-b']) expect(existsSync(join(root, out, 'index.html'))).toBe(true);
    // Without SITE, the warning comes first and again at the end, where it is seen.
    expect(a.out.match(/Warning: SITE is not set/g)).toHaveLength(2);
    expect(a.out.trimEnd().split('\n').slice(-3).join('\n')).toMatch(/SITE=https:\/\/your\.domain npm run build$/);
    // No work folder (in the project) and no lock (beside the output) left behind: beside each output
    // only the folder of the one build it links to (scripts/lib/swap.ts).
    expect(
      readdirSync(root)
        .filter((f) => f.startsWith('.'))
        .sort(),
    ).toEqual(['.out-a.builds', '.out-b.builds']);
    for (const out of ['out-a', 'out-b']) {
      expect(lstatSync(join(root, out)).isSymbolicLink()).toBe(true);
      expect(readdirSync(join(root, `.${out}.builds`))).toEqual([basename(readlinkSync(join(root, out)))]);
    }
    expect(readdirSync('.').filter((f) => /^\.build-out-[ab]-/.test(f))).toEqual([]);
  }, 180_000);

  it("waits while another live build holds the output folder's lock", async () => {
    const lock = join(root, '.out-c.build-lock');
    const holder = spawn('sleep', ['3']);
    mkdirSync(lock);
    writeFileSync(join(lock, 'owner.json'), JSON.stringify({ pid: holder.pid, started: new Date().toISOString() }));
    holder.on('exit', () => rmSync(lock, { recursive: true, force: true }));
    const r = await build({ OUT_DIR: join(root, 'out-c'), DATA_DIR: badData('bad-c') });
    expect(r.out).toMatch(new RegExp(`Waiting for another build into .*out-c \\(pid ${holder.pid}\\)`));
    expect(r.ms).toBeGreaterThan(2000);
    expect(r.code).toBe(1);
    expect(existsSync(lock)).toBe(false);
  }, 60_000);

  it('takes over a lock left by a build that died', async () => {
    const dead = spawnSync('true').pid!;
    const lock = join(root, '.out-d.build-lock');
    mkdirSync(lock);
    writeFileSync(join(lock, 'owner.json'), JSON.stringify({ pid: dead, started: '2026-01-01T00:00:00Z' }));
    const r = await build({ OUT_DIR: join(root, 'out-d'), DATA_DIR: badData('bad-d') });
    expect(r.out).toMatch(new RegExp(`\\(pid ${dead}\\) ended without releasing its lock; taking it over`));
    expect(r.out).toMatch(/events\.json:\d+:\d+: malformed JSON/);
    expect(existsSync(lock)).toBe(false);
  }, 60_000);

  it('warns when SITE is the default (even when the build then stops), and not when it is set', async () => {
    const unset = await build({ OUT_DIR: join(root, 'out-e'), DATA_DIR: badData('bad-e'), SITE: '' });
    expect(unset.out).toMatch(/Warning: SITE is not set, so every absolute address in this build .* points at http:\/\/127\.0\.0\.1:4321/);
    expect(unset.out).toMatch(/SITE=https:\/\/your\.domain npm run build/);
    const set = await build({ OUT_DIR: join(root, 'out-e'), DATA_DIR: badData('bad-f'), SITE: 'https://example.org' });
    expect(set.out).not.toMatch(/SITE is not set/);
  }, 60_000);
});
