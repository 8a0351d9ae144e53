/**
 * The validator as an editor meets it: `npm run validate` on the real data and on one bad fixture
 * per rule, checking the exit code and that the message names the file, the record and the field.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { badFixtures, type Data } from '../fixtures/bad-data';
import { badFiles } from '../fixtures/bad-files';

const tsx = join('node_modules', 'tsx', 'dist', 'cli.mjs');
const tmpRoot = mkdtempSync(join(tmpdir(), 'ipx-data-'));
afterAll(() => rmSync(tmpRoot, { recursive: true, force: true }));

function run(script: string, env: Record<string, string>) {
  const r = spawnSync(process.execPath, [tsx, script], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function readReal(): Data {
  const d: Data = {};
  for (const f of readdirSync('data').filter((f) => f.endsWith('.json'))) d[f.replace(/\.json$/, '')] = JSON.parse(readFileSync(join('data', f), 'utf8'));
  return d;
}

/**
 * What the line for a broken record must start with, worked out from the data as written (the
 * validator's own placing is not used): `file:line:column: record N (id, from line L), field F`.
 * `id` is the broken record's id, or "[i]" for one without an id, or "(file)" for the file.
 */
function expectedWhere(file: string, records: Data[string], id: string, where: string): { pattern: RegExp; lines?: [number, number] } {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const field = where.slice(id.length + 1);
  if (id === '(file)') return { pattern: new RegExp(`${esc(file)}: field ${esc(field)}: `) };
  const bracket = /^\[(\d+)\]$/.exec(id);
  // A duplicate id is reported at its second record.
  const index = bracket ? Number(bracket[1]) : records.map((r) => r.id).lastIndexOf(id);
  // JSON.stringify(list, null, 2): "[" on line 1, then each record's lines, one after another.
  let start = 2;
  for (let k = 0; k < index; k++) start += JSON.stringify(records[k], null, 2).split('\n').length;
  const end = start + JSON.stringify(records[index], null, 2).split('\n').length - 1;
  const name = bracket ? 'no id' : id;
  return {
    pattern: new RegExp(`${esc(file)}:\\d+:\\d+: record ${index + 1} \\(${esc(name)}, from line ${start}\\), field ${esc(field)}: `),
    lines: [start, end],
  };
}

function writeCopy(name: string, d: Data): string {
  const dir = join(tmpRoot, name.replace(/\W+/g, '-'));
  cpSync('data', dir, { recursive: true });
  for (const [k, v] of Object.entries(d)) writeFileSync(join(dir, `${k}.json`), JSON.stringify(v, null, 2));
  return dir;
}

describe('npm run validate', () => {
  it('passes the real data', () => {
    const r = run('scripts/validate.ts', {});
    expect(r.out).toMatch(/is valid/);
    expect(r.code).toBe(0);
  });

  for (const fx of badFixtures) {
    it(`rejects ${fx.name}, naming file, line, record and field`, () => {
      const d = readReal();
      const id = fx.breakIt(d);
      const dir = writeCopy(fx.name, d);
      const r = run('scripts/validate.ts', { DATA_DIR: dir });
      expect(r.code).toBe(1);
      const expected = expectedWhere(fx.file, d[fx.file.replace(/\.json$/, '')]!, id, fx.field(id));
      const line = r.out.split('\n').find((l) => expected.pattern.test(l));
      expect(line, `no line matching ${expected.pattern} in:\n${r.out}`).toBeDefined();
      expect(line).toMatch(fx.says);
      if (expected.lines) {
        // The field's own line lies inside its record.
        const at = Number(/^[^:]+:(\d+):/.exec(line!.slice(line!.indexOf(fx.file)))![1]);
        expect(at).toBeGreaterThanOrEqual(expected.lines[0]);
        expect(at).toBeLessThanOrEqual(expected.lines[1]);
      }
    });
  }

  it('prints every problem at its file and line, and every record problem with its number and first line', () => {
    const d = readReal();
    d.incidents![0]!.killed = '2';
    delete d.incidents![3]!.id;
    d.events![2]!.title = 7;
    const r = run('scripts/validate.ts', { DATA_DIR: writeCopy('every-line', d) });
    const lines = r.out.split('\n').filter((l) => /\.json/.test(l));
    expect(lines.length).toBe(3);
    for (const l of lines) expect(l).toMatch(/[a-z]+\.json:\d+:\d+: record \d+ \((?:[a-z0-9-]+|no id), from line \d+\), field /);
  });

  for (const fx of badFiles) {
    it(`rejects ${fx.name}, naming file and place`, () => {
      const dir = writeCopy(`file ${fx.name}`, {});
      const where = fx.breakIt(dir);
      const r = run('scripts/validate.ts', { DATA_DIR: dir });
      expect(r.code).toBe(1);
      const line = r.out.split('\n').find((l) => l.includes(where));
      expect(line, `no line naming ${where} in:\n${r.out}`).toBeDefined();
      expect(line).toMatch(fx.says);
    });
  }

  it('names the line and column of malformed JSON', () => {
    const dir = writeCopy('malformed', {});
    cpSync('tests/fixtures/malformed/incidents.json', join(dir, 'incidents.json'));
    const r = run('scripts/validate.ts', { DATA_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/incidents\.json:5:5: malformed JSON/);
  });

  it('reports every problem at once, one line each', () => {
    const d = readReal();
    d.incidents![0]!.date = 'yesterday';
    d.events![0]!.date = 'tomorrow';
    const r = run('scripts/validate.ts', { DATA_DIR: writeCopy('two-problems', d) });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/incidents\.json:\d+:\d+: record 1 .*, field date: .*"yesterday"/);
    expect(r.out).toMatch(/events\.json:\d+:\d+: record 1 .*, field date: .*"tomorrow"/);
  });

  it('stops the build the same way and leaves the published site untouched', () => {
    const d = readReal();
    d.incidents![0]!.date = '16/01/2024';
    const dir = writeCopy('build-stops', d);
    const out = join(tmpRoot, 'published');
    cpSync('tests/fixtures/malformed', out, { recursive: true });
    const r = run('scripts/build.ts', { DATA_DIR: dir, OUT_DIR: out });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/incidents\.json:\d+:\d+: record 1 .*, field date: expected an ISO date/);
    expect(existsSync(join(out, 'incidents.json'))).toBe(true);
  });

  it('leaves the published site untouched when the Astro build itself fails', () => {
    // Valid data that a page cannot render: the narrative needs the state visit's event record.
    const d = readReal();
    const rename = (ref: string) => ref.replace('events/pezeshkian-state-visit', 'events/renamed-visit');
    d.events!.find((e) => e.id === 'pezeshkian-state-visit')!.id = 'renamed-visit';
    for (const r of [...d.claims!, ...d.pledges!]) r.about = (r.about ?? []).map(rename);
    const dir = writeCopy('astro-fails', d);
    const out = join(tmpRoot, 'published-2');
    cpSync('tests/fixtures/malformed', out, { recursive: true });
    const r = run('scripts/build.ts', { DATA_DIR: dir, OUT_DIR: out });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/No record "pezeshkian-state-visit" in events\.json/);
    expect(r.out).toMatch(/left as it was/);
    expect(existsSync(join(out, 'incidents.json'))).toBe(true);
    // Nothing of the failed build is left beside the output folder: no work folder, no lock.
    expect(readdirSync(tmpRoot).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 120_000);
});
