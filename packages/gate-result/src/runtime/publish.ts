/**
 * Everything a step leaves behind: result files, annotations, outputs, the job summary and the
 * exit code. The decision is made before publishing and only ever gets worse here: failing to write
 * outputs or the result file (the contract with later steps) is an error, failing to write the
 * job summary is only a warning (RELIABILITY C7/C8). `process.exitCode`, never `process.exit`.
 */
import * as core from '@actions/core';
import { annotationText, selectAnnotations } from '../annotations.js';
import { escapeMarkdown, safeLogLine } from '../escape.js';
import { getErrorMessage } from '../errors.js';
import { resultOutputs } from '../outputs.js';
import { renderSummary, type SummaryOptions } from '../render/summary-markdown.js';
import { GATE_TITLES } from '../render/format.js';
import { isFailing, worstVerdict, type GateResult, type Verdict } from '../result.js';
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

function annotate(result: GateResult, perLevel: number): void {
  for (const finding of selectAnnotations(result.findings, { perLevel }).shown) {
    // The toolkit escapes properties (`,` `:` `%` and line breaks); annotationText makes each one safe line.
    const { message, ...properties } = annotationText(finding, result.gate);
    if (finding.level === 'error') core.error(message, properties);
    else if (finding.level === 'warning') core.warning(message, properties);
    else core.notice(message, properties);
  }
}

function setOutputs(outputs: Record<string, string>): void {
  if (!process.env.GITHUB_OUTPUT) {
    throw new Error('GITHUB_OUTPUT is not set, so the step outputs cannot be written');
  }
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}

/** The one line that says why the step failed: the failing gates and their sentences. */
export function failureLine(results: readonly GateResult[]): string {
  return results
    .filter((r) => isFailing(r.verdict))
    .map(
      (r) =>
        `${GATE_TITLES[r.gate] ?? r.gate} ${r.verdict === 'error' ? 'could not decide' : 'failed'}: ${r.summary}`,
    )
    .join(' ');
}

/** Publishes the results of one step and sets the exit code; returns the step's verdict. */
export async function publishResults(
  results: readonly GateResult[],
  options: PublishOptions,
): Promise<Verdict> {
  const perLevel = options.annotationsPerLevel ?? 10;
  let verdict = options.failure === undefined ? worstVerdict(results.map((r) => r.verdict)) : 'error';
  const problems: string[] = options.failure === undefined ? [] : [options.failure];
  try {
    const outputs: Record<string, string> = {};
    for (const result of results) {
      const file = options.written?.get(result) ?? (await writeResultFile(options.resultDir, result));
      annotate(result, perLevel);
      const own = resultOutputs(result, file);
      if (!options.combined) Object.assign(outputs, own);
      else for (const [name, value] of Object.entries(own)) outputs[`${result.gate}-${name}`] = value;
    }
    if (options.combined) {
      outputs.verdict = verdict;
      outputs.summary = options.failure ?? results.map((r) => `${r.gate}: ${r.verdict}`).join(', ');
      outputs['result-file'] = options.resultDir;
    }
    setOutputs(outputs);
  } catch (error) {
    verdict = 'error';
    problems.push(`Could not publish the results: ${getErrorMessage(error)}.`);
  } finally {
    try {
      const failure =
        options.failure === undefined
          ? ''
          : `## ⛔ The gates could not run\n\n${escapeMarkdown(options.failure)}\n\n`;
      await appendJobSummary(
        failure + renderSummary(results, { annotationsPerLevel: perLevel, ...options.summary }),
      );
    } catch (error) {
      core.warning(safeLogLine(`Could not write the job summary: ${getErrorMessage(error)}`));
    }
  }
  // Plain log lines: warnings stay the gate's own findings (annotations), so none is added here.
  for (const result of results) {
    core.info(
      safeLogLine(`${GATE_TITLES[result.gate] ?? result.gate}: ${result.verdict}. ${result.summary}`),
    );
  }
  if (isFailing(verdict)) {
    core.setFailed(safeLogLine([failureLine(results), ...problems].filter((s) => s !== '').join(' ')));
    process.exitCode = 1;
  }
  return verdict;
}
