/** The Pushgateway client against a loopback HTTP peer: retries on 5xx only, final on 4xx. */
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { pushToGateway } from '../src/export/pushgateway.js';
import type { PushGroup } from '../src/export/push-groups.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function peer(statuses: number[]): Promise<{ url: URL; seen: { method: string; auth?: string }[] }> {
  const seen: { method: string; auth?: string }[] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        ...(req.headers.authorization ? { auth: req.headers.authorization } : {}),
      });
      const status = statuses.shift() ?? 200;
      res
        .writeHead(status, { 'content-type': 'text/plain' })
        .end(status === 400 ? 'pushed metrics are invalid\n' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  return { url: new URL(`http://127.0.0.1:${(server.address() as { port: number }).port}`), seen };
}

const group = (instance: string): PushGroup => ({
  key: { job: 'aeef-gates', repository: 'a/b', branch: 'main', workflow: 'CI', instance },
  body: '# TYPE x gauge\nx 1\n',
});

describe(pushToGateway.name, () => {
  it('retries a 5xx with backoff, then goes on', async () => {
    const { url, seen } = await peer([503, 502]);
    const outcome = await pushToGateway({
      url,
      credentials: { kind: 'bearer', token: 't0k' },
      groups: [group('coverage'), group('kpi')],
      backoffMs: [1, 1, 1],
    });
    expect(outcome).toEqual({ groups: 2, requests: 4 });
    expect(seen.every((s) => s.method === 'PUT' && s.auth === 'Bearer t0k')).toBe(true);
  });

  it('stops at a 4xx without retrying, with the gateway sentence and how far it got', async () => {
    const { url, seen } = await peer([200, 400]);
    await expect(
      pushToGateway({
        url,
        credentials: { kind: 'none' },
        groups: [group('coverage'), group('sarif'), group('kpi')],
        backoffMs: [1],
      }),
    ).rejects.toThrow(
      'the Pushgateway push failed at group instance="sarif" (1 of 3 groups pushed): HTTP 400: pushed metrics are invalid',
    );
    expect(seen).toHaveLength(2);
  });

  it('names the credential inputs on a 401 and gives up after the retries on 5xx', async () => {
    const denied = await peer([401]);
    await expect(
      pushToGateway({
        url: denied.url,
        credentials: { kind: 'basic', user: 'u', password: 'p' },
        groups: [group('kpi')],
      }),
    ).rejects.toThrow('HTTP 401 (check pushgateway-auth or pushgateway-token)');
    expect(denied.seen[0]?.auth).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
    await close?.();
    const down = await peer([500, 500, 500]);
    await expect(
      pushToGateway({
        url: down.url,
        credentials: { kind: 'none' },
        groups: [group('kpi')],
        backoffMs: [1, 1],
      }),
    ).rejects.toThrow('HTTP 500');
    expect(down.seen).toHaveLength(3);
  });
});
