/**
 * The KPI bundle under Node 24, as a runner runs it, pushing to Debian's real Pushgateway that a
 * real Prometheus scrapes (`honor_labels: true`): PromQL through `/api/v1/query` must return exactly
 * the pushed values with their labels; a re-run replaces its own group only; a stopped gateway is a
 * warning (or an error under `on-export-error: fail`); credentials reach the gateway and no output.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { RESULT_SCHEMA, type GateResult } from '@aeef/gate-result';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { gateResultFactory, metricFactory } from '../support/factories.js';
import {
  describeWithPrometheus,
  queryPrometheus,
  startPrometheus,
  startPushgateway,
  waitFor,
  type Sample,
  type Service,
} from '../support/prometheus.js';
import { REPO_ROOT } from '../support/paths.js';
import { runAction, type ActionRun } from '../support/run-action.js';

interface RunSpec {
  repository: string;
  branch: string;
  lines: number;
  score: number;
  /** null: the SARIF result carries no metric (a re-run that measured less). */
  findings: number | null;
}

const WORKFLOW = 'CI / quality';
const VERDICTS = ['pass', 'warn', 'fail', 'error'];
const SHA = (n: number): string => n.toString(16).padStart(40, 'a');

function resultsOf(spec: RunSpec): GateResult[] {
  return [
    gateResultFactory({
      gate: 'coverage',
      metrics: [
        metricFactory({ id: 'lines', value: spec.lines }),
        metricFactory({ id: 'patch', label: 'Patch coverage', value: Math.min(100, spec.lines + 7.5) }),
      ],
    }),
    gateResultFactory({
      gate: 'mutation',
      verdict: spec.score < 60 ? 'fail' : 'pass',
      summary: 'Mutation score.',
      metrics: [
        metricFactory({
          id: 'score',
          label: 'Mutation score',
          value: spec.score,
          threshold: { op: '>=', value: 60 },
        }),
      ],
    }),
    gateResultFactory({
      gate: 'sarif',
      summary: 'Findings.',
      metrics:
        spec.findings === null
          ? []
          : [
              metricFactory({
                id: 'findings',
                label: 'Findings',
                value: spec.findings,
                unit: 'count',
                threshold: undefined,
              }),
            ],
    }),
  ];
}

/** The samples the gateway must expose for one run, as Prometheus returns them. */
function expectedSamples(spec: RunSpec): string[] {
  const group = (instance: string) => ({
    job: 'aeef-gates',
    repository: spec.repository,
    branch: spec.branch,
    workflow: WORKFLOW,
    instance,
  });
  const out: Sample[] = [];
  for (const result of resultsOf(spec)) {
    for (const v of VERDICTS) {
      out.push({
        labels: { __name__: 'aeef_gate_verdict', ...group(result.gate), gate: result.gate, verdict: v },
        value: result.verdict === v ? 1 : 0,
      });
    }
    for (const m of result.metrics) {
      out.push({
        labels: {
          __name__: 'aeef_gate_metric',
          ...group(result.gate),
          gate: result.gate,
          metric: m.id,
          unit: m.unit,
        },
        value: m.value!,
      });
    }
  }
  const passed = resultsOf(spec).filter((r) => r.verdict === 'pass').length;
  out.push({
    labels: { __name__: 'aeef_kpi', ...group('kpi'), kpi: 'gates.pass-rate', unit: 'percent' },
    value: (passed / 3) * 100,
  });
  return out.map(sampleKey);
}

function sampleKey(sample: Sample): string {
  const labels = Object.entries(sample.labels).sort(([a], [b]) => a.localeCompare(b));
  return `${JSON.stringify(labels)} ${sample.value}`;
}

function workspaceFor(spec: RunSpec): string {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'aeef-push-'));
  mkdirSync(path.join(workspace, 'results'));
  for (const result of resultsOf(spec)) {
    writeFileSync(path.join(workspace, 'results', `${result.gate}.json`), JSON.stringify(result));
  }
  return workspace;
}

function runKpi(spec: RunSpec, inputs: Record<string, string>, sha = 1): Promise<ActionRun> {
  return runAction({
    bundle: 'kpi',
    workspace: workspaceFor(spec),
    eventName: 'push',
    event: { ref: `refs/heads/${spec.branch}`, after: SHA(sha) },
    env: { GITHUB_REPOSITORY: spec.repository, GITHUB_REF_NAME: spec.branch, GITHUB_WORKFLOW: WORKFLOW },
    inputs: { results: 'results/*.json', formats: 'json,openmetrics', ...inputs },
  });
}

/** The notes of the run's result (the summary shows them escaped). */
function notesOf(run: ActionRun): string {
  const details = (run.result as GateResult).details;
  return details.flatMap((d) => d.notes ?? []).join('\n');
}

/** Every channel a run writes: stdout without the mask commands, stderr, summary, outputs, files. */
function everythingPrinted(run: ActionRun): string {
  const files = readdirSync(run.runnerTemp, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(run.runnerTemp, f))
    .filter((f) => statSync(f).isFile())
    .map((f) => readFileSync(f, 'utf8'));
  const stdout = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  return [stdout, run.stderr, run.summary, JSON.stringify(run.outputs), ...files].join('\n');
}

/** Polls until the query returns `expected` (sorted), then compares once more for the diff. */
async function expectQuery(prometheus: Service, promql: string, expected: string[]): Promise<void> {
  const want = [...expected].sort();
  const get = async () => (await queryPrometheus(prometheus.url, promql)).map(sampleKey).sort();
  await waitFor(async () => JSON.stringify(await get()) === JSON.stringify(want), 20_000).catch(
    () => undefined,
  );
  expect(await get()).toEqual(want);
}

const RUNS: RunSpec[] = [
  { repository: 'acme/web', branch: 'main', lines: 91.5, score: 72.25, findings: 0 },
  { repository: 'acme/web', branch: 'feature/login', lines: 84, score: 55.5, findings: 2 },
  { repository: 'acme/api', branch: 'main', lines: 77.75, score: 80, findings: 1 },
  { repository: 'acme/api', branch: 'feature/login', lines: 66.6, score: 61, findings: 5 },
];

describeWithPrometheus(
  'the KPI export against a real Pushgateway and Prometheus',
  ['prometheus', 'prometheus-pushgateway'],
  () => {
    let gateway: Service;
    let prometheus: Service;

    beforeAll(async () => {
      gateway = await startPushgateway();
      prometheus = await startPrometheus(gateway.port, [
        path.join(REPO_ROOT, 'dashboards', 'recording-rules.yml'),
      ]);
    }, 60_000);

    afterAll(async () => {
      await prometheus?.stop();
      await gateway?.stop();
    });

    it('pushes two repositories on two branches; PromQL returns exactly the pushed values', async () => {
      const runs = await Promise.all(
        RUNS.map((spec, i) => runKpi(spec, { 'pushgateway-url': gateway.url }, i)),
      );
      for (const run of runs) {
        expect(run.exitCode, run.stdout).toBe(0);
        expect(notesOf(run)).toMatch(/^Pushed 4 group\(s\) to the Pushgateway/m);
      }
      await expectQuery(prometheus, '{job="aeef-gates",__name__=~"aeef_.+"}', RUNS.flatMap(expectedSamples));
      // Cardinality: no label value is a commit SHA (the runs' SHAs were distinct).
      const all = await queryPrometheus(prometheus.url, '{job="aeef-gates"}');
      for (const s of all) for (const v of Object.values(s.labels)) expect(v).not.toMatch(/^[0-9a-f]{40}$/);
    }, 90_000);

    it('evaluates the recording rules and every query of the dashboard on the pushed data', async () => {
      const lines = RUNS.map((r) => `${r.repository} ${r.branch} ${r.lines}`).sort();
      const recordedLines = async () =>
        (await queryPrometheus(prometheus.url, 'repository_branch:aeef_coverage_lines:max'))
          .map((s) => `${s.labels.repository} ${s.labels.branch} ${s.value}`)
          .sort();
      await waitFor(async () => (await recordedLines()).length === lines.length, 20_000).catch(
        () => undefined,
      );
      expect(await recordedLines()).toEqual(lines);
      const ratios = await queryPrometheus(prometheus.url, 'repository_branch:aeef_gate_passing:ratio');
      const ratioOf = (repository: string, branch: string) =>
        ratios.find((s) => s.labels.repository === repository && s.labels.branch === branch)?.value;
      // acme/web feature/login: its mutation score 55.5 failed, the other two gates passed.
      expect(ratioOf('acme/web', 'feature/login')).toBeCloseTo(2 / 3, 10);
      expect(ratioOf('acme/api', 'main')).toBe(1);

      const dashboard = JSON.parse(
        readFileSync(path.join(REPO_ROOT, 'dashboards', 'aeef-gates.json'), 'utf8'),
      ) as {
        panels: { title: string; targets?: { expr: string }[] }[];
      };
      for (const panel of dashboard.panels) {
        for (const target of panel.targets ?? []) {
          const expr = target.expr.replace(/\$(repository|branch)/g, '.*');
          const samples = await queryPrometheus(prometheus.url, expr);
          // Only the future gates' panels (integrity, destructive, provenance) may be empty.
          if (!/Integrity|Destructive|AI-involved/.test(panel.title))
            expect(samples.length, panel.title).toBeGreaterThan(0);
        }
      }
    }, 60_000);

    it('a re-run replaces its own group and leaves the others', async () => {
      const [first, ...others] = RUNS;
      // PUT, not POST: the SARIF metric the re-run no longer has must be gone from its group.
      const rerun = { ...first!, lines: 42.5, score: 10, findings: null };
      const run = await runKpi(rerun, { 'pushgateway-url': gateway.url }, 9);
      expect(run.exitCode, run.stdout).toBe(0);
      await expectQuery(
        prometheus,
        '{job="aeef-gates",__name__=~"aeef_.+"}',
        [rerun, ...others].flatMap(expectedSamples),
      );
      // The mutation verdict of the re-run flipped to fail: the PromQL the dashboard uses sees it.
      const failing = await queryPrometheus(prometheus.url, 'aeef_gate_verdict{verdict="fail"} == 1');
      expect(failing.map((s) => `${s.labels.repository} ${s.labels.branch} ${s.labels.gate}`).sort()).toEqual(
        ['acme/web feature/login mutation', 'acme/web main mutation'],
      );
    }, 60_000);

    it('a stopped gateway gives a warning and the same exit code, or an error under on-export-error: fail', async () => {
      const spec = RUNS[2]!;
      const offline = await startPushgateway();
      const up = await runKpi(spec, { 'pushgateway-url': offline.url });
      expect(up.exitCode).toBe(0);
      await offline.stop();

      const warned = await runKpi(spec, { 'pushgateway-url': offline.url });
      expect(warned.exitCode).toBe(up.exitCode);
      expect((warned.result as GateResult).verdict).toBe((up.result as GateResult).verdict);
      expect(warned.stdout).toMatch(
        /::warning::.*Pushgateway.*connection failed \(ECONNREFUSED\).*on-export-error: warn/,
      );
      expect(warned.outputs['kpi-file']).toBeDefined();

      const failed = await runKpi(spec, { 'pushgateway-url': offline.url, 'on-export-error': 'fail' });
      expect(failed.exitCode).toBe(1);
      const result = failed.result as GateResult;
      expect(result.schema).toBe(RESULT_SCHEMA);
      expect(result.verdict).toBe('error');
      expect(result.summary).toContain('ECONNREFUSED');
      expect(result.summary).toContain('on-export-error: fail');
    }, 60_000);

    it('a gateway lost in the middle of a push warns with how far it got, and the exit code stands', async () => {
      const seen: (string | undefined)[] = [];
      const proxy = await authProxy(gateway.port, seen, [''], 2);
      try {
        const run = await runKpi(RUNS[2]!, { 'pushgateway-url': proxy.url });
        expect(run.exitCode, run.stdout).toBe(0);
        expect((run.result as GateResult).verdict).toBe('pass');
        expect(run.stdout).toMatch(
          /::warning::Pushgateway: the Pushgateway push failed at group instance="sarif" \(2 of 4 groups pushed\): connection failed/,
        );
        // Two groups, then the third group's first try and its three retries.
        expect(seen).toHaveLength(6);
      } finally {
        await proxy.close();
      }
    }, 60_000);

    it('sends basic and bearer credentials to the gateway and prints them nowhere', async () => {
      const seen: (string | undefined)[] = [];
      const proxy = await authProxy(gateway.port, seen, [
        'Basic Y2ktdXNlcjpzM2NyM3QtUEFTUw==',
        'Bearer tok-0123456789-SENTINEL',
      ]);
      try {
        const spec = RUNS[3]!;
        const basic = await runKpi(spec, {
          'pushgateway-url': proxy.url,
          'pushgateway-auth': 'ci-user:s3cr3t-PASS',
        });
        const bearer = await runKpi(spec, {
          'pushgateway-url': proxy.url,
          'pushgateway-token': 'tok-0123456789-SENTINEL',
        });
        const wrong = await runKpi(spec, {
          'pushgateway-url': proxy.url,
          'pushgateway-token': 'tok-WRONG-SENTINEL',
        });
        expect(basic.exitCode, basic.stdout).toBe(0);
        expect(notesOf(basic)).toMatch(/^Pushed 4 group\(s\)/m);
        expect(notesOf(bearer)).toMatch(/^Pushed 4 group\(s\)/m);
        expect(seen.filter((h) => h === 'Basic Y2ktdXNlcjpzM2NyM3QtUEFTUw==')).toHaveLength(4);
        expect(seen.filter((h) => h === 'Bearer tok-0123456789-SENTINEL')).toHaveLength(4);
        expect(wrong.exitCode).toBe(0);
        expect(wrong.stdout).toContain('HTTP 401');
        // Each secret is masked (the runner hides it from the log) ...
        expect(basic.stdout).toContain('::add-mask::ci-user:s3cr3t-PASS');
        expect(bearer.stdout).toContain('::add-mask::tok-0123456789-SENTINEL');
        // ... and appears in no output, file or summary, plain or base64.
        for (const run of [basic, bearer, wrong]) {
          const text = everythingPrinted(run);
          for (const secret of [
            's3cr3t-PASS',
            'Y2ktdXNlcjpzM2NyM3QtUEFTUw',
            'tok-0123456789-SENTINEL',
            'tok-WRONG-SENTINEL',
          ]) {
            expect(text).not.toContain(secret);
          }
        }
      } finally {
        await proxy.close();
      }
    }, 60_000);

    it('is passed through by the umbrella action to the KPI export', async () => {
      const spec: RunSpec = {
        repository: 'acme/umbrella',
        branch: 'main',
        lines: 73.5,
        score: 64,
        findings: 3,
      };
      // The umbrella takes no gate inputs: the KPI export's own settings live in its config section.
      const workspace = workspaceFor(spec);
      mkdirSync(path.join(workspace, '.github'), { recursive: true });
      writeFileSync(
        path.join(workspace, '.github', 'aeef-gates.yml'),
        'kpi:\n  results: results/*.json\n  formats: json\n',
      );
      const run = await runAction({
        bundle: 'gates',
        workspace,
        eventName: 'push',
        event: { ref: 'refs/heads/main', after: SHA(7) },
        env: { GITHUB_REPOSITORY: spec.repository, GITHUB_REF_NAME: 'main', GITHUB_WORKFLOW: WORKFLOW },
        inputs: { gates: 'kpi', 'pushgateway-url': gateway.url },
      });
      expect(run.exitCode, run.stdout).toBe(0);
      await expectQuery(
        prometheus,
        '{job="aeef-gates",repository="acme/umbrella",__name__=~"aeef_.+"}',
        expectedSamples(spec),
      );
    }, 60_000);

    it('pushes each instance of one gate as its own group, labelled with its name and the provenance', async () => {
      const repository = 'acme/mono';
      const results: GateResult[] = [
        gateResultFactory({ gate: 'coverage', metrics: [metricFactory({ id: 'lines', value: 80.5 })] }),
        gateResultFactory({
          gate: 'coverage',
          name: 'web',
          metrics: [metricFactory({ id: 'lines', value: 91.25 })],
        }),
        gateResultFactory({
          gate: 'coverage',
          name: 'api',
          verdict: 'fail',
          metrics: [metricFactory({ id: 'lines', value: 62, verdict: 'fail' })],
        }),
        gateResultFactory({ gate: 'provenance', metrics: [], outputs: { 'ai-assisted': 'true' } }),
      ];
      const workspace = mkdtempSync(path.join(os.tmpdir(), 'aeef-push-'));
      mkdirSync(path.join(workspace, 'results'));
      for (const r of results) {
        const key = r.name === undefined ? r.gate : `${r.gate}-${r.name}`;
        writeFileSync(path.join(workspace, 'results', `${key}.json`), JSON.stringify(r));
      }
      const run = await runAction({
        bundle: 'kpi',
        workspace,
        eventName: 'push',
        event: { ref: 'refs/heads/main', after: SHA(11) },
        env: { GITHUB_REPOSITORY: repository, GITHUB_REF_NAME: 'main', GITHUB_WORKFLOW: WORKFLOW },
        inputs: { results: 'results/*.json', formats: 'json', 'pushgateway-url': gateway.url },
      });
      expect(run.exitCode, run.stdout).toBe(0);
      expect(notesOf(run)).toMatch(/^Pushed 5 group\(s\) to the Pushgateway/m);
      const group = (instance: string) => ({
        job: 'aeef-gates',
        repository,
        branch: 'main',
        workflow: WORKFLOW,
        instance,
      });
      const expected: Sample[] = [];
      for (const r of results) {
        const instance = r.name === undefined ? r.gate : `${r.gate}-${r.name}`;
        const labels = {
          ...group(instance),
          gate: r.gate,
          ...(r.name === undefined ? {} : { name: r.name }),
          ai_involved: 'true',
        };
        for (const v of VERDICTS)
          expected.push({
            labels: { __name__: 'aeef_gate_verdict', ...labels, verdict: v },
            value: r.verdict === v ? 1 : 0,
          });
        for (const m of r.metrics)
          expected.push({
            labels: { __name__: 'aeef_gate_metric', ...labels, metric: m.id, unit: m.unit },
            value: m.value!,
          });
      }
      expected.push({
        labels: {
          __name__: 'aeef_kpi',
          ...group('kpi'),
          kpi: 'gates.pass-rate',
          unit: 'percent',
          ai_involved: 'true',
        },
        value: 75,
      });
      await expectQuery(
        prometheus,
        `{job="aeef-gates",repository="${repository}",__name__=~"aeef_.+"}`,
        expected.map(sampleKey),
      );
    }, 60_000);
  },
);

/** A reverse proxy on 127.0.0.1 that records `Authorization`, answers 401 unless it is allowed, and forwards. */
async function authProxy(
  gatewayPort: number,
  seen: (string | undefined)[],
  allowed: string[],
  /** After this many forwarded requests the gateway "goes away": connections are cut. */
  cutAfter = Infinity,
): Promise<{ url: string; close: () => Promise<void> }> {
  let forwarded = 0;
  const server = http.createServer((req, res) => {
    seen.push(req.headers.authorization);
    if (forwarded >= cutAfter) {
      req.socket.destroy();
      return;
    }
    if (!allowed.includes(req.headers.authorization ?? '')) {
      res.writeHead(401, { 'content-type': 'text/plain' }).end('unauthorized\n');
      req.resume();
      return;
    }
    forwarded++;
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: gatewayPort,
        method: req.method,
        path: req.url,
        headers: { 'content-type': req.headers['content-type'] },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
