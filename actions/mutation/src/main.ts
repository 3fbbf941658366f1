/** The action's entry: hands the gate to the shared runtime, the only code that talks to the runner. */
import { runGateAction } from '@aeef/gate-result/runtime';
import { mutationGate } from './gate.js';

export function run(): Promise<unknown> {
  return runGateAction(mutationGate);
}
