/** Orchestration only: the shared runtime reads the runner's environment, runs the gate and publishes. */
import { runGateAction } from '@aeef/gate-result/runtime';
import type { Verdict } from '@aeef/gate-result';
import { destructiveGate } from './gate.js';

export function run(): Promise<Verdict> {
  return runGateAction(destructiveGate);
}
