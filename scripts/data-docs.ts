/**
 * Writes data/README.md from the schemas and CITATION.cff from src/lib/citation.ts
 * (`npm run docs:data`). Unit tests fail when either is out of date, so the field documentation
 * always matches what the validator enforces.
 */
import { writeFileSync } from 'node:fs';
import { citationCff } from '../src/lib/citation';
import { getArticle } from '../src/lib/data';
import { renderDataReadme } from '../src/lib/data-readme';

writeFileSync('data/README.md', renderDataReadme());
writeFileSync('CITATION.cff', citationCff(getArticle()));
console.log('Wrote data/README.md and CITATION.cff');
