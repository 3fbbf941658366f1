/**
 * Everything a step leaves behind: result files, annotations, outputs, the job summary and the
 * exit code. The decision is made before publishing and only ever gets worse here: failing to write
 * outputs or the result file (the contract with later steps) is an error, failing to write the
 * job summary is only a warning (RELIABILITY C7/C8). `process.exitCode`, never `process.exit`.
 */
import * as core from '@actions/core';
import { annotationText, selectAnnotations } from '../annotations.js';
import { safeLogLine } from '../escape.js';
import { getErrorMessage } from '../errors.js';
import { resultOutputs } from '../outputs.js';
import { renderSummary, type SummaryOptions } from '../render/summary-markdown.js';
import { GATE_TITLES } from '../render/format.js';
import { instanceKey } from '../render/overview.js';
import { isFailing, worstVerdict, type FindingLevel, type GateResult, type Verdict } from '../result.js';
import { appendJobSummary } from './job-summary.js';
import { writeResultFile } from './result-file.js';

export interface PublishOptions {
  resultDir: string;
  /** Several gates in one step (the umbrella): outputs are also given as `<gate>-<name>`. */
  combined?: boolean;
  summary?: SummaryOptions;
  annotationsPerLevel?: number;
  /** A step-level error (e.g. a bad config file in the umbrella): shown and failing, beside any results. */
  failure?: string;
  /** Result files already written as each gate finished; the others are written here. */
  written?: ReadonlyMap<GateResult, string>;
}

/**
 * The annotations of a whole step: GitHub shows 10 errors and 10 warnings per step, so the cap is
 * shared by all its gates (the worst first: by level, rank, then gate order), and one slot is kept
 * for the step's own last line (`setFailed` is an error; an advisory "would fail" is a warning).
 * Returns what each result had left out, for its summary.
 */
function annotateStep(
  results: readonly GateResult[],
  perLevel: number,
  reserved: { error: number; warning: number },
): Map<GateResult, Record<FindingLevel, number>> {
  const tagged = results.flatMap((result) => result.findings.map((finding) => ({ result, finding })));
  const omitted = new Map<GateResult, Record<FindingLevel, number>>(
    results.map((r) => [r, { error: 0, warning: 0, notice: 0 }]),
  );
  const limit: Record<FindingLevel, number> = {
    error: Math.max(0, perLevel - reserved.error),
    warning: Math.max(0, perLevel - reserved.warning),
    notice: perLevel,
  };
  const shown = new Set(
    (['error', 'warning', 'notice'] as const).flatMap(
      (level) =>
        selectAnnotations(
          tagged.filter((t) => t.finding.level === level).map((t) => t.finding),
          { perLevel: limit[level] },
        ).shown,
    ),
  );
  for (const { result, finding } of tagged) {
    if (!shown.has(finding)) {
      const counts = omitted.get(result);
      if (counts !== undefined) counts[finding.level]++;
      continue;
    }
    // The toolkit escapes properties (`,` `:` `%` and line breaks); annotationText makes each one safe line.
    const { message, ...properties } = annotationText(finding, result.gate);
    if (finding.level === 'error') core.error(message, properties);
    else if (finding.level === 'warning') core.warning(message, properties);
    else core.notice(message, properties);
  }
  return omitted;
}

function setOutputs(outputs: Record<string, string>): void {
  if (!process.env.GITHUB_OUTPUT) {
    throw new Error('GITHUB_OUTPUT is not set, so the step outputs cannot be written');
  }
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}

function title(result: GateResult): string {
  const gate = GATE_TITLES[result.gate] ?? result.gate;
  return result.name === undefined ? gate : `${gate} (${result.name})`;
}

/** The one line that says why the step failed: the failing gates and their sentences. */
export function failureLine(results: readonly GateResult[]): string {
  return results
    .filter((r) => isFailing(r.verdict))
    .map((r) => `${title(r)} ${r.verdict === 'error' ? 'could not decide' : 'failed'}: ${r.summary}`)
    .join(' ');
}

/**
 * The step's `enforced` output: `false` when its failing verdict does not fail the step (every
 * failing gate is advisory), or when no gate of it is enforced at all.
 */
export function stepEnforced(results: readonly GateResult[]): boolean {
  const failing = results.filter((r) => isFailing(r.verdict));
  if (failing.length > 0) return failing.some((r) => r.enforced !== false);
  return results.length === 0 || results.some((r) => r.enforced !== false);
}

/** Publishes the results of one step and sets the exit code; returns the step's verdict. */
export async function publishResults(
  results: readonly GateResult[],
  options: PublishOptions,
): Promise<Verdict> {
  const perLevel = options.annotationsPerLevel ?? 10;
  let verdict = options.failure === undefined ? worstVerdict(results.map((r) => r.verdict)) : 'error';
  const problems: string[] = options.failure === undefined ? [] : [options.failure];
  // Advisory gates (`enforce: false`) decide as always; only enforced ones set the exit code.
  const enforcedResults = results.filter((r) => r.enforced !== false);
  const advisoryFailing = results.filter((r) => r.enforced === false && isFailing(r.verdict));
  const failsStep = (): boolean => problems.length > 0 || enforcedResults.some((r) => isFailing(r.verdict));
  let notAnnotated: Map<GateResult, Record<FindingLevel, number>> | undefined;
  try {
    notAnnotated = annotateStep(results, perLevel, {
      error: failsStep() ? 1 : 0,
      warning: advisoryFailing.length > 0 ? 1 : 0,
    });
    const outputs: Record<string, string> = {};
    for (const result of results) {
      const file = options.written?.get(result) ?? (await writeResultFile(options.resultDir, result));
      const own = resultOutputs(result, file);
      if (!options.combined) Object.assign(outputs, own);
      else for (const [name, value] of Object.entries(own)) outputs[`${instanceKey(result)}-${name}`] = value;
    }
    if (options.combined) {
      outputs.verdict = verdict;
      outputs.enforced = String(stepEnforced(results));
      outputs.summary =
        options.failure ??
        results
          .map((r) => `${instanceKey(r)}: ${r.verdict}${r.enforced === false ? ' (advisory)' : ''}`)
          .join(', ');
      outputs['result-file'] = options.resultDir;
    }
    setOutputs(outputs);
  } catch (error) {
    verdict = 'error';
    problems.push(`Could not publish the results: ${getErrorMessage(error)}.`);
  } finally {
    try {
      await appendJobSummary(
        renderSummary(results, {
          annotationsPerLevel: perLevel,
          ...options.summary,
          failure: options.failure,
          notAnnotated,
        }),
      );
    } catch (error) {
      core.warning(safeLogLine(`Could not write the job summary: ${getErrorMessage(error)}`));
    }
  }
  // Plain log lines: warnings stay the gate's own findings (annotations), so none is added here.
  for (const result of results) {
    const advisory = result.enforced === false ? ' (advisory)' : '';
    core.info(safeLogLine(`${title(result)}: ${result.verdict}${advisory}. ${result.summary}`));
  }
  if (failsStep()) {
    core.setFailed(
      safeLogLine([failureLine(enforcedResults), ...problems].filter((s) => s !== '').join(' ')),
    );
    process.exitCode = 1;
  } else if (advisoryFailing.length > 0) {
    core.warning(
      safeLogLine(
        `advisory: would fail (\`enforce: false\`, the step passes). ${failureLine(advisoryFailing)}`,
      ),
    );
  }
  return verdict;
}
