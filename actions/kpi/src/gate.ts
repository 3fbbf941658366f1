/**
 * The KPI export: reads the result files of the gates that ran (and any passed in), exports
 * kpi.json, OpenMetrics, CSV and benchmark files, optionally appends to a history branch, and
 * checks regression bars. Its verdict is about the export itself; the gates' own verdicts already
 * decide their steps.
 */
import path from 'node:path';
import {
  ConfigError,
  getErrorMessage,
  InputError,
  MissingReportError,
  ReportError,
  RESULT_SCHEMA,
  worstVerdict,
  type Gate,
  type GateIO,
  type GateResult,
  type Verdict,
} from '@aeef/gate-result';
import { buildKpiReport } from './build-report.js';
import { collectResults, type ResultFile } from './collect.js';
import { KPI_INPUTS, readKpiConfig, type KpiConfig } from './config.js';
import { writeExports } from './exports.js';
import { pushMetrics } from './export/metrics-push.js';
import { describeTargets } from './export/targets-config.js';
import { fetchMergedPulls, type FetchedPulls } from './fetch-pulls.js';
import { computeGithubKpis } from './github-kpis.js';
import { appendHistory, readHistory, refuseCodeBranch } from './history-git.js';
import { lastComparable } from './history-record.js';
import type { Kpi, KpiReport } from './kpi-report.js';
import { checkRegressions } from './regression.js';
import {
  isWrittenByGate,
  MAX_LEDGER_BYTES,
  parseLedger,
  RESULT_LEDGER,
  type Ledger,
} from './result-ledger.js';
import { baseBranchOf, latestRecordOf } from './baseline.js';
import { mapBounded } from './bounded.js';
import { identityMatcher } from './pull-provenance.js';
import { dashboardSections } from './sections.js';

export { EXPORT_TARGET_INPUTS } from './export/targets-config.js';

export const kpiGate: Gate<KpiConfig> = {
  id: 'kpi',
  title: 'KPI export',
  inputs: KPI_INPUTS,
  config: readKpiConfig,
  run: exportKpis,
};

async function exportKpis(config: KpiConfig, io: GateIO): Promise<GateResult> {
  const { files, foreign } = await readResultFiles(config, io);
  const collected = collectResults(files);
  const notes: string[] = [];
  const verdicts: Verdict[] = [];
  if (foreign.length > 0) {
    notes.push(
      `Not exported: ${describeForeign(foreign)} in ${io.resultDir} (copied, extracted or planted there, or changed after a gate wrote them). Pass other jobs' result files through \`results\`.`,
    );
    verdicts.push('warn');
  }

  let githubKpis: Kpi[] = [];
  if (config.githubKpis) {
    try {
      githubKpis = await githubDeliveryKpis(config, io, notes);
    } catch (error) {
      if (config.onApiError === 'fail') throw error;
      notes.push(`GitHub KPIs left out (on-api-error: warn): ${getErrorMessage(error)}`);
      verdicts.push('warn');
    }
  }
  const report = buildKpiReport(collected, io.event, githubKpis);

  let previous: KpiReport | undefined;
  let dashboardUrl: string | undefined;
  if (config.historyBranch !== undefined) {
    const title = `KPIs of ${report.repository ?? 'this repository'}`;
    refuseCodeBranch(config.historyBranch, io.event);
    if (appendsHistory(io)) {
      const outcome = await appendHistory(
        (args, options) => io.git(args, options),
        config.historyBranch,
        report,
        title,
      );
      previous = lastComparable(outcome.previous.records, report);
      notes.push(`Appended this run to \`${config.historyBranch}\` (${outcome.attempts} push attempt(s)).`);
    } else {
      const { history } = await readHistory((args, options) => io.git(args, options), config.historyBranch);
      // A PR compares with its base branch's latest record (a PR into `release` never with `main`'s).
      const base = baseBranchOf(io.event);
      previous =
        base === undefined
          ? lastComparable(history.records, report)
          : latestRecordOf(history.records, base, report.commit ?? undefined);
      const against =
        base === undefined
          ? ''
          : previous
            ? ` (the latest record of \`${base}\`)`
            : ` (no record of \`${base}\` yet)`;
      notes.push(
        `Compared with \`${config.historyBranch}\`${against}; only pushes to the default branch append to it.`,
      );
    }
    if (io.event.repository)
      dashboardUrl = `https://${io.event.repository.owner}.github.io/${io.event.repository.repo}/`;
  }

  const checks = checkRegressions(config.maxRegression, report, previous);
  verdicts.push(...checks.map((c) => c.verdict));
  if (report.conflicts.length > 0) verdicts.push('warn');

  const outputDir = config.outputDir ?? `${io.resultDir}/kpi`;
  const exported = await writeExports(io, outputDir, config.formats, report);
  notes.push(
    ...(await pushMetrics(config.targets, report, { event: io.event, log: io.log, now: () => io.now() })),
  );
  const verdict = worstVerdict(verdicts);
  const passRate = report.kpis.find((k) => k.id === 'gates.pass-rate');
  return {
    schema: RESULT_SCHEMA,
    gate: 'kpi',
    verdict,
    summary: summarise(
      report,
      verdict,
      checks.filter((c) => c.verdict !== 'pass').map((c) => c.reason),
      foreign.length,
    ),
    metrics: [
      {
        id: 'pass-rate',
        label: 'Gate pass rate',
        value: passRate?.value ?? null,
        unit: 'percent',
        verdict: 'none',
      },
    ],
    findings: checks
      .filter((c) => c.verdict !== 'pass')
      .map((c) => ({ level: 'error' as const, title: 'KPI regression', message: c.reason })),
    details: [
      ...dashboardSections(report, previous, checks),
      ...(notes.length > 0 ? [{ title: 'Notes', notes }] : []),
    ],
    outputs: { ...exported, ...(dashboardUrl ? { 'dashboard-url': dashboardUrl } : {}) },
    // The export targets are recorded without their credentials.
    config: { ...config, targets: describeTargets(config.targets) },
    inputs: files.map((f) => f.path),
    durationMs: 0,
  };
}

/** Files read at once: far below any open-file limit, enough to keep the disk busy. */
const READ_CONCURRENCY = 16;
/** Names of files not written by a gate that the summary spells out; the rest are counted. */
const MAX_NAMED = 20;

interface ReadResults {
  files: ResultFile[];
  /** Files in the result directory that no gate of this job wrote: reported, not exported. */
  foreign: string[];
}

async function readResultFiles(config: KpiConfig, io: GateIO): Promise<ReadResults> {
  const own = await io.listResultFiles();
  const extra = config.results.length > 0 ? await io.glob(config.results) : [];
  if (config.results.length > 0 && extra.length === 0) {
    throw new MissingReportError(
      config.results.join(', '),
      `No file matches \`results\` (${config.results.join(', ')}).`,
    );
  }
  if (own.length === 0 && extra.length === 0) {
    throw new MissingReportError(
      io.resultDir,
      `No gate result file was found in ${io.resultDir} and \`results\` names none: run the gates before the KPI export, or pass their result files.`,
    );
  }
  const ledger = own.length > 0 ? await readLedger(io) : parseLedger('', undefined);
  const foreign: string[] = [];
  const ownFiles = await mapBounded(own, READ_CONCURRENCY, async (file) => {
    const name = path.basename(file);
    let text: string;
    try {
      text = await io.readText(file);
    } catch (error) {
      // A gate writes UTF-8 JSON; a file that cannot even be read as text is not a gate's.
      if (!(error instanceof ReportError)) throw error;
      foreign.push(name);
      return undefined;
    }
    if (isWrittenByGate(ledger, name, text)) return { path: file, text };
    foreign.push(name);
    return undefined;
  });
  // Files named by `results` come from other jobs by design (matrix artifacts): the user asked for them.
  const extraFiles = await mapBounded(extra, READ_CONCURRENCY, async (file) => ({
    path: file,
    text: await io.readText(file),
  }));
  const files = [...ownFiles.filter((f): f is ResultFile => f !== undefined), ...extraFiles];
  if (files.length === 0) {
    throw new MissingReportError(
      io.resultDir,
      `No result file in ${io.resultDir} was written by a gate of this job (${describeForeign(foreign)}), and \`results\` names none: run the gates in this job before the KPI export, or pass other jobs' result files through \`results\`.`,
    );
  }
  return { files, foreign: foreign.sort() };
}

async function readLedger(io: GateIO): Promise<Ledger> {
  try {
    const text = await io.readText(path.join(io.resultDir, RESULT_LEDGER), { maxBytes: MAX_LEDGER_BYTES });
    return parseLedger(text, io.event.job);
  } catch (error) {
    // No gate of this job wrote anything yet: every file found is foreign.
    if (error instanceof MissingReportError) return parseLedger('', io.event.job);
    throw error;
  }
}

function describeForeign(names: readonly string[]): string {
  const sorted = [...names].sort();
  const shown = sorted.slice(0, MAX_NAMED).join(', ');
  const more = sorted.length > MAX_NAMED ? ` and ${sorted.length - MAX_NAMED} more` : '';
  return `${sorted.length} file(s) not written by a gate of this job: ${shown}${more}`;
}

async function githubDeliveryKpis(config: KpiConfig, io: GateIO, notes: string[]): Promise<Kpi[]> {
  if (io.github === undefined) {
    throw new InputError(
      'github-token',
      'The GitHub KPIs need a token: set `github-token` (the workflow token needs `pull-requests: read`).',
    );
  }
  if (io.event.repository === undefined)
    throw new ConfigError('The GitHub KPIs need the repository, which the event does not name.');
  const fetched = await fetchMergedPulls(io.github, {
    owner: io.event.repository.owner,
    repo: io.event.repository.repo,
    windowDays: config.windowDays,
    // The window ends now: delivery KPIs describe the time of the run (they decide nothing unless a bar names them).
    until: Date.now(),
    maxPulls: config.maxPrs,
    maxCommitPulls: config.maxCommitPrs,
    match: identityMatcher(config.aiIdentities),
  });
  notes.push(
    `GitHub KPIs from ${fetched.pulls.length} merged PR(s) in the last ${config.windowDays} days (${fetched.requests} API requests)${
      fetched.capped ? `; capped at the ${config.maxPrs} most recent (max-prs)` : ''
    }.`,
    provenanceNote(fetched),
  );
  return computeGithubKpis(fetched.pulls, config.windowDays);
}

/** How the split by provenance was decided, and how far the commit history was read. */
function provenanceNote(fetched: FetchedPulls): string {
  const ai = fetched.pulls.filter((p) => p.aiInvolved === true);
  const byCommits = ai.filter((p) => p.aiEvidence === 'commits').length;
  const skipped =
    fetched.commitsSkipped > 0
      ? ` ${fetched.commitsSkipped} PR(s) were classified without their commits (beyond max-commit-prs), so an AI trailer there is not seen.`
      : '';
  return `By provenance: ${ai.length} AI-involved PR(s) (${ai.length - byCommits} by their author, body or labels, ${byCommits} by commit trailers), ${fetched.pulls.length - ai.length} human-only; commits read for ${fetched.commitsFetched} of ${fetched.pulls.length} PR(s).${skipped}`;
}

/** Only runs on the default branch extend the trend; PR runs compare with it. */
function appendsHistory(io: GateIO): boolean {
  const payload = io.event.payload as { ref?: unknown; repository?: { default_branch?: unknown } };
  if (!['push', 'schedule', 'workflow_dispatch'].includes(io.event.name)) return false;
  const defaultBranch = payload.repository?.default_branch;
  // Without a ref to compare (schedule, dispatch payloads vary), the run is taken as the default branch's.
  if (typeof defaultBranch !== 'string' || typeof payload.ref !== 'string') return true;
  return payload.ref === `refs/heads/${defaultBranch}`;
}

function summarise(report: KpiReport, verdict: Verdict, problems: string[], foreign: number): string {
  const unexported =
    foreign > 0
      ? ` (${foreign} file(s) in the result directory not written by a gate of this job left out)`
      : '';
  const gates = `${report.gates.length} gate result(s), ${report.kpis.length} KPI(s) exported${unexported}`;
  if (problems.length > 0) return `${gates}; ${problems.join(' ')}`;
  if (report.conflicts.length > 0)
    return `${gates}; ${report.conflicts.length} gate(s) had conflicting results.`;
  return verdict === 'pass' ? `${gates}.` : `${gates}; see the notes.`;
}
