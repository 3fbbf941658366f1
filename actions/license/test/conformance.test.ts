// Conformance: on every lockfile and SBOM in test/fixtures/licenses, the package count and
// the license found per package equal an independent reader's. The expected files in
// conformance/expected/ were produced by conformance/generate.sh (jq 1.7 programs beside it for
// JSON; awk/grep/sort counts for pnpm and yarn lockfiles, which carry no license data).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../../test/support/paths.js';
import { readSource } from '../src/detect.js';
import type { RawLicense } from '../src/normalise.js';

const EXPECTED = path.join(path.dirname(fileURLToPath(import.meta.url)), 'conformance', 'expected');
const FIXTURES = path.dirname(fixturePath('licenses', 'npm-package-lock-v3.json'));

function rawText(license: RawLicense): string {
  if (license.kind === 'string') return license.value;
  if (license.kind === 'list') return license.values.join(' | ');
  return '';
}

function read(file: string): ReturnType<typeof readSource> {
  return readSource(readFileSync(path.join(FIXTURES, file), 'utf8'), file);
}

const tsvFixtures = readdirSync(EXPECTED)
  .filter((f) => f.endsWith('.json.tsv'))
  .map((f) => f.slice(0, -4));
const counts = readFileSync(path.join(EXPECTED, 'lockfile-counts.tsv'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => line.split('\t') as [string, string]);

describe(readSource.name, () => {
  it('covers every fixture of test/fixtures/licenses (v1 and SPDX 3.0 refused below)', () => {
    const covered = new Set([...tsvFixtures, ...counts.map(([f]) => f)]);
    const refused = [
      'npm-package-lock-v1.json',
      'npm-package-lock-v1-monorepo-large.json',
      'spdx-3.0-jsonld.json',
    ];
    const missing = readdirSync(FIXTURES).filter((f) => !covered.has(f) && !refused.includes(f));
    expect(missing).toEqual([]);
  });

  it.each(tsvFixtures)('%s: same packages and licenses as jq', (file) => {
    const expected = readFileSync(path.join(EXPECTED, `${file}.tsv`), 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    const actual = read(file).packages.map((p) => [p.name, p.version, rawText(p.license)].join('\t'));
    // jq's @tsv escapes backslashes and control characters; no fixture value contains them.
    expect(actual.sort()).toEqual([...expected].sort());
  });

  it.each(counts)('%s: %s packages, as awk/grep count them', (file, count) => {
    const inventory = read(file);
    expect(inventory.packages.length).toBe(Number(count));
    expect(inventory.needsNodeModules).toBe(true);
  });

  it.each(['npm-package-lock-v1.json', 'npm-package-lock-v1-monorepo-large.json'])(
    '%s: refused, saying node_modules is needed',
    (file) => {
      expect(() => read(file)).toThrow(
        /lockfileVersion 1 lockfile, which holds no license data: run `npm ci`/,
      );
    },
  );

  it('refuses SPDX 3.0 JSON-LD with a clear sentence', () => {
    expect(() => read('spdx-3.0-jsonld.json')).toThrow(/SPDX 3.0 JSON-LD, which this gate does not read yet/);
  });
});
