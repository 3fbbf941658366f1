/** `npm run readme-tables`: regenerates the action tables of README.md from the action.yml files. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, renderReadme } from './readme-tables.js';

const file = path.join(ROOT, 'README.md');
writeFileSync(file, await renderReadme(readFileSync(file, 'utf8')));
process.stdout.write('wrote README.md\n');
