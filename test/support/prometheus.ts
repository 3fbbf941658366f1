/**
 * Debian's Prometheus and Pushgateway for tests: found on PATH, started on loopback on free ports
 * with bounded waits, stopped afterwards. `.ci/run` installs both and sets
 * `AEEF_REQUIRE_SERVICES=1`, under which a missing program fails the suite; without it a machine
 * lacking them skips these tests with one line saying what to install.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';

/** The programs and the Debian packages that ship them. */
export const PROMETHEUS_PROGRAMS = {
  prometheus: 'prometheus',
  'prometheus-pushgateway': 'prometheus-pushgateway',
  promtool: 'prometheus',
} as const;

export type PrometheusProgram = keyof typeof PROMETHEUS_PROGRAMS;

/** The absolute path of a program on PATH, or undefined. */
export function findProgram(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter((d) => d !== '')) {
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/**
 * `describe` when every program is there; otherwise a failing test under
 * `AEEF_REQUIRE_SERVICES=1`, else a skipped suite and one line naming what to install.
 */
export function describeWithPrometheus(
  name: string,
  programs: readonly PrometheusProgram[],
  body: () => void,
): void {
  const missing = programs.filter((p) => findProgram(p) === undefined);
  if (missing.length === 0) {
    describe(name, body);
    return;
  }
  const packages = [...new Set(missing.map((p) => PROMETHEUS_PROGRAMS[p]))].join(' ');
  const line = `${name}: needs ${missing.join(', ')} on PATH (apt-get install ${packages})`;
  if (process.env.AEEF_REQUIRE_SERVICES === '1') {
    describe(name, () => {
      it('has the programs it needs (AEEF_REQUIRE_SERVICES=1)', () => {
        throw new Error(line);
      });
    });
    return;
  }
  console.log(`skipped ${line}`);
  describe.skip(name, body);
}

/** A free TCP port on 127.0.0.1 (the kernel's pick, released before use). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

export interface Service {
  url: string;
  port: number;
  /** Stops the process (SIGTERM, then SIGKILL after 5 s); resolves when it has exited. */
  stop(): Promise<void>;
  /** The process's output so far, for failure messages. */
  log(): string;
}

async function startService(program: string, args: (port: number) => string[]): Promise<Service> {
  const file = findProgram(program);
  if (file === undefined) throw new Error(`${program} is not on PATH`);
  const port = await freePort();
  const child = spawn(file, args(port), { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
  const service: Service = {
    url: `http://127.0.0.1:${port}`,
    port,
    stop: () => stopProcess(child),
    log: () => output,
  };
  try {
    await waitFor(
      async () => (await fetch(`${service.url}/-/ready`, { signal: AbortSignal.timeout(1000) })).ok,
      15_000,
      () => child.exitCode !== null,
    );
  } catch (error) {
    await service.stop();
    throw new Error(
      `${program} did not become ready on port ${port}: ${String(error)}\n${output.slice(-2000)}`,
    );
  }
  return service;
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Polls `check` every 100 ms until it is true, `gaveUp` is true, or `ms` pass. */
export async function waitFor(
  check: () => Promise<boolean>,
  ms: number,
  gaveUp: () => boolean = () => false,
): Promise<void> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    if (gaveUp()) throw new Error('the process exited');
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `timed out after ${ms} ms${last === undefined ? '' : ` (${last instanceof Error ? last.message : 'no answer'})`}`,
  );
}

/**
 * A Pushgateway on loopback, in memory. Debian's build defaults `--persistence.file` to
 * /var/lib/prometheus/pushgateway.data, which would carry groups from one test run into the next.
 */
export function startPushgateway(): Promise<Service> {
  return startService('prometheus-pushgateway', (port) => [
    `--web.listen-address=127.0.0.1:${port}`,
    '--persistence.file=',
  ]);
}

/**
 * A Prometheus on loopback scraping `pushgatewayPort` every second with `honor_labels: true`, so the
 * pushed job and instance labels are kept (the Pushgateway's documented setup), evaluating `ruleFiles`.
 */
export function startPrometheus(
  pushgatewayPort: number,
  ruleFiles: readonly string[] = [],
): Promise<Service> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aeef-prometheus-'));
  const config = path.join(dir, 'prometheus.yml');
  writeFileSync(
    config,
    [
      'global:',
      '  scrape_interval: 1s',
      '  evaluation_interval: 1s',
      ...(ruleFiles.length > 0 ? ['rule_files:', ...ruleFiles.map((f) => `  - ${JSON.stringify(f)}`)] : []),
      'scrape_configs:',
      '  - job_name: pushgateway',
      '    honor_labels: true',
      '    static_configs:',
      `      - targets: ['127.0.0.1:${pushgatewayPort}']`,
      '',
    ].join('\n'),
  );
  return startService('prometheus', (port) => [
    `--config.file=${config}`,
    `--storage.tsdb.path=${path.join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
  ]);
}

export interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** An instant query through Prometheus's HTTP API (`/api/v1/query`). */
export async function queryPrometheus(baseUrl: string, promql: string): Promise<Sample[]> {
  const url = new URL('/api/v1/query', baseUrl);
  url.searchParams.set('query', promql);
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  const body = (await response.json()) as {
    status: string;
    error?: string;
    data?: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] };
  };
  if (body.status !== 'success' || body.data?.resultType !== 'vector') {
    throw new Error(`query ${promql} failed: ${body.error ?? body.status}`);
  }
  return body.data.result.map((r) => ({ labels: r.metric, value: Number(r.value[1]) }));
}
