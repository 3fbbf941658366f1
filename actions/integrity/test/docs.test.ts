/** docs/integrity.md lists every pattern of the tables, so the docs cannot fall behind the code. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../test/support/paths.js';
import { ASSERTIONS, CATEGORIES, SKIPPED_TESTS, SUPPRESSIONS } from '../src/patterns.js';
import { TOOL_CONFIGS } from '../src/tool-config.js';

const doc = readFileSync(path.join(REPO_ROOT, 'docs', 'integrity.md'), 'utf8');

describe('docs/integrity.md', () => {
  it.each([...SUPPRESSIONS, ...SKIPPED_TESTS, ...ASSERTIONS, ...TOOL_CONFIGS].map((row) => row.id))(
    'lists %s',
    (id) => expect(doc).toContain(`\`${id}\``),
  );
  it.each(CATEGORIES)('has a section for %s', (category) => expect(doc).toContain(`### \`${category}\``));
});
