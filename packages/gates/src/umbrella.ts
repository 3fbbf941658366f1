/**
 * The umbrella action `aeef/gates@v1`: runs the gates named in its `gates` input (or in the config
 * file) in one process, with one combined summary and one exit code.
 */
import { getList, InputError, type Inputs, type InputSpec } from '@aeef/gate-result';
import { runGatesAction } from '@aeef/gate-result/runtime';
import { gateIds, GATES } from './registry.js';

export const UMBRELLA_INPUTS: readonly InputSpec[] = [
  {
    name: 'gates',
    kind: 'list',
    description:
      'The gates to run, comma or newline separated, in any order (they run in the suite order). When empty, the `gates` list of the config file. Naming none at all is an error.',
  },
];

/** Which gates to run: the input, else the config file's list; none is an error, never a pass. */
export function selectGates(inputs: Inputs): string[] {
  const wanted = getList(inputs, 'gates');
  if (wanted.length === 0) {
    throw new InputError(
      'gates',
      `Expected \`gates\` (or \`gates:\` in the config file) to name at least one of ${gateIds().join(', ')}.`,
    );
  }
  return wanted;
}

export function run(): Promise<unknown> {
  return runGatesAction(GATES, { extraInputs: UMBRELLA_INPUTS, select: selectGates, heading: 'aeef/gates' });
}
