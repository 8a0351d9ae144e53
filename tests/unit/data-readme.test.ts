import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { renderDataReadme } from '../../src/lib/data-readme';

it('data/README.md documents the schemas as they are (run `npm run docs:data` after changing a schema)', () => {
  expect(readFileSync('data/README.md', 'utf8')).toBe(renderDataReadme());
});
