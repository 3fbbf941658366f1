// action.yml must agree with the gate: every input the gate reads (plus the common ones), no
// `default:` keys (defaults live in INPUT_SPECS), each default stated in the description, and every
// metric id as an output.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMON_INPUTS } from '@aeef/gate-result';
import { RUNTIME_INPUTS } from '@aeef/gate-result/runtime';
import { parse } from 'yaml';
import { INPUT_SPECS } from '../src/config.js';
import { licenseGate } from '../src/gate.js';

interface ActionYml {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

const action = parse(
  readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'action.yml'), 'utf8'),
) as ActionYml;

describe('action.yml', () => {
  it('declares exactly the gate inputs and the common and runtime ones, without defaults', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(
      [...INPUT_SPECS, ...COMMON_INPUTS, ...RUNTIME_INPUTS].map((s) => s.name).sort(),
    );
    // github-token alone defaults to the workflow token: no config file sets it (see test/metadata).
    for (const [name, input] of Object.entries(action.inputs)) {
      if (name !== 'github-token') expect(input.default, name).toBeUndefined();
    }
  });

  it('states each default in the description', () => {
    for (const spec of INPUT_SPECS) {
      expect(action.inputs[spec.name]?.description, spec.name).toMatch(/Default: /);
    }
  });

  it('declares every output the gate writes and runs the bundle on node24', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(
      [
        'packages',
        'violations',
        'unknown',
        'exceptions-used',
        'verdict',
        'summary',
        'result-file',
        'enforced',
        'name',
      ].sort(),
    );
    expect(action.runs).toEqual({ using: 'node24', main: '../../dist/license/index.js' });
    expect(licenseGate.inputs).toBe(INPUT_SPECS);
  });
});
