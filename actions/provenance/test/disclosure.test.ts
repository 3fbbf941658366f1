import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DISCLOSURE_HEADINGS, checkDisclosure } from '../src/disclosure.js';
import { REPO_ROOT } from '../../../test/support/paths.js';

interface BodyFixture {
  pull: number;
  body: string;
  found: boolean;
  filled: boolean;
}
const BODIES = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'test/fixtures/provenance/pr-bodies.json'), 'utf8'),
) as BodyFixture[];

const TEMPLATE = `## Summary

<!-- What and why -->

## AI assistance

<!-- Check one. -->
- [ ] No AI tools were used
- [ ] AI tools were used: _name the tool and what it did_
`;
const check = (body: string, template?: string) =>
  checkDisclosure(body, DEFAULT_DISCLOSURE_HEADINGS, template);

describe('checkDisclosure', () => {
  it.each(BODIES.map((b) => [b.pull, b] as const))('real Ghostty PR #%s', (_pull, fixture) => {
    expect(check(fixture.body)).toMatchObject({ found: fixture.found, filled: fixture.filled });
  });

  it('the untouched template is not filled; a checked box or own text is', () => {
    expect(check(TEMPLATE, TEMPLATE)).toMatchObject({ found: true, filled: false });
    expect(check(TEMPLATE.replace('- [ ] No AI', '- [x] No AI'), TEMPLATE)).toMatchObject({
      filled: true,
      reason: 'a box is checked',
    });
    expect(check(`${TEMPLATE}\nCursor wrote the tests.\n`, TEMPLATE)).toMatchObject({
      filled: true,
      reason: 'it holds text',
    });
  });

  it('comments only, an empty section and a missing one are not filled', () => {
    expect(check('## AI Disclosure\n\n<!-- say what you used -->\n\n## Testing\n\nran it\n')).toMatchObject({
      found: true,
      filled: false,
    });
    expect(check('## AI disclosure\n## Testing\nran it\n')).toMatchObject({ found: true, filled: false });
    expect(check('## Testing\n\nAI assistance: none\n')).toMatchObject({ found: false, filled: false });
    expect(check('')).toMatchObject({ found: false });
    // An unclosed comment hides the rest, as GitHub renders it.
    expect(check('## AI assistance\n<!-- Claude wrote this\n')).toMatchObject({ filled: false });
  });

  it('a bold line is a heading; the section ends at the next heading of its level or above', () => {
    expect(check('**AI assistance**\n- [X] Copilot completions\n')).toMatchObject({
      filled: true,
      heading: 'AI assistance',
    });
    expect(check('## AI assistance\n### Tools\nAmp\n')).toMatchObject({ filled: true });
    expect(check('### AI assistance\n## Other\ntext\n')).toMatchObject({ filled: false });
    expect(checkDisclosure('## Use of LLMs\nnone\n', ['LLM'])).toMatchObject({ filled: true });
  });

  it('stays fast on hostile bodies (a long heading-like line, many comment openers)', () => {
    const start = performance.now();
    check(
      `# ${' '.repeat(200_000)}x\n${'<!--'.repeat(50_000)}\n## AI assistance\n${'- [ ] '.repeat(20_000)}`,
    );
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
