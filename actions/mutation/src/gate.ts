/**
 * The mutation gate: Stryker-style reports (mutation-testing-report-schema JSON), scored exactly as
 * Stryker scores them, with the score of the PR's changed lines and their surviving mutants.
 */
import type { Gate } from '@aeef/gate-result';
import { collectMutation } from './collect.js';
import { INPUT_SPECS, readMutationConfig, type MutationConfig } from './config.js';
import { evaluateMutation } from './evaluate.js';

export const mutationGate: Gate<MutationConfig> = {
  id: 'mutation',
  title: 'Mutation score',
  inputs: INPUT_SPECS,
  config: readMutationConfig,
  async run(config, io) {
    return evaluateMutation(await collectMutation(config, io), config);
  },
};
