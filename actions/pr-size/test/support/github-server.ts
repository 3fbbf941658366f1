/**
 * A GitHub REST peer on 127.0.0.1 for the API path: it serves recorded-shape responses (the PR
 * object of test/fixtures/github/rest-pull-request-merged-artsy-emission-327.json, file
 * entries shaped like rest-pulls-files-recorded-2016-octokit-rb.json), paginates with a Link
 * header as api.github.com does (30 per page by default, 100 at most, 3,000 files at most), and
 * counts every request. Failures are injected per request.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixturePath } from '../../../../test/support/paths.js';

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface Scenario {
  /** Fields over the recorded PR object (additions, deletions, changed_files, head, labels...). */
  pull: Record<string, unknown>;
  files: Record<string, unknown>[];
  gitattributes?: string;
  labels: string[];
  /** Return a reply to override the normal one (e.g. a 502 on the first request). */
  inject?: (request: { method: string; path: string; n: number }) => Reply | undefined;
}

export interface GitHubServer {
  url: string;
  requests: { method: string; path: string; body: string }[];
  close(): Promise<void>;
}

const RECORDED_PULL = JSON.parse(
  readFileSync(fixturePath('github', 'rest-pull-request-merged-artsy-emission-327.json'), 'utf8'),
) as Record<string, unknown>;
const [RECORDED_FILE] = JSON.parse(
  readFileSync(fixturePath('github', 'rest-pulls-files-recorded-2016-octokit-rb.json'), 'utf8'),
) as [Record<string, unknown>];

/** A file entry in the recorded shape. */
export function fileEntry(
  filename: string,
  additions: number,
  deletions: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    ...RECORDED_FILE,
    filename,
    status: 'modified',
    additions,
    deletions,
    changes: additions + deletions,
    ...extra,
  };
}

/** The recorded PR object with the fields of a scenario. */
export function pullObject(fields: Record<string, unknown>): Record<string, unknown> {
  return { ...RECORDED_PULL, ...fields };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    request.setEncoding('utf8').on('data', (d: string) => (body += d));
    request.on('end', () => resolve(body));
  });
}

function route(scenario: Scenario, method: string, url: URL, body: string, base: string): Reply {
  const path = decodeURIComponent(url.pathname);
  if (method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/pulls\/\d+$/.test(path))
    return { status: 200, body: pullObject(scenario.pull) };
  if (method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/files$/.test(path)) {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    const page = Number(url.searchParams.get('page') ?? 1);
    const listed = scenario.files.slice(0, 3000);
    const last = Math.max(1, Math.ceil(listed.length / perPage));
    const link = (p: number): string => `<${base}${url.pathname}?per_page=${perPage}&page=${p}>`;
    const rels = [
      ...(page < last ? [`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`] : []),
      ...(page > 1 ? [`${link(1)}; rel="first"`, `${link(page - 1)}; rel="prev"`] : []),
    ];
    return {
      status: 200,
      headers: rels.length ? { link: rels.join(', ') } : {},
      body: listed.slice((page - 1) * perPage, page * perPage),
    };
  }
  if (method === 'GET' && path.endsWith('/contents/.gitattributes')) {
    if (scenario.gitattributes === undefined) return { status: 404, body: { message: 'Not Found' } };
    const content = Buffer.from(scenario.gitattributes).toString('base64');
    return {
      status: 200,
      body: {
        type: 'file',
        encoding: 'base64',
        size: scenario.gitattributes.length,
        name: '.gitattributes',
        path: '.gitattributes',
        content,
      },
    };
  }
  const labels = /^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/labels(?:\/(.+))?$/.exec(path);
  if (labels) {
    const asObjects = (): unknown => scenario.labels.map((name) => ({ name, color: 'ededed' }));
    if (method === 'GET') return { status: 200, body: asObjects() };
    if (method === 'POST') {
      const added = (JSON.parse(body) as { labels: string[] }).labels;
      scenario.labels.push(...added.filter((l) => !scenario.labels.includes(l)));
      return { status: 200, body: asObjects() };
    }
    if (method === 'DELETE' && labels[1]) {
      scenario.labels.splice(scenario.labels.indexOf(labels[1]), 1);
      return { status: 200, body: asObjects() };
    }
  }
  return { status: 404, body: { message: 'Not Found' } };
}

export async function startGitHubServer(scenario: Scenario): Promise<GitHubServer> {
  const requests: GitHubServer['requests'] = [];
  let base = '';
  const server: Server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const url = new URL(request.url ?? '/', base);
      const method = request.method ?? 'GET';
      requests.push({ method, path: url.pathname + url.search, body });
      const reply =
        scenario.inject?.({ method, path: url.pathname, n: requests.length }) ??
        route(scenario, method, url, body, base);
      if (reply.status === 0) return; // never answer: the client's timeout must act
      response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      response.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
