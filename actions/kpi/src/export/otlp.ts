/**
 * The same metrics as the Pushgateway push, sent once as OTLP/HTTP protobuf through the official
 * OpenTelemetry JS SDK and exporter: one gauge per metric family (names and attributes as the
 * Prometheus labels), the run's repository, branch and commit as resource attributes. A commit SHA
 * is a resource attribute, not a data-point attribute: backends keep it out of series labels.
 */
import { ConfigError, InternalError } from '@aeef/gate-result';
import { ExportResultCode } from '@opentelemetry/core';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, MetricReader, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { KpiReport } from '../kpi-report.js';
import { derivedKpis, FAMILY_HELP, gateLabels, VERDICTS } from './openmetrics.js';
import { instanceOf, PUSH_JOB, type GroupingKey } from './push-groups.js';

export interface OtlpOptions {
  url: URL;
  headers: Record<string, string>;
  report: KpiReport;
  labels: Omit<GroupingKey, 'job' | 'instance'>;
  timeoutMs?: number;
}

/** Collects on demand only: the export is one-shot, no interval, nothing left running. */
class OneShotReader extends MetricReader {
  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

/** The resource-level attributes (OpenTelemetry semantic conventions, `vcs.*` namespace). */
export function otlpResourceAttributes(
  report: KpiReport,
  labels: Omit<GroupingKey, 'job' | 'instance'>,
): Record<string, string> {
  return {
    'service.name': PUSH_JOB,
    'vcs.repository.name': labels.repository,
    'vcs.ref.head.name': labels.branch,
    ...(report.commit === null ? {} : { 'vcs.ref.head.revision': report.commit }),
  };
}

/** Returns the number of data points sent. */
export async function sendOtlp(options: OtlpOptions): Promise<number> {
  const reader = new OneShotReader();
  const provider = new MeterProvider({
    resource: resourceFromAttributes(otlpResourceAttributes(options.report, options.labels)),
    readers: [reader],
  });
  const points = recordGauges(provider, options.report, options.labels.workflow);
  const { resourceMetrics, errors } = await reader.collect();
  await provider.shutdown();
  if (errors.length > 0) throw new InternalError(`collecting the metrics failed: ${String(errors[0])}`);
  const exporter = new OTLPMetricExporter({
    url: options.url.href,
    headers: options.headers,
    timeoutMillis: options.timeoutMs ?? 10_000,
  });
  try {
    await exportOnce(exporter, resourceMetrics);
  } finally {
    await exporter.shutdown();
  }
  return points;
}

function exportOnce(exporter: OTLPMetricExporter, metrics: ResourceMetrics): Promise<void> {
  return new Promise((resolve, reject) => {
    exporter.export(metrics, (result) => {
      // The error names the status, never the request's headers.
      if (result.code === ExportResultCode.SUCCESS) resolve();
      else reject(new ConfigError(`the OTLP export failed: ${result.error?.message ?? 'no reason given'}`));
    });
  });
}

/** Records every value once; returns the number of data points. */
function recordGauges(provider: MeterProvider, report: KpiReport, workflow: string): number {
  const meter = provider.getMeter('aeef-gates');
  const gauge = (name: keyof typeof FAMILY_HELP) =>
    meter.createGauge(name, { description: FAMILY_HELP[name] });
  const verdict = gauge('aeef_gate_verdict');
  const metric = gauge('aeef_gate_metric');
  const kpi = gauge('aeef_kpi');
  let points = 0;
  for (const gate of report.gates) {
    const common = { workflow, instance: instanceOf(gate), ...gateLabels(report, gate) };
    for (const v of VERDICTS) {
      verdict.record(gate.verdict === v ? 1 : 0, { ...common, verdict: v });
      points++;
    }
    for (const m of gate.metrics) {
      if (m.value === null || !Number.isFinite(m.value)) continue;
      metric.record(m.value, { ...common, metric: m.id, unit: m.unit });
      points++;
    }
  }
  for (const k of derivedKpis(report)) {
    if (!Number.isFinite(k.value)) continue;
    const split = k.aiInvolved === undefined ? {} : { ai_involved: String(k.aiInvolved) };
    kpi.record(k.value, { workflow, instance: 'kpi', kpi: k.id, unit: k.unit, ...split });
    points++;
  }
  return points;
}
