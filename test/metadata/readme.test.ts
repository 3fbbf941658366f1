import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionTables, ACTIONS, renderReadme } from '../../scripts/readme-tables.js';
import { REPO_ROOT } from '../support/paths.js';

const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

describe(renderReadme.name, () => {
  it('finds the README tables equal to the action.yml files (run `npm run readme-tables`)', async () => {
    expect(readme).toBe(await renderReadme(readme));
  });

  it('rejects a README whose table was edited by hand', async () => {
    const edited = readme.replace(/^\| `min-lines` /m, '| `min-line` ');
    expect(edited).not.toBe(readme);
    expect(await renderReadme(edited)).toBe(readme);
  });
});

describe(actionTables.name, () => {
  it('has a section per action, the umbrella first', () => {
    const headings = [...actionTables().matchAll(/^### `(.+)`$/gm)].map((m) => m[1]);
    expect(headings).toEqual(ACTIONS.map((a) => a.uses));
    expect(headings[0]).toBe('aeef/gates@v1');
  });
});

describe('README.md', () => {
  it('starts with the two set-up commands', () => {
    const firstBlock = /```(\w+)\n([\s\S]*?)```/.exec(readme);
    expect(firstBlock?.[2]).toBe('npm ci\nnpm test\n');
  });
});
