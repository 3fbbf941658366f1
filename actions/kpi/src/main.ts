import { runGateAction } from '@aeef/gate-result/runtime';
import { kpiGate } from './gate.js';

export function run(): Promise<unknown> {
  return runGateAction(kpiGate);
}
