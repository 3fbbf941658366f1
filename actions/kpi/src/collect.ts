/**
 * Collects gate results from result files: this job's own and any passed in (artifacts of matrix
 * jobs). One gate seen in several files is merged when the results agree and reported as a
 * conflict when they differ: never silently overwritten.
 */
import {
  KNOWN_GATES,
  parseGateResult,
  worstVerdict,
  type GateId,
  type GateInfo,
  type GateResult,
} from '@aeef/gate-result';
import type { Conflict, GateEntry } from './kpi-report.js';

export interface ResultFile {
  /** As shown to the user: workspace-relative, or the path under the result directory. */
  path: string;
  text: string;
}

export interface Collected {
  gates: GateEntry[];
  conflicts: Conflict[];
}

/** Throws a ReportError naming the file when a result file is malformed. */
export function collectResults(
  files: readonly ResultFile[],
  suite: readonly Pick<GateInfo, 'id'>[] = KNOWN_GATES,
): Collected {
  const byGate = new Map<GateId, { path: string; result: GateResult }[]>();
  for (const file of files) {
    const result: GateResult = parseGateResult(file.text, file.path, suite);
    // The KPI step's own earlier result is not an input to itself.
    if (result.gate === 'kpi') continue;
    const list = byGate.get(result.gate) ?? [];
    list.push({ path: file.path, result });
    byGate.set(result.gate, list);
  }

  const gates: GateEntry[] = [];
  const conflicts: Conflict[] = [];
  for (const [gate, list] of byGate) {
    const sources = list.map((x) => x.path);
    const [head] = list;
    if (head === undefined) continue;
    const first = head.result;
    const differing = list.find((x) => fingerprint(x.result) !== fingerprint(first));
    if (differing) {
      conflicts.push({
        gate,
        sources,
        reason: `${sources.length} results of the ${gate} gate disagree (verdicts ${list
          .map((x) => x.result.verdict)
          .join(', ')}); the worst verdict counts and no metric of this gate is exported.`,
      });
      gates.push({
        gate,
        verdict: worstVerdict(list.map((x) => x.result.verdict)),
        summary: `Conflicting results from ${sources.length} files.`,
        sources,
        metrics: [],
      });
    } else {
      gates.push({ gate, verdict: first.verdict, summary: first.summary, sources, metrics: first.metrics });
    }
  }
  // The suite's order, as the umbrella runs them.
  const order = suite.map((g) => g.id);
  gates.sort((a, b) => order.indexOf(a.gate) - order.indexOf(b.gate));
  return { gates, conflicts };
}

/** What must agree for two results of one gate to be the same result (durations may differ). */
function fingerprint(result: GateResult): string {
  return JSON.stringify([result.verdict, result.metrics]);
}
