/**
 * Every file generated from the registry (packages/gates/src/registry.ts), with the exact text that
 * belongs in the repository: `npm run generate` writes them and test/metadata/generated.test.ts
 * fails when a committed copy is stale. Adding a gate is: create actions/<id>, add it to the
 * registry, run `npm run generate` (docs/adding-a-gate.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnyGate } from '@aeef/gate-result';
import { GATES } from '@aeef/gates';
import { UMBRELLA_ACTION_FILE, umbrellaActionYml } from './action-yml.js';
import { KNOWN_GATES_FILE, knownGatesSource } from './known-gates.js';
import { ROOT, renderReadme } from './readme-tables.js';
import { generateSchemas, formatFile, type PublishedSchema } from './schemas.js';

export type GeneratedFile = PublishedSchema;

/** In dependency order: the README's tables read the fresh umbrella action.yml. */
export async function generateFiles(gates: readonly AnyGate[] = GATES): Promise<GeneratedFile[]> {
  const actionYml = await formatFile(UMBRELLA_ACTION_FILE, umbrellaActionYml(gates));
  const read = (file: string): string =>
    file === UMBRELLA_ACTION_FILE ? actionYml : readFileSync(path.join(ROOT, file), 'utf8');
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  return [
    { file: KNOWN_GATES_FILE, text: await formatFile(KNOWN_GATES_FILE, knownGatesSource(gates)) },
    { file: UMBRELLA_ACTION_FILE, text: actionYml },
    ...(await generateSchemas(gates)),
    { file: 'README.md', text: await renderReadme(readme, gates, read) },
  ];
}
