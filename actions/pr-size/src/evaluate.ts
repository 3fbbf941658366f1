/**
 * Pure judgement of a measured change: (model, config) -> GateResult. A count that cannot be
 * complete is judged as over the limit, never as small.
 */
import { RESULT_SCHEMA } from '@aeef/gate-result';
import type { Finding, GateResult, Metric, MetricVerdict, Verdict } from '@aeef/gate-result';
import type { PrSizeConfig } from './config.js';
import { partitionFiles } from './exclusions.js';
import type { SizeModel } from './model.js';
import { classifySize } from './sizes.js';
import type { SizeName } from './sizes.js';
import { describeSize } from './summary-sections.js';

export interface SizeTotals {
  additions: number;
  deletions: number;
  lines: number;
  files: number;
  /** `null` when the list was incomplete and exclusions could not all be known. */
  ignoredFiles: number | null;
}

function linesVerdict(lines: number, config: PrSizeConfig, incomplete: boolean): MetricVerdict {
  if (incomplete || lines > config.maxLines) return 'fail';
  return lines > config.warnLines ? 'warn' : 'pass';
}

function metricsOf(totals: SizeTotals, config: PrSizeConfig, incomplete: boolean): Metric[] {
  const filesVerdict: MetricVerdict = incomplete || totals.files > config.maxFiles ? 'fail' : 'pass';
  return [
    {
      id: 'lines',
      label: 'Changed lines',
      value: totals.lines,
      unit: 'lines',
      threshold: { op: '<=', value: config.maxLines },
      verdict: linesVerdict(totals.lines, config, incomplete),
    },
    { id: 'additions', label: 'Added lines', value: totals.additions, unit: 'lines', verdict: 'none' },
    { id: 'deletions', label: 'Deleted lines', value: totals.deletions, unit: 'lines', verdict: 'none' },
    {
      id: 'files',
      label: 'Changed files',
      value: totals.files,
      unit: 'files',
      threshold: { op: '<=', value: config.maxFiles },
      verdict: filesVerdict,
    },
    {
      id: 'ignored-files',
      label: 'Excluded files',
      value: totals.ignoredFiles,
      unit: 'files',
      verdict: 'none',
    },
  ];
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function sentence(
  totals: SizeTotals,
  size: SizeName,
  model: SizeModel,
  config: PrSizeConfig,
  verdict: Verdict,
): string {
  const what = `${count(totals.lines, 'changed line')} in ${count(totals.files, 'file')} (size ${size}, counted from ${model.source})`;
  if (model.incomplete)
    return `The PR is too large to measure completely (${model.incomplete.reason}), so it counts as over the limit.`;
  const over: string[] = [];
  if (totals.lines > config.maxLines) over.push(`more than the ${config.maxLines}-line limit`);
  if (totals.files > config.maxFiles) over.push(`more than the ${config.maxFiles}-file limit`);
  if (verdict === 'fail') return `${what}: ${over.join(' and ')}; split the PR.`;
  if (verdict === 'warn')
    return `${what}: above the warning line of ${config.warnLines} (limit ${config.maxLines}).`;
  return `${what}: within the limits of ${config.maxLines} lines and ${config.maxFiles} files.`;
}

/** Judges the measured change against the limits and renders the summary sections. */
export function evaluatePrSize(model: SizeModel, config: PrSizeConfig): GateResult {
  const { counted, excluded } = partitionFiles(model.files, {
    attributes: model.attributes,
    ignored: config.isIgnored,
  });
  const incomplete = model.incomplete;
  const additions = incomplete ? incomplete.additions : counted.reduce((n, f) => n + f.additions, 0);
  const deletions = incomplete ? incomplete.deletions : counted.reduce((n, f) => n + f.deletions, 0);
  const totals: SizeTotals = {
    additions,
    deletions,
    lines: additions + deletions,
    files: incomplete ? incomplete.changedFiles : counted.length,
    ignoredFiles: incomplete ? null : excluded.length,
  };
  const size: SizeName = incomplete ? 'XXL' : classifySize(totals.lines, config.sizes);
  const metrics = metricsOf(totals, config, incomplete !== undefined);
  const verdict: Verdict = metrics.some((m) => m.verdict === 'fail')
    ? 'fail'
    : metrics.some((m) => m.verdict === 'warn')
      ? 'warn'
      : 'pass';
  const summary = sentence(totals, size, model, config, verdict);
  const findings: Finding[] =
    verdict === 'pass'
      ? []
      : [{ level: verdict === 'fail' ? 'error' : 'warning', title: 'PR size', message: summary }];
  return {
    schema: RESULT_SCHEMA,
    gate: 'pr-size',
    verdict,
    summary,
    metrics,
    findings,
    details: describeSize({ model, config, counted, excluded, totals, size, verdict }),
    outputs: { size, source: model.source },
    config: {
      'max-lines': config.maxLines,
      'warn-lines': config.warnLines,
      'max-files': config.maxFiles,
      ignore: config.ignore,
      label: config.label,
      sizes: config.sizes.map((b) => `${b.name}:${b.max}`).join(','),
    },
    inputs: [],
    durationMs: 0,
  };
}
