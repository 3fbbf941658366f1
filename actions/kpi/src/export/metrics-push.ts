/**
 * Sends the run's metrics to the metrics systems the user named (Pushgateway, OTLP endpoint).
 * Exporting never changes the verdict unless `on-export-error: fail`: under `warn` a failure is a
 * warning and a note, and the verdict stands.
 *
 * This module and the two transports it calls are the one network client outside the runtime's
 * `GateIO`: the OpenTelemetry exporter brings its own HTTP transport, and keeping both pushes here
 * keeps their dependencies out of every other gate's bundle (see docs/org-scale.md).
 */
import { ConfigError, getErrorMessage, type EventContext, type Logger } from '@aeef/gate-result';
import type { KpiReport } from '../kpi-report.js';
import { sendOtlp } from './otlp.js';
import { pushGroups, runLabels } from './push-groups.js';
import { pushToGateway } from './pushgateway.js';
import type { ExportTargets } from './targets-config.js';

export interface PushDeps {
  event: EventContext;
  log: Logger;
  /** Monotonic ms, for the duration in the note. */
  now: () => number;
  /** Waits between retries (tests shorten them). */
  backoffMs?: readonly number[];
}

/** Returns the notes for the summary; throws `ConfigError` on failure under `on-export-error: fail`. */
export async function pushMetrics(
  targets: ExportTargets,
  report: KpiReport,
  deps: PushDeps,
): Promise<string[]> {
  if (targets.pushgateway === undefined && targets.otlp === undefined) return [];
  const notes: string[] = [];
  const failures: string[] = [];
  const attempt = async (what: string, send: () => Promise<string>): Promise<void> => {
    const started = deps.now();
    try {
      const done = await send();
      notes.push(`${done} in ${Math.round(deps.now() - started)} ms.`);
    } catch (error) {
      failures.push(`${what}: ${getErrorMessage(error)}`);
    }
  };

  let labels: ReturnType<typeof runLabels> | undefined;
  try {
    labels = runLabels(report, deps.event);
  } catch (error) {
    failures.push(`Metrics not exported: ${getErrorMessage(error)}`);
  }
  if (labels !== undefined) {
    const key = labels;
    const gateway = targets.pushgateway;
    if (gateway !== undefined) {
      await attempt('Pushgateway', async () => {
        const outcome = await pushToGateway({
          url: gateway.url,
          credentials: gateway.credentials,
          groups: pushGroups(report, key),
          ...(deps.backoffMs ? { backoffMs: deps.backoffMs } : {}),
        });
        return `Pushed ${outcome.groups} group(s) to the Pushgateway at ${gateway.url.host} (${outcome.requests} request(s))`;
      });
    }
    const otlp = targets.otlp;
    if (otlp !== undefined) {
      await attempt('OTLP', async () => {
        const points = await sendOtlp({ url: otlp.url, headers: otlp.headers, report, labels: key });
        return `Sent ${points} data point(s) as OTLP to ${otlp.url.host}`;
      });
    }
  }

  if (failures.length === 0) return notes;
  if (targets.onExportError === 'fail')
    throw new ConfigError(`${failures.join(' ')} (on-export-error: fail).`);
  for (const failure of failures)
    deps.log.warning(`${failure} (on-export-error: warn; the verdict is unchanged).`);
  return [...notes, ...failures.map((f) => `${f} (on-export-error: warn; the verdict is unchanged).`)];
}
