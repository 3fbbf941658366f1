// The repository stands alone: every fixture file is accounted for in a MANIFEST.md (source,
// license): test/fixtures/MANIFEST.md, or the MANIFEST.md of its own folder (a gate's fixtures, the
// producers' generated files), and the tests read no fixture from outside the clone.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, REPO_ROOT, fixturePath } from '../support/paths.js';

const manifest = readFileSync(path.join(FIXTURES_DIR, 'MANIFEST.md'), 'utf8');
/** Licence texts and the MANIFESTs themselves are not fixtures. */
const NOT_FIXTURES = new Set(['MANIFEST.md', '.gitattributes', 'upstream-licenses']);
/** A gate's fixture folder keeps its projects' licence texts in `licenses/` (not the top-level gate folder). */
const isLicenceText = (parts: string[]): boolean => parts.slice(1, -1).includes('licenses');

/** The MANIFEST.md texts that may account for `file`: its folders' own, up to the root one. */
function manifestsOf(file: string): string[] {
  const found: string[] = [];
  for (let dir = path.dirname(file); dir !== '.' && dir !== ''; dir = path.dirname(dir)) {
    const own = path.join(FIXTURES_DIR, dir, 'MANIFEST.md');
    if (existsSync(own)) found.push(readFileSync(own, 'utf8'));
  }
  return [...found, manifest];
}

function fixtureFiles(): string[] {
  return readdirSync(FIXTURES_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(FIXTURES_DIR, path.join(entry.parentPath, entry.name)))
    .filter((file) => {
      const parts = file.split(path.sep);
      return !NOT_FIXTURES.has(parts[0]!) && !NOT_FIXTURES.has(parts.at(-1)!) && !isLicenceText(parts);
    });
}

describe('test/fixtures', () => {
  it('has a MANIFEST.md row naming each fixture file', () => {
    const files = fixtureFiles();
    expect(files.length).toBeGreaterThanOrEqual(169);
    const named = (file: string): boolean =>
      manifestsOf(file).some((text) => text.includes(`\`${path.basename(file)}\``));
    expect(files.filter((file) => !named(file))).toEqual([]);
  });

  it('names a licence text in upstream-licenses/ for every licence the rows give', () => {
    const texts = readdirSync(path.join(FIXTURES_DIR, 'upstream-licenses'));
    const table = readFileSync(path.join(FIXTURES_DIR, 'upstream-licenses', 'README.md'), 'utf8');
    const named = [...table.matchAll(/([\w.-]+\.txt)/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((file) => !texts.includes(file))).toEqual([]);
  });

  it('refuses a fixture that is not there, naming it', () => {
    expect(() => fixturePath('sarif', 'no-such.sarif')).toThrow(
      `Expected the fixture ${path.join('test', 'fixtures', 'sarif', 'no-such.sarif')}; it belongs in test/fixtures with a MANIFEST.md row.`,
    );
    expect(fixturePath('sarif', 'spec-example-minimal.sarif')).toBe(
      path.join(REPO_ROOT, 'test', 'fixtures', 'sarif', 'spec-example-minimal.sarif'),
    );
  });
});
