/**
 * The build script's hand-off: getData takes validated data from VALIDATED_DATA only for the folder it
 * was made from, and only while that folder's files are as they were when it was validated.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getData, resetDataCache, writeHandOff } from '../../src/lib/data';

const work = mkdtempSync(join(tmpdir(), 'handoff-'));
const file = join(work, 'data.json');
afterEach(() => {
  delete process.env.VALIDATED_DATA;
  resetDataCache();
  vi.restoreAllMocks();
});

/** A copy of data/ to change, and a hand-off for it whose places are empty (so a test sees which was read). */
function handedCopy(name: string): string {
  const dir = join(work, name);
  cpSync('data', dir, { recursive: true });
  const real = getData(dir);
  resetDataCache();
  writeHandOff(file, dir, { ...real, places: [] });
  process.env.VALIDATED_DATA = file;
  return dir;
}

describe('validated data handed to the Astro build', () => {
  it('is used for the folder it was validated from, unchanged', () => {
    const dir = handedCopy('same');
    expect(getData(dir).places).toEqual([]);
  });
  it('is ignored for any other folder, which is validated as usual', () => {
    const dir = handedCopy('other');
    expect(getData('data').places.length).toBeGreaterThan(0);
    resetDataCache();
    expect(getData(dir).places).toEqual([]);
  });
  it('is ignored once a file of its folder has changed: the folder is validated again', () => {
    const dir = handedCopy('changed');
    const path = join(dir, 'events.json');
    const events = JSON.parse(readFileSync(path, 'utf8')) as { id: string; title: string }[];
    events[0]!.title = `${events[0]!.title} (edited after validation)`;
    writeFileSync(path, JSON.stringify(events, null, 2));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const data = getData(dir);
    expect(data.places.length).toBeGreaterThan(0);
    expect(data.events.find((e) => e.id === events[0]!.id)!.title).toContain('(edited after validation)');
    expect(warn.mock.calls.join('\n')).toContain('changed after it was validated');
  });
});
