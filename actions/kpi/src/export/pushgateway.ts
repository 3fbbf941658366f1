/**
 * PUTs the groups of a run to a Prometheus Pushgateway: PUT replaces the whole group, so a re-run
 * replaces its own figures and leaves every other group alone. 5xx answers, timeouts and refused
 * connections are retried with backoff; anything else (4xx: a rejected push or bad credentials) is
 * final. Error messages carry the status and the gateway's own sentence, never a header.
 */
import { ConfigError } from '@aeef/gate-result';
import { groupUrl, type PushGroup } from './push-groups.js';
import type { Credentials } from './targets-config.js';

/** Prometheus text exposition 0.0.4, which every Pushgateway version parses. */
const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface PushOptions {
  url: URL;
  credentials: Credentials;
  groups: readonly PushGroup[];
  /** Waits before each retry, in ms; their count is the number of retries. */
  backoffMs?: readonly number[];
  /** Per request. */
  timeoutMs?: number;
}

export interface PushOutcome {
  groups: number;
  requests: number;
}

const DEFAULT_BACKOFF_MS = [200, 600, 1500];

export class PushError extends Error {}

export async function pushToGateway(options: PushOptions): Promise<PushOutcome> {
  const headers: Record<string, string> = { 'content-type': CONTENT_TYPE };
  const authorization = authorizationOf(options.credentials);
  if (authorization !== undefined) headers.authorization = authorization;
  let requests = 0;
  let pushed = 0;
  for (const group of options.groups) {
    try {
      requests += await putWithRetry(groupUrl(options.url, group.key), group.body, headers, options);
    } catch (error) {
      // Later groups would meet the same gateway: stop, and say how far the push got.
      const message = error instanceof Error ? error.message : String(error);
      throw new PushError(
        `the Pushgateway push failed at group instance="${group.key.instance}" (${pushed} of ${options.groups.length} groups pushed): ${message}`,
      );
    }
    pushed++;
  }
  return { groups: pushed, requests };
}

function authorizationOf(credentials: Credentials): string | undefined {
  switch (credentials.kind) {
    case 'basic':
      return `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`, 'utf8').toString('base64')}`;
    case 'bearer':
      return `Bearer ${credentials.token}`;
    case 'none':
      return undefined;
  }
}

/** Returns how many requests it took. */
async function putWithRetry(
  url: URL,
  body: string,
  headers: Record<string, string>,
  options: PushOptions,
): Promise<number> {
  const backoff = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  for (let attempt = 0; ; attempt++) {
    const outcome = await putOnce(url, body, headers, options.timeoutMs ?? 10_000);
    if (outcome.ok) return attempt + 1;
    const wait = backoff[attempt];
    if (!outcome.retry || wait === undefined) throw new ConfigError(outcome.reason);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

type Attempt = { ok: true } | { ok: false; retry: boolean; reason: string };

async function putOnce(
  url: URL,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Attempt> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'PUT', body, headers, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return { ok: false, retry: true, reason: networkReason(error, timeoutMs) };
  }
  if (response.ok) {
    await response.body?.cancel();
    return { ok: true };
  }
  const text = await readExcerpt(response);
  const reason = `HTTP ${response.status}${text ? `: ${text}` : ''}`;
  if (response.status === 401 || response.status === 403)
    return { ok: false, retry: false, reason: `${reason} (check pushgateway-auth or pushgateway-token)` };
  return { ok: false, retry: response.status >= 500 || response.status === 429, reason };
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError')
    return `no answer within ${timeoutMs} ms`;
  // fetch wraps the socket error (ECONNREFUSED, ENOTFOUND) in `cause`.
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return `connection failed (${cause.code})`;
  return `connection failed (${error instanceof Error ? error.message : String(error)})`;
}

/** The gateway's error sentence, bounded and on one line. */
async function readExcerpt(response: Response): Promise<string> {
  try {
    const text = await response.text();
    return text.replace(/\s+/g, ' ').trim().slice(0, 200);
  } catch {
    return '';
  }
}
