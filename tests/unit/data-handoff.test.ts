/** The build script's hand-off: getData takes validated data from VALIDATED_DATA only for the folder it was made from. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getData, resetDataCache } from '../../src/lib/data';

const file = join(mkdtempSync(join(tmpdir(), 'handoff-')), 'data.json');
afterEach(() => { delete process.env.VALIDATED_DATA; resetDataCache(); });

describe('validated data handed to the Astro build', () => {
  it('is used for the folder it was validated from', () => {
    const real = getData('data');
    resetDataCache();
    writeFileSync(file, JSON.stringify({ dir: resolve('data'), data: { ...real, places: [] } }));
    process.env.VALIDATED_DATA = file;
    expect(getData('data').places).toEqual([]);
  });
  it('is ignored for any other folder, which is validated as usual', () => {
    writeFileSync(file, JSON.stringify({ dir: resolve('elsewhere'), data: { places: [] } }));
    process.env.VALIDATED_DATA = file;
    expect(getData('data').places.length).toBeGreaterThan(0);
  });
});
