/**
 * The integrity gate: reads the PR's diff and reports every change that weakens verification
 * (suppressions, switched-off or deleted tests, fewer assertions, a lowered bar in the policy,
 * workflows or tool configs). Such a change passes only with a human's approval of the head commit.
 */
import { checkHumanCheckpoint, checkpointSection, describeChangeSet } from '@aeef/gate-result';
import type { Gate, GateIO } from '@aeef/gate-result';
import { readDiff, readTexts } from './collect.js';
import type { IntegrityConfig } from './config.js';
import { INPUT_SPECS, configureIntegrity, gateActionMatcher } from './config.js';
import { detect } from './detect.js';
import { evaluateIntegrity, type CheckpointOutcome } from './evaluate.js';
import { policyInput } from './policy.js';

export const integrityGate: Gate<IntegrityConfig> = {
  id: 'integrity',
  title: 'Integrity',
  inputs: INPUT_SPECS,
  config: configureIntegrity,
  async run(config, io) {
    const changes = await readDiff(io);
    const texts = await readTexts(io, changes);
    const policy = await policyInput(io, changes);
    const findings = detect(
      { files: changes.files, texts, ...policy },
      {
        checks: new Set(config.checks),
        isExcluded: config.isExcluded,
        ...(config.isExtraTest ? { isExtraTest: config.isExtraTest } : {}),
        isGateAction: gateActionMatcher(config.gateActions),
        configFile: io.policy?.file ?? '.github/aeef-gates.yml',
      },
    );
    // Only a change with findings asks for a person: a clean PR needs no review and no API call.
    const checkpoint = findings.length > 0 ? await checkpointOf(io, config) : undefined;
    const result = evaluateIntegrity(findings, config.checks, checkpoint, [describeChangeSet(changes)]);
    result.config = {
      checks: config.checks,
      exclude: config.exclude,
      'test-files': config.testFiles,
      'gate-actions': config.gateActions,
      approval: config.approval,
    };
    return result;
  },
};

async function checkpointOf(io: GateIO, config: IntegrityConfig): Promise<CheckpointOutcome> {
  const result = await checkHumanCheckpoint(io, config.approval);
  return {
    met: result.met,
    approvals: result.approvals.length,
    required: result.required,
    sentence: result.summary,
    sections: [checkpointSection(result)],
  };
}
