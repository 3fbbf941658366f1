/** docs/provenance.md stays true to the identity table and the fixtures' figures. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_IDENTITIES } from '../src/identities.js';
import { REPO_ROOT } from '../../../test/support/paths.js';

const doc = readFileSync(path.join(REPO_ROOT, 'docs/provenance.md'), 'utf8');
const fixtures = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'test/fixtures/provenance/commits.json'), 'utf8'),
) as { ai: boolean }[];

describe('docs/provenance.md', () => {
  it('names every tool of the table', () => {
    for (const row of BUILTIN_IDENTITIES.filter((r) => r.tool !== 'AI label'))
      expect(doc, row.tool).toContain(row.tool);
  });

  it('states the size of the real set as it is', () => {
    const ai = fixtures.filter((f) => f.ai).length;
    expect(doc).toContain(`holds ${fixtures.length} real commits`);
    expect(doc).toContain(`${ai} AI-involved`);
    expect(doc).toContain(`${fixtures.length - ai} human-only`);
  });
});
