/**
 * Writes data/README.md from the schemas (`npm run docs:data`). A unit test fails when the file is
 * out of date, so the field documentation always matches what the validator enforces.
 */
import { writeFileSync } from 'node:fs';
import { renderDataReadme } from '../src/lib/data-readme';

writeFileSync('data/README.md', renderDataReadme());
console.log('Wrote data/README.md');
