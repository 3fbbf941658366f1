/**
 * Collects gate results from result files: this job's own and any passed in (artifacts of matrix
 * jobs). Each instance of a gate (`coverage`, `coverage:web` written as `coverage-web.json`) is its
 * own entry. One instance seen in several files is merged when the results agree and reported as a
 * conflict when they differ: never silently overwritten.
 */
import {
  instanceKey,
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
  /** From the provenance gate's result(s), when one ran: AI-involved when any of them says so. */
  provenance?: { aiInvolved: boolean };
}

/** Throws a ReportError naming the file when a result file is malformed. */
export function collectResults(
  files: readonly ResultFile[],
  suite: readonly Pick<GateInfo, 'id'>[] = KNOWN_GATES,
): Collected {
  // By instance key: two instances of one gate are two entries, the same instance twice is a shard.
  const byInstance = new Map<string, { path: string; result: GateResult }[]>();
  const aiAssisted: boolean[] = [];
  for (const file of files) {
    const result: GateResult = parseGateResult(file.text, file.path, suite);
    // The KPI step's own earlier result is not an input to itself.
    if (result.gate === 'kpi') continue;
    const said = result.gate === 'provenance' ? result.outputs['ai-assisted'] : undefined;
    if (said === 'true' || said === 'false') aiAssisted.push(said === 'true');
    const key = instanceKey(result);
    const list = byInstance.get(key) ?? [];
    list.push({ path: file.path, result });
    byInstance.set(key, list);
  }

  const gates: GateEntry[] = [];
  const conflicts: Conflict[] = [];
  for (const [key, list] of byInstance) {
    const sources = list.map((x) => x.path);
    const [head] = list;
    if (head === undefined) continue;
    const first = head.result;
    const gate: GateId = first.gate;
    const named = first.name === undefined ? {} : { name: first.name };
    const differing = list.find((x) => fingerprint(x.result) !== fingerprint(first));
    if (differing) {
      const what = first.name === undefined ? `the ${gate} gate` : `the ${gate} gate's instance ${key}`;
      conflicts.push({
        gate,
        ...named,
        sources,
        reason: `${sources.length} results of ${what} disagree (verdicts ${list
          .map((x) => x.result.verdict)
          .join(', ')}); the worst verdict counts and no metric of this instance is exported.`,
      });
      gates.push({
        gate,
        ...named,
        verdict: worstVerdict(list.map((x) => x.result.verdict)),
        summary: `Conflicting results from ${sources.length} files.`,
        sources,
        metrics: [],
      });
    } else {
      gates.push({
        gate,
        ...named,
        verdict: first.verdict,
        summary: first.summary,
        sources,
        metrics: first.metrics,
      });
    }
  }
  // The suite's order, as the umbrella runs them; the unnamed instance first, then by name.
  const order = suite.map((g) => g.id);
  gates.sort(
    (a, b) =>
      order.indexOf(a.gate) - order.indexOf(b.gate) ||
      (a.name === undefined ? -1 : 0) - (b.name === undefined ? -1 : 0) ||
      (a.name ?? '').localeCompare(b.name ?? ''),
  );
  return {
    gates,
    conflicts,
    ...(aiAssisted.length > 0 && { provenance: { aiInvolved: aiAssisted.includes(true) } }),
  };
}

/** What must agree for two results of one gate to be the same result (durations may differ). */
function fingerprint(result: GateResult): string {
  return JSON.stringify([result.verdict, result.metrics]);
}
