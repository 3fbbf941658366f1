/**
 * The inputs of the metrics push (Prometheus Pushgateway, OTLP/HTTP) and their typed, validated
 * form. Credentials are `secret` inputs: the runtime masks them, the config file refuses them, and
 * `describeTargets` is what the result file records instead of them.
 */
import { getEnum, getString, InputError, type InputSpec, type Inputs } from '@aeef/gate-result';

export const EXPORT_TARGET_INPUTS: readonly InputSpec[] = [
  {
    name: 'pushgateway-url',
    kind: 'string',
    description:
      'Base URL of a Prometheus Pushgateway (e.g. `https://pushgateway.example.com`) to PUT this run\'s metrics to, one group per gate under `job="aeef-gates"` with `repository`, `branch`, `workflow` and `instance` (see docs/org-scale.md). Default: empty (off).',
  },
  {
    name: 'pushgateway-auth',
    kind: 'secret',
    description:
      'Basic auth for the Pushgateway as `user:password` (pass a secret). Needs https unless the gateway is on loopback. Default: none.',
  },
  {
    name: 'pushgateway-token',
    kind: 'secret',
    description:
      'Bearer token for the Pushgateway (pass a secret); not together with `pushgateway-auth`. Needs https unless the gateway is on loopback. Default: none.',
  },
  {
    name: 'otlp-endpoint',
    kind: 'string',
    description:
      'OTLP/HTTP metrics endpoint of an OpenTelemetry Collector, sent as protobuf: a URL with a path is used as is, a bare origin gets `/v1/metrics`. Default: empty (off).',
  },
  {
    name: 'otlp-headers',
    kind: 'secret',
    description:
      'Headers for the OTLP endpoint as `name=value` pairs, comma or newline separated (e.g. an API key; pass a secret). Default: none.',
  },
  {
    name: 'on-export-error',
    kind: 'enum',
    values: ['warn', 'fail'],
    default: 'warn',
    description:
      'When pushing to the Pushgateway or the OTLP endpoint fails after retries: `warn` (a warning; the verdict is unchanged) or `fail` (an error verdict). Default: warn.',
  },
];

export type Credentials =
  { kind: 'none' } | { kind: 'basic'; user: string; password: string } | { kind: 'bearer'; token: string };

export interface ExportTargets {
  pushgateway: { url: URL; credentials: Credentials } | undefined;
  otlp: { url: URL; headers: Record<string, string> } | undefined;
  onExportError: 'warn' | 'fail';
}

/** RFC 9110 `token`: what a header name may hold. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

export function readExportTargets(inputs: Inputs): ExportTargets {
  const auth = getString(inputs, 'pushgateway-auth');
  const token = getString(inputs, 'pushgateway-token');
  const pushUrl = getString(inputs, 'pushgateway-url');
  if (pushUrl === undefined && (auth !== undefined || token !== undefined)) {
    const name = auth !== undefined ? 'pushgateway-auth' : 'pushgateway-token';
    throw new InputError(name, `Expected \`pushgateway-url\` to be set: \`${name}\` is for the Pushgateway.`);
  }
  if (auth !== undefined && token !== undefined) {
    throw new InputError(
      'pushgateway-token',
      'Expected one of `pushgateway-auth` (basic) and `pushgateway-token` (bearer), not both.',
    );
  }
  const credentials = readCredentials(auth, token);
  const otlpUrl = getString(inputs, 'otlp-endpoint');
  const headers = getString(inputs, 'otlp-headers');
  if (otlpUrl === undefined && headers !== undefined) {
    throw new InputError('otlp-headers', 'Expected `otlp-endpoint` to be set: `otlp-headers` are for it.');
  }
  return {
    pushgateway:
      pushUrl === undefined
        ? undefined
        : { url: parseEndpoint('pushgateway-url', pushUrl, credentials.kind !== 'none'), credentials },
    otlp:
      otlpUrl === undefined
        ? undefined
        : {
            url: otlpMetricsUrl(parseEndpoint('otlp-endpoint', otlpUrl, headers !== undefined)),
            headers: parseHeaders(headers ?? ''),
          },
    onExportError: getEnum(inputs, 'on-export-error', ['warn', 'fail'] as const) ?? 'warn',
  };
}

/** What the result file records: where the metrics went, never how we authenticated. */
export function describeTargets(targets: ExportTargets): Record<string, string> {
  const out: Record<string, string> = { onExportError: targets.onExportError };
  if (targets.pushgateway) {
    out.pushgatewayUrl = targets.pushgateway.url.href;
    out.pushgatewayAuth = targets.pushgateway.credentials.kind;
  }
  if (targets.otlp) out.otlpEndpoint = targets.otlp.url.href;
  return out;
}

function readCredentials(auth: string | undefined, token: string | undefined): Credentials {
  if (token !== undefined) {
    if (/[\s]/.test(token.trim()))
      throw new InputError(
        'pushgateway-token',
        'Expected `pushgateway-token` to be one token without spaces.',
      );
    return { kind: 'bearer', token: token.trim() };
  }
  if (auth === undefined) return { kind: 'none' };
  const colon = auth.indexOf(':');
  if (colon <= 0 || /[\r\n]/.test(auth)) {
    // The value itself is never echoed: it is a secret.
    throw new InputError('pushgateway-auth', 'Expected `pushgateway-auth` to be `user:password`.');
  }
  return { kind: 'basic', user: auth.slice(0, colon), password: auth.slice(colon + 1) };
}

function parseEndpoint(name: string, value: string, sendsSecrets: boolean): URL {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new InputError(name, `Expected \`${name}\` to be an http(s) URL, got \`${value.slice(0, 60)}\`.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(name, `Expected \`${name}\` to be an http(s) URL, got \`${url.protocol}\`.`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new InputError(
      name,
      `Expected \`${name}\` to hold no credentials: pass them as the secret inputs instead (a URL is printed).`,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new InputError(
      name,
      `Expected \`${name}\` to have no query or fragment, got \`${url.origin}${url.pathname}…\`.`,
    );
  }
  if (sendsSecrets && url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new InputError(
      name,
      `Expected \`${name}\` to be https: credentials over http to ${url.hostname} would travel in clear text.`,
    );
  }
  return url;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The OTLP spec's rule for a base endpoint: signal path appended; a full URL is used as is. */
function otlpMetricsUrl(url: URL): URL {
  if (url.pathname === '/' || url.pathname === '') return new URL('/v1/metrics', url);
  return url;
}

function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const item of text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    const eq = item.indexOf('=');
    const name = eq > 0 ? item.slice(0, eq).trim() : '';
    const value = eq > 0 ? item.slice(eq + 1).trim() : '';
    // Only the name may be shown: the value is the secret.
    if (!HEADER_NAME.test(name) || value === '' || /[\r\0]/.test(value)) {
      throw new InputError(
        'otlp-headers',
        `Expected \`otlp-headers\` to hold \`name=value\` pairs${HEADER_NAME.test(name) ? ` (\`${name}\` has no value)` : ''}.`,
      );
    }
    headers[name.toLowerCase()] = value;
  }
  return headers;
}
