/** action.yml agrees with the gate: every input and output, defaults stated in words, not declared. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COMMON_INPUTS } from '@aeef/gate-result';
import { RUNTIME_INPUTS } from '@aeef/gate-result/runtime';
import { INPUT_SPECS } from '../src/config.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const action = parse(readFileSync(path.join(here, '..', 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};

describe('actions/pr-size/action.yml', () => {
  it('declares exactly the gate, common and runtime inputs', () => {
    const names = [...INPUT_SPECS, ...COMMON_INPUTS, ...RUNTIME_INPUTS].map((s) => s.name).sort();
    expect(Object.keys(action.inputs).sort()).toEqual(names);
  });

  it('describes each input as its spec does, defaults in words, and declares none (but the token)', () => {
    for (const spec of [...INPUT_SPECS, ...COMMON_INPUTS]) {
      const input = action.inputs[spec.name]!;
      expect(input.description, spec.name).toBe(spec.description);
      expect(input.default, spec.name).toBeUndefined();
      if (spec.default !== undefined) expect(input.description, spec.name).toMatch(/Default: \S/);
    }
    expect(action.inputs['github-token']!.default).toBe('${{ github.token }}');
  });

  it('declares the documented outputs and runs the committed bundle on node24', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(
      [
        'lines',
        'additions',
        'deletions',
        'files',
        'ignored-files',
        'size',
        'source',
        'verdict',
        'summary',
        'result-file',
        'enforced',
        'name',
      ].sort(),
    );
    expect(action.runs).toEqual({ using: 'node24', main: '../../dist/pr-size/index.js' });
  });
});
