/**
 * The KPI bundle under Node 24 sends OTLP/HTTP protobuf to a receiver on 127.0.0.1, which decodes
 * the request with the official OTLP protobuf definitions (the protobufjs root that
 * @opentelemetry/otlp-transformer 0.57 generated from opentelemetry-proto: an independent decoder,
 * not the encoder the exporter uses today) and checks names, values, attributes and the resource.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { GateResult } from '@aeef/gate-result';
import root from 'otlp-proto-root/build/src/generated/root.js';
import { afterEach, describe, expect, it } from 'vitest';
import { gateResultFactory, metricFactory } from '../support/factories.js';
import { runAction } from '../support/run-action.js';

interface KeyValue {
  key: string;
  value: { stringValue?: string; intValue?: string; doubleValue?: number };
}
interface DataPoint {
  attributes: KeyValue[];
  asDouble?: number;
  asInt?: string;
}
interface DecodedRequest {
  resourceMetrics: {
    resource: { attributes: KeyValue[] };
    scopeMetrics: {
      scope: { name: string };
      metrics: { name: string; description: string; gauge?: { dataPoints: DataPoint[] } }[];
    }[];
  }[];
}
interface MessageType {
  decode(bytes: Uint8Array): unknown;
  toObject(message: unknown, options: Record<string, unknown>): DecodedRequest;
}

const ExportMetricsServiceRequest = (
  root as unknown as {
    opentelemetry: {
      proto: { collector: { metrics: { v1: { ExportMetricsServiceRequest: MessageType } } } };
    };
  }
).opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A receiver answering each request with `statuses` in turn (then 200). */
async function receiver(statuses: number[] = []): Promise<{ url: string; requests: Received[] }> {
  const requests: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      const status = statuses.shift() ?? 200;
      // An empty ExportMetricsServiceResponse is a zero-length protobuf message.
      res.writeHead(status, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, requests };
}

function workspace(extra: GateResult[] = []): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aeef-otlp-'));
  mkdirSync(path.join(dir, 'results'));
  const results: GateResult[] = [
    ...extra,
    gateResultFactory({ gate: 'coverage', metrics: [metricFactory({ id: 'lines', value: 87.25 })] }),
    gateResultFactory({
      gate: 'mutation',
      verdict: 'fail',
      summary: 'Mutation score 41.5% is under 60%.',
      metrics: [
        metricFactory({
          id: 'score',
          label: 'Mutation score',
          value: 41.5,
          threshold: { op: '>=', value: 60 },
          verdict: 'fail',
        }),
      ],
    }),
  ];
  for (const r of results) {
    const key = r.name === undefined ? r.gate : `${r.gate}-${r.name}`;
    writeFileSync(path.join(dir, 'results', `${key}.json`), JSON.stringify(r));
  }
  return dir;
}

const SHA = '4c2f7d0e9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d';

function run(inputs: Record<string, string>, extra: GateResult[] = []) {
  return runAction({
    bundle: 'kpi',
    workspace: workspace(extra),
    eventName: 'push',
    event: { ref: 'refs/heads/release/2.x', after: SHA },
    env: { GITHUB_REPOSITORY: 'acme/web', GITHUB_REF_NAME: 'release/2.x', GITHUB_WORKFLOW: 'CI' },
    inputs: { results: 'results/*.json', formats: 'json', ...inputs },
  });
}

function attributes(list: KeyValue[]): Record<string, string | number> {
  return Object.fromEntries(
    list.map((kv) => [kv.key, kv.value.stringValue ?? kv.value.doubleValue ?? Number(kv.value.intValue)]),
  );
}

describe('the KPI export over OTLP/HTTP', () => {
  it('sends every metric as a gauge with the repository, branch and commit as resource attributes', async () => {
    const peer = await receiver();
    const result = await run({
      'otlp-endpoint': peer.url,
      'otlp-headers': 'x-api-key=k3y-SENTINEL-42, x-team=gates',
    });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(peer.requests).toHaveLength(1);
    const [request] = peer.requests;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe('/v1/metrics');
    expect(request!.headers['content-type']).toBe('application/x-protobuf');
    expect(request!.headers['x-api-key']).toBe('k3y-SENTINEL-42');
    expect(request!.headers['x-team']).toBe('gates');

    const decoded = ExportMetricsServiceRequest.toObject(ExportMetricsServiceRequest.decode(request!.body), {
      longs: String,
      enums: String,
      defaults: true,
    });
    expect(decoded.resourceMetrics).toHaveLength(1);
    const [resourceMetrics] = decoded.resourceMetrics;
    expect(attributes(resourceMetrics!.resource.attributes)).toEqual({
      'service.name': 'aeef-gates',
      'vcs.repository.name': 'acme/web',
      'vcs.ref.head.name': 'release/2.x',
      'vcs.ref.head.revision': SHA,
    });
    const metrics = resourceMetrics!.scopeMetrics.flatMap((s) => s.metrics);
    expect(metrics.map((m) => m.name).sort()).toEqual(['aeef_gate_metric', 'aeef_gate_verdict', 'aeef_kpi']);
    const points = (name: string) =>
      metrics
        .find((m) => m.name === name)!
        .gauge!.dataPoints.map((p) => ({ ...attributes(p.attributes), value: p.asDouble ?? Number(p.asInt) }))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

    const gate = (g: string) => ({ workflow: 'CI', instance: g, gate: g });
    expect(points('aeef_gate_metric')).toEqual([
      { ...gate('coverage'), metric: 'lines', unit: 'percent', value: 87.25 },
      { ...gate('mutation'), metric: 'score', unit: 'percent', value: 41.5 },
    ]);
    expect(points('aeef_gate_verdict')).toEqual(
      ['coverage', 'mutation']
        .flatMap((g) =>
          ['pass', 'warn', 'fail', 'error'].map((v) => ({
            ...gate(g),
            verdict: v,
            value: (g === 'coverage' ? 'pass' : 'fail') === v ? 1 : 0,
          })),
        )
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
    expect(points('aeef_kpi')).toEqual([
      { workflow: 'CI', instance: 'kpi', kpi: 'gates.pass-rate', unit: 'percent', value: 50 },
    ]);
    // The header value is a secret: masked, and in no other output.
    expect(result.stdout).toContain('::add-mask::x-api-key=k3y-SENTINEL-42, x-team=gates');
    const printed = [
      result.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
      result.stderr,
      result.summary,
      JSON.stringify(result.result),
    ].join('\n');
    expect(printed).not.toContain('k3y-SENTINEL-42');
  });

  it('sends a named instance under its instance key and name, with the provenance', async () => {
    const peer = await receiver();
    const result = await run({ 'otlp-endpoint': peer.url }, [
      gateResultFactory({
        gate: 'coverage',
        name: 'web',
        metrics: [metricFactory({ id: 'lines', value: 70.5 })],
      }),
      gateResultFactory({ gate: 'provenance', metrics: [], outputs: { 'ai-assisted': 'false' } }),
    ]);
    expect(result.exitCode, result.stdout).toBe(0);
    const decoded = ExportMetricsServiceRequest.toObject(
      ExportMetricsServiceRequest.decode(peer.requests[0]!.body),
      {
        longs: String,
        enums: String,
        defaults: true,
      },
    );
    const metric = decoded.resourceMetrics[0]!.scopeMetrics.flatMap((s) => s.metrics).find(
      (m) => m.name === 'aeef_gate_metric',
    )!;
    const points = metric
      .gauge!.dataPoints.map((p) => ({ ...attributes(p.attributes), value: p.asDouble ?? Number(p.asInt) }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const expected = [
      {
        workflow: 'CI',
        instance: 'coverage',
        gate: 'coverage',
        ai_involved: 'false',
        metric: 'lines',
        unit: 'percent',
        value: 87.25,
      },
      {
        workflow: 'CI',
        instance: 'coverage-web',
        gate: 'coverage',
        name: 'web',
        ai_involved: 'false',
        metric: 'lines',
        unit: 'percent',
        value: 70.5,
      },
      {
        workflow: 'CI',
        instance: 'mutation',
        gate: 'mutation',
        ai_involved: 'false',
        metric: 'score',
        unit: 'percent',
        value: 41.5,
      },
    ];
    expect(points).toEqual(expected.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))));
  });

  it('retries a 503 and warns without changing the verdict when the endpoint keeps failing', async () => {
    const flaky = await receiver([503]);
    const recovered = await run({ 'otlp-endpoint': `${flaky.url}/otlp/v1/metrics` });
    expect(recovered.exitCode, recovered.stdout).toBe(0);
    expect(flaky.requests.map((r) => r.url)).toEqual(['/otlp/v1/metrics', '/otlp/v1/metrics']);
    await close?.();

    const broken = await receiver([400, 400]);
    const warned = await run({ 'otlp-endpoint': broken.url });
    expect(warned.exitCode).toBe(0);
    expect((warned.result as GateResult).verdict).toBe('pass');
    expect(warned.stdout).toMatch(/::warning::OTLP: the OTLP export failed.*on-export-error: warn/);

    const failed = await run({ 'otlp-endpoint': broken.url, 'on-export-error': 'fail' });
    expect(failed.exitCode).toBe(1);
    expect((failed.result as GateResult).verdict).toBe('error');
  });
});
