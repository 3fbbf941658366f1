/**
 * A bare GitHubClient over fetch for the API-path tests until the library's createGitHubClient
 * lands: route templates, query or JSON body, Link-header pagination, errors with status and
 * message only. It does no retries: the gate's own behaviour is what these tests check.
 */
import type { GitHubClient, GitHubResponse } from '@aeef/gate-result';

export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function createTestClient(
  baseUrl: string,
  token = 'ghs_testtoken',
): GitHubClient & { count: () => number } {
  let count = 0;
  async function send<T>(url: string, method: string, body: unknown): Promise<GitHubResponse<T>> {
    count++;
    const response = await fetch(url, {
      method,
      headers: {
        authorization: `token ${token}`,
        accept: 'application/vnd.github+json',
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(5000),
    });
    const text = await response.text();
    if (!response.ok)
      throw new HttpStatusError(response.status, `GitHub API ${method} answered ${response.status}.`);
    return {
      status: response.status,
      data: (text ? JSON.parse(text) : undefined) as T,
      headers: Object.fromEntries(response.headers),
    };
  }
  function resolve(
    route: string,
    params: Record<string, unknown> = {},
  ): { method: string; url: string; body?: unknown } {
    const [method = 'GET', template = ''] = route.split(' ');
    const used = new Set<string>();
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      used.add(name);
      return encodeURIComponent(String(params[name]));
    });
    const rest = Object.fromEntries(Object.entries(params).filter(([k]) => !used.has(k)));
    if (method === 'GET') {
      const query = new URLSearchParams(
        Object.entries(rest).map(([k, v]): [string, string] => [k, String(v)]),
      );
      return { method, url: `${baseUrl}${path}${query.size ? `?${query.toString()}` : ''}` };
    }
    return { method, url: `${baseUrl}${path}`, body: rest };
  }
  return {
    count: () => count,
    request: <T>(route: string, params?: Record<string, unknown>) => {
      const r = resolve(route, params);
      return send<T>(r.url, r.method, r.body);
    },
    paginate: async <T>(route: string, params?: Record<string, unknown>) => {
      const items: T[] = [];
      let url: string | undefined = resolve(route, params).url;
      while (url) {
        const response: GitHubResponse<T[]> = await send<T[]>(url, 'GET', undefined);
        items.push(...response.data);
        url = /<([^>]+)>;\s*rel="next"/.exec(response.headers.link ?? '')?.[1];
      }
      return items;
    },
  };
}
