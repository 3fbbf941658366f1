/** The action's orchestration: hand the gate to the shared runtime, which alone talks to the runner. */
import type { Verdict } from '@aeef/gate-result';
import { runGateAction } from '@aeef/gate-result/runtime';
import { coverageGate } from './gate.js';

export function run(): Promise<Verdict> {
  return runGateAction(coverageGate);
}
