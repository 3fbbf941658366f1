/**
 * A GitHub REST peer for tests: a `node:http` server on 127.0.0.1 (random port) that answers with
 * recorded-shape responses chosen by the test, and records every request it saw.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  /** Path without the query. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** Serialised as JSON unless a string or bytes (sent as they are, e.g. gzip). */
  body?: unknown;
}

/** `'hang'` never answers (the client's timeout must fire); `'reset'` destroys the socket (ECONNRESET). */
export type Route = (request: SeenRequest, server: GitHubServer) => Reply | 'hang' | 'reset';

export interface GitHubServer {
  /** `http://127.0.0.1:<port>`: the client's `baseUrl`. */
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

export async function startGitHubServer(route: Route): Promise<GitHubServer> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const seen: SeenRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
    };
    requests.push(seen);
    req.resume();
    const reply = route(seen, github);
    if (reply === 'hang') return;
    if (reply === 'reset') {
      req.socket.destroy();
      return;
    }
    const body =
      typeof reply.body === 'string' || Buffer.isBuffer(reply.body)
        ? reply.body
        : JSON.stringify(reply.body ?? {});
    res.writeHead(reply.status ?? 200, {
      'content-type': 'application/json; charset=utf-8',
      ...reply.headers,
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const github: GitHubServer = {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return github;
}

/** A `Link` header for page `page` of `last`, as GitHub writes it. */
export function linkHeader(base: string, path: string, page: number, last: number, perPage = 100): string {
  const url = (n: number): string => `${base}${path}?per_page=${perPage}&page=${n}`;
  const parts: string[] = [];
  if (page < last) parts.push(`<${url(page + 1)}>; rel="next"`, `<${url(last)}>; rel="last"`);
  if (page > 1) parts.push(`<${url(1)}>; rel="first"`, `<${url(page - 1)}>; rel="prev"`);
  return parts.join(', ');
}
