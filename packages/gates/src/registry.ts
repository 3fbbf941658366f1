/**
 * Every gate of the suite, in the order the umbrella action and the CLI run them. A new gate
 * registers here once; both entry points pick it up.
 */
import { coverageGate } from '@aeef/action-coverage';
import { licenseGate } from '@aeef/action-license';
import type { AnyGate, GateId } from '@aeef/gate-result';

export const GATES: readonly AnyGate[] = [coverageGate, licenseGate];

export function gateIds(): GateId[] {
  return GATES.map((g) => g.id);
}
