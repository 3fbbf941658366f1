/**
 * Pushing the KPIs of a 6-gate umbrella run (coverage, mutation, SARIF, license, PR size and the
 * KPI export's own group: six PUTs) to Debian's Pushgateway on loopback, beside one PUT of the
 * whole kpi.prom (the floor: the same bytes in one request). Bar: under 200 ms.
 */
import { buildKpiReport } from '../actions/kpi/src/build-report.js';
import { collectResults } from '../actions/kpi/src/collect.js';
import { pushMetrics } from '../actions/kpi/src/export/metrics-push.js';
import { renderOpenMetrics } from '../actions/kpi/src/export/openmetrics.js';
import type { ExportTargets } from '../actions/kpi/src/export/targets-config.js';
import type { GateId, Logger } from '@aeef/gate-result';
import { gateResultFactory, metricFactory } from '../test/support/factories.js';
import { findProgram, startPushgateway } from '../test/support/prometheus.js';
import { printTable, time } from './_timing.js';

const BAR_MS = 200;

const METRICS: Record<Exclude<GateId, 'kpi'>, string[]> = {
  coverage: ['lines', 'statements', 'functions', 'branches', 'patch'],
  mutation: [
    'score',
    'covered-score',
    'patch-score',
    'killed',
    'survived',
    'timeout',
    'no-coverage',
    'valid',
  ],
  sarif: ['findings', 'errors', 'warnings', 'notes', 'suppressed', 'new'],
  license: ['packages', 'violations', 'unknown', 'exceptions-used'],
  'pr-size': ['lines', 'files', 'additions', 'deletions'],
};

function sixGateReport() {
  const files = Object.entries(METRICS).map(([gate, ids]) => ({
    path: `${gate}.json`,
    text: JSON.stringify(
      gateResultFactory({
        gate: gate,
        metrics: ids.map((id, i) => metricFactory({ id, label: id, value: 50 + i * 3.25 })),
      }),
    ),
  }));
  return buildKpiReport(collectResults(files), {
    name: 'push',
    payload: { ref: 'refs/heads/main' },
    repository: { owner: 'acme', repo: 'web' },
    headSha: 'a'.repeat(40),
    workflow: 'CI',
  });
}

export async function bench(): Promise<void> {
  if (findProgram('prometheus-pushgateway') === undefined) {
    const line =
      'bench pushgateway: needs prometheus-pushgateway on PATH (apt-get install prometheus-pushgateway)';
    if (process.env.AEEF_REQUIRE_SERVICES === '1') throw new Error(line);
    console.log(`skipped ${line}`);
    return;
  }
  const gateway = await startPushgateway();
  try {
    const report = sixGateReport();
    const url = new URL(gateway.url);
    const targets: ExportTargets = {
      pushgateway: { url, credentials: { kind: 'none' } },
      otlp: undefined,
      onExportError: 'fail',
    };
    const log: Logger = { info: () => undefined, warning: (m) => console.warn(m), debug: () => undefined };
    const deps = {
      event: { name: 'push', payload: {}, workflow: 'CI', refName: 'main' },
      log,
      now: () => performance.now(),
    };
    const whole = renderOpenMetrics(report);
    const floor = await time(
      'one PUT of kpi.prom',
      async () => {
        const response = await fetch(new URL('/metrics/job/aeef-gates-floor', url), {
          method: 'PUT',
          body: whole,
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
      },
      15,
    );
    const push = await time('pushMetrics, 6 groups', () => pushMetrics(targets, report, deps), 15);
    printTable(`Pushgateway push of a 6-gate run (${whole.length} bytes of OpenMetrics)`, [floor, push]);
    const ok = push.medianMs < BAR_MS;
    console.log(
      `\n6-gate push median ${push.medianMs.toFixed(1)} ms: ${ok ? 'under' : 'OVER'} the ${BAR_MS} ms bar.`,
    );
    if (!ok) process.exitCode = 1;
  } finally {
    await gateway.stop();
  }
}
