/**
 * Every gate of the suite, in the order the umbrella action and the CLI run them. A new gate
 * registers here once; both entry points pick it up.
 */
import { coverageGate } from '@aeef/action-coverage';
import { kpiGate } from '@aeef/action-kpi';
import { licenseGate } from '@aeef/action-license';
import { mutationGate } from '@aeef/action-mutation';
import { prSizeGate } from '@aeef/action-pr-size';
import { sarifGate } from '@aeef/action-sarif';
import type { AnyGate, GateId } from '@aeef/gate-result';

// The KPI export reads the others' result files, so it runs last.
export const GATES: readonly AnyGate[] = [
  coverageGate,
  mutationGate,
  sarifGate,
  licenseGate,
  prSizeGate,
  kpiGate,
];

export function gateIds(): GateId[] {
  return GATES.map((g) => g.id);
}
