/**
 * Every gate of the suite, in the order the umbrella action and the CLI run them. A new gate
 * registers here once (docs/adding-a-gate.md): its id, `title` and input specs reach the config
 * file, the result and KPI schemas, the umbrella's action.yml and the README through
 * `npm run generate`, and the library gets its id and title as data (known-gates.ts).
 */
import { coverageGate } from '@aeef/action-coverage';
import { destructiveGate } from '@aeef/action-destructive';
import { integrityGate } from '@aeef/action-integrity';
import { kpiGate } from '@aeef/action-kpi';
import { licenseGate } from '@aeef/action-license';
import { mutationGate } from '@aeef/action-mutation';
import { prSizeGate } from '@aeef/action-pr-size';
import { provenanceGate } from '@aeef/action-provenance';
import { sarifGate } from '@aeef/action-sarif';
import type { AnyGate, GateId, GateInfo } from '@aeef/gate-result';

// The KPI export reads the others' result files, so it runs last.
export const GATES: readonly AnyGate[] = [
  coverageGate,
  mutationGate,
  sarifGate,
  licenseGate,
  prSizeGate,
  integrityGate,
  destructiveGate,
  // After the gates whose result files its audit record lists.
  provenanceGate,
  kpiGate,
];

export function gateIds(gates: readonly AnyGate[] = GATES): GateId[] {
  return gates.map((g) => g.id);
}

/** The id and title of each gate: what the library and the single-gate actions know of the suite. */
export function gateCatalog(gates: readonly AnyGate[] = GATES): GateInfo[] {
  return gates.map(({ id, title }) => ({ id, title }));
}
