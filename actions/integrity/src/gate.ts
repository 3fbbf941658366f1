/**
 * The integrity gate: reads the PR's diff and reports every change that weakens verification
 * (suppressions, switched-off or deleted tests, fewer assertions, a lowered bar in the policy,
 * workflows or tool configs). Such a change passes only with a human's approval of the head commit.
 */
import { describeChangeSet } from '@aeef/gate-result';
import type { Gate } from '@aeef/gate-result';
import { readDiff, readTexts } from './collect.js';
import type { IntegrityConfig } from './config.js';
import { INPUT_SPECS, configureIntegrity, gateActionMatcher } from './config.js';
import { detect } from './detect.js';
import { evaluateIntegrity } from './evaluate.js';

export const integrityGate: Gate<IntegrityConfig> = {
  id: 'integrity',
  title: 'Integrity',
  inputs: INPUT_SPECS,
  config: configureIntegrity,
  async run(config, io) {
    const changes = await readDiff(io);
    const texts = await readTexts(io, changes);
    const findings = detect(
      { files: changes.files, texts },
      {
        checks: new Set(config.checks),
        isExcluded: config.isExcluded,
        ...(config.isExtraTest ? { isExtraTest: config.isExtraTest } : {}),
        isGateAction: gateActionMatcher(config.gateActions),
        configFile: '.github/aeef-gates.yml',
      },
    );
    const result = evaluateIntegrity(findings, config.checks, undefined, [describeChangeSet(changes)]);
    result.config = {
      checks: config.checks,
      exclude: config.exclude,
      'test-files': config.testFiles,
      'gate-actions': config.gateActions,
    };
    return result;
  },
};
