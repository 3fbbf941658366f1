/** `npm run schemas`: (re)writes every published JSON Schema from its source of truth. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSchemas } from './schemas.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

for (const schema of await generateSchemas()) {
  const target = path.join(root, schema.file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, schema.text);
  process.stdout.write(`wrote ${schema.file}\n`);
}
