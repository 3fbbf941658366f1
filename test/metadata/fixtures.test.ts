// The repository stands alone: every fixture file is accounted for in test/fixtures/MANIFEST.md
// (source, license), and the tests read no fixture from outside the clone.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, REPO_ROOT, fixturePath } from '../support/paths.js';

const manifest = readFileSync(path.join(FIXTURES_DIR, 'MANIFEST.md'), 'utf8');
/** The folder of licence texts and the MANIFEST itself are not fixtures. */
const NOT_FIXTURES = new Set(['MANIFEST.md', '.gitattributes', 'upstream-licenses']);

function fixtureFiles(): string[] {
  return readdirSync(FIXTURES_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(FIXTURES_DIR, path.join(entry.parentPath, entry.name)))
    .filter((file) => !NOT_FIXTURES.has(file.split(path.sep)[0]!));
}

describe('test/fixtures', () => {
  it('has a MANIFEST.md row naming each fixture file', () => {
    const files = fixtureFiles();
    expect(files.length).toBeGreaterThanOrEqual(169);
    expect(files.filter((file) => !manifest.includes(`\`${path.basename(file)}\``))).toEqual([]);
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
