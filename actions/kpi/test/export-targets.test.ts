import { InputError, inputsFromRecord } from '@aeef/gate-result';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { describe, expect, it } from 'vitest';
import { buildKpiReport } from '../src/build-report.js';
import { collectResults } from '../src/collect.js';
import { groupPath, groupUrl, pushGroups, runLabels, type GroupingKey } from '../src/export/push-groups.js';
import { otlpResourceAttributes } from '../src/export/otlp.js';
import { describeTargets, readExportTargets } from '../src/export/targets-config.js';
import { gateResultFactory, metricFactory } from '../../../test/support/factories.js';

const read = (values: Record<string, string>) => readExportTargets(inputsFromRecord(values));

function errorOf(values: Record<string, string>): InputError {
  try {
    read(values);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe(readExportTargets.name, () => {
  it('is off unless a target is named, and warns by default', () => {
    expect(read({})).toEqual({ pushgateway: undefined, otlp: undefined, onExportError: 'warn' });
  });

  it('reads basic and bearer credentials', () => {
    const basic = read({
      'pushgateway-url': 'https://pgw.example.com/prefix/',
      'pushgateway-auth': 'ci:pa:ss',
    });
    expect(basic.pushgateway?.credentials).toEqual({ kind: 'basic', user: 'ci', password: 'pa:ss' });
    expect(basic.pushgateway?.url.href).toBe('https://pgw.example.com/prefix/');
    const bearer = read({ 'pushgateway-url': 'http://127.0.0.1:9091', 'pushgateway-token': 'abc' });
    expect(bearer.pushgateway?.credentials).toEqual({ kind: 'bearer', token: 'abc' });
  });

  it.each([
    [{ 'pushgateway-auth': 'a:b' }, 'pushgateway-auth', 'Expected `pushgateway-url` to be set'],
    [
      { 'pushgateway-url': 'https://x', 'pushgateway-auth': 'a:b', 'pushgateway-token': 't' },
      'pushgateway-token',
      'not both',
    ],
    [
      { 'pushgateway-url': 'http://pgw.internal:9091', 'pushgateway-token': 't' },
      'pushgateway-url',
      'clear text',
    ],
    [{ 'pushgateway-url': 'https://u:p@pgw.example.com' }, 'pushgateway-url', 'no credentials'],
    [{ 'pushgateway-url': 'ftp://pgw.example.com' }, 'pushgateway-url', 'http(s) URL'],
    [{ 'pushgateway-url': 'not a url' }, 'pushgateway-url', 'http(s) URL'],
    [{ 'pushgateway-url': 'https://pgw.example.com/?job=x' }, 'pushgateway-url', 'no query'],
    [{ 'otlp-headers': 'a=b' }, 'otlp-headers', 'Expected `otlp-endpoint` to be set'],
    [{ 'otlp-endpoint': 'https://otel.example.com', 'otlp-headers': 'x-key' }, 'otlp-headers', 'name=value'],
    [{ 'on-export-error': 'ignore' }, 'on-export-error', 'ignore'],
  ])('refuses %j', (values, input, message) => {
    const error = errorOf(values);
    expect(error.input).toBe(input);
    expect(error.message).toContain(message);
  });

  it('never echoes a secret in its error', () => {
    const auth = errorOf({ 'pushgateway-url': 'https://x', 'pushgateway-auth': 'no-colon-SECRET' });
    expect(auth.message).not.toContain('SECRET');
    const headers = errorOf({ 'otlp-endpoint': 'https://x', 'otlp-headers': 'bad name=SECRET' });
    expect(headers.message).not.toContain('SECRET');
  });

  it('adds /v1/metrics to a bare OTLP origin and keeps a full URL', () => {
    expect(read({ 'otlp-endpoint': 'http://127.0.0.1:4318' }).otlp?.url.href).toBe(
      'http://127.0.0.1:4318/v1/metrics',
    );
    expect(read({ 'otlp-endpoint': 'https://o.example.com/otlp/v1/metrics' }).otlp?.url.href).toBe(
      'https://o.example.com/otlp/v1/metrics',
    );
    expect(
      read({ 'otlp-endpoint': 'https://o.example.com', 'otlp-headers': 'X-Api-Key=a=b==\nx-team = gates' })
        .otlp?.headers,
    ).toEqual({ 'x-api-key': 'a=b==', 'x-team': 'gates' });
  });

  it('records where the metrics went, never the credentials', () => {
    const targets = read({
      'pushgateway-url': 'https://pgw.example.com',
      'pushgateway-auth': 'ci:SECRET',
      'otlp-endpoint': 'https://o.example.com',
      'otlp-headers': 'k=SECRET2',
    });
    const described = JSON.stringify(describeTargets(targets));
    expect(described).not.toContain('SECRET');
    expect(describeTargets(targets)).toEqual({
      onExportError: 'warn',
      pushgatewayUrl: 'https://pgw.example.com/',
      pushgatewayAuth: 'basic',
      otlpEndpoint: 'https://o.example.com/v1/metrics',
    });
  });
});

function report(event: { ref?: string; refName?: string; workflow?: string } = {}) {
  const collected = collectResults([
    { path: 'coverage.json', text: JSON.stringify(gateResultFactory()) },
    {
      path: 'sarif.json',
      text: JSON.stringify(
        gateResultFactory({
          gate: 'sarif',
          verdict: 'fail',
          metrics: [metricFactory({ id: 'findings', unit: 'count', value: 3, verdict: 'fail' })],
        }),
      ),
    },
  ]);
  const context = {
    name: 'push',
    payload: { ref: event.ref ?? 'refs/heads/feature/x' },
    repository: { owner: 'acme', repo: 'web' },
    headSha: 'f'.repeat(40),
    ...(event.workflow === undefined ? {} : { workflow: event.workflow }),
    ...(event.refName === undefined ? {} : { refName: event.refName }),
  };
  return { report: buildKpiReport(collected, context), context };
}

describe(runLabels.name, () => {
  it('takes the branch from the runner, else from the ref, and never the commit', () => {
    const { report: r, context } = report({ workflow: 'CI' });
    expect(runLabels(r, context)).toEqual({ repository: 'acme/web', branch: 'feature/x', workflow: 'CI' });
    const named = report({ workflow: 'CI', refName: 'main' });
    expect(runLabels(named.report, named.context).branch).toBe('main');
  });

  it('refuses a partial grouping key, which could overwrite another group', () => {
    const { report: r, context } = report();
    expect(() => runLabels(r, context)).toThrow('the workflow (GITHUB_WORKFLOW)');
  });
});

describe(pushGroups.name, () => {
  const key: GroupingKey = {
    job: 'aeef-gates',
    repository: 'acme/web',
    branch: 'feature/x',
    workflow: 'CI / quality',
    instance: 'coverage',
  };

  it('gives each gate its own group, and the derived KPIs one more, with only their series', () => {
    const { report: r } = report();
    const groups = pushGroups(r, { repository: 'acme/web', branch: 'main', workflow: 'CI' });
    expect(groups.map((g) => g.key.instance)).toEqual(['coverage', 'sarif', 'kpi']);
    const series = groups.map((g) =>
      parsePrometheusTextFormat(g.body).flatMap((family) =>
        family.metrics.map((m) => `${family.name}${JSON.stringify(m.labels)}=${m.value}`),
      ),
    );
    expect(series[0]).toContain('aeef_gate_metric{"gate":"coverage","metric":"lines","unit":"percent"}=91.3');
    expect(series[0]!.every((s) => s.includes('"gate":"coverage"'))).toBe(true);
    expect(series[1]).toContain('aeef_gate_verdict{"gate":"sarif","verdict":"fail"}=1');
    expect(series[2]).toEqual(['aeef_kpi{"kpi":"gates.pass-rate","unit":"percent"}=50']);
    for (const group of groups) expect(group.body).not.toContain('f'.repeat(40));
  });

  it('gives each instance of one gate its own group, named by its instance key', () => {
    const collected = collectResults([
      { path: 'coverage-web.json', text: JSON.stringify(gateResultFactory({ name: 'web' })) },
      {
        path: 'coverage-api.json',
        text: JSON.stringify(gateResultFactory({ name: 'api', metrics: [metricFactory({ value: 50 })] })),
      },
      {
        path: 'mutation-web.json',
        text: JSON.stringify(gateResultFactory({ gate: 'mutation', name: 'web' })),
      },
      { path: 'coverage.json', text: JSON.stringify(gateResultFactory()) },
    ]);
    const groups = pushGroups(buildKpiReport(collected, { name: 'push', payload: {} }), {
      repository: 'acme/web',
      branch: 'main',
      workflow: 'CI',
    });
    expect(groups.map((g) => g.key.instance)).toEqual([
      'coverage',
      'coverage-api',
      'coverage-web',
      'mutation-web',
      'kpi',
    ]);
    expect(new Set(groups.map((g) => groupPath(g.key))).size).toBe(groups.length);
    const api = parsePrometheusTextFormat(groups[1]!.body).flatMap((f) => f.metrics);
    expect(api).toContainEqual({
      labels: { gate: 'coverage', metric: 'lines', unit: 'percent', name: 'api' },
      value: '50',
    });
    // The Pushgateway refuses pushed metrics that carry a grouping label.
    for (const group of groups)
      expect(group.body).not.toMatch(/[{,](instance|job|repository|branch|workflow)=/);
  });

  it('encodes every grouping value as base64url, the form that carries `/`', () => {
    const segments = groupPath(key).split('/');
    expect(segments.slice(0, 4)).toEqual(['', 'metrics', 'job', 'aeef-gates']);
    const decoded: Record<string, string> = {};
    for (let i = 4; i < segments.length; i += 2) {
      decoded[segments[i]!.replace('@base64', '')] = Buffer.from(segments[i + 1]!, 'base64url').toString(
        'utf8',
      );
    }
    expect(decoded).toEqual({
      repository: 'acme/web',
      branch: 'feature/x',
      workflow: 'CI / quality',
      instance: 'coverage',
    });
    expect(groupPath(key)).not.toMatch(/[=+]/);
  });

  it('keeps a path prefix of the gateway URL', () => {
    expect(groupUrl(new URL('https://pgw.example.com/gateway/'), key).pathname).toBe(
      `/gateway${groupPath(key)}`,
    );
  });
});

describe(otlpResourceAttributes.name, () => {
  it('names the service, the repository, the branch and the commit', () => {
    const { report: r } = report();
    expect(otlpResourceAttributes(r, { repository: 'acme/web', branch: 'main', workflow: 'CI' })).toEqual({
      'service.name': 'aeef-gates',
      'vcs.repository.name': 'acme/web',
      'vcs.ref.head.name': 'main',
      'vcs.ref.head.revision': 'f'.repeat(40),
    });
  });
});
