/**
 * The umbrella action `aeef/gates@v1`: runs the gates named in its `gates` input (or the config
 * file's `gates:` list) in one process, with one combined summary and one exit code.
 */
import { EXPORT_TARGET_INPUTS } from '@aeef/action-kpi';
import type { InputSpec } from '@aeef/gate-result';
import { runGatesAction, selectConfiguredGates } from '@aeef/gate-result/runtime';
import { GATES } from './registry.js';

export const UMBRELLA_INPUTS: readonly InputSpec[] = [
  {
    name: 'gates',
    kind: 'list',
    description:
      'The gates to run, comma or newline separated (they run in the suite order, the KPI export last). When empty, the `gates:` list of the config file; naming none at all is an error.',
  },
  // Passed through to the KPI export, so a workflow can push from the umbrella step.
  ...EXPORT_TARGET_INPUTS,
];

export function run(): Promise<unknown> {
  return runGatesAction(GATES, {
    extraInputs: UMBRELLA_INPUTS,
    select: selectConfiguredGates,
    heading: 'aeef/gates',
  });
}
