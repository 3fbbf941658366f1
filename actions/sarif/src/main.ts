/** Orchestration only: hands the gate to the shared runtime, which alone talks to the runner. */
import { runGateAction } from '@aeef/gate-result/runtime';
import type { Verdict } from '@aeef/gate-result';
import { sarifGate } from './gate.js';

export function run(): Promise<Verdict> {
  return runGateAction(sarifGate);
}
