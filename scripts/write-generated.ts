/** `npm run generate`: (re)writes every file generated from the registry (see generated.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateFiles } from './generated.js';
import { ROOT } from './readme-tables.js';

for (const file of await generateFiles()) {
  const target = path.join(ROOT, file.file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, file.text);
  process.stdout.write(`wrote ${file.file}\n`);
}
