/**
 * policy-source: which config file judges this run. On the events of a change (pull_request,
 * pull_request_target, merge_group, pull_request_review) the policy is the file as it is at the base
 * commit, so a PR cannot lower its own bar; `head` (or a push) reads the checkout. The base's file
 * comes from `git show` when the commit is in the clone, else the contents API at that ref; a 404
 * there means the base has no file (defaults and step inputs), anything else unreadable is an
 * error, never a fallback to the head's file. The other side is read too, for the list of settings
 * the head's file changes (policy/diff.ts).
 */
import path from 'node:path';
import { DEFAULT_CONFIG_FILE, parseConfigFile, type ConfigFile, type GateSpecs } from '../config-file.js';
import { ConfigError, GitHubApiError, InputError, getErrorMessage } from '../errors.js';
import type { EventContext, GateInfo, GitHubClient, InputSpec } from '../gate.js';
import {
  defaultPolicySource,
  diffPolicies,
  type PolicyOrigin,
  type PolicyRecord,
  type PolicySource,
  BASE_POLICY_EVENTS,
} from '../policy/diff.js';
import { decodeReport } from './fs-safe.js';

/** The step input of every action; never a config-file setting (the file cannot pick its own judge). */
export const POLICY_SOURCE_INPUT: InputSpec = {
  name: 'policy-source',
  kind: 'enum',
  values: ['base', 'head'],
  description:
    'Which config file is the policy: `base` reads it as it is at the base commit (git, else the contents API), so a pull request cannot lower its own bar; `head` reads the checkout. Step inputs win over either. Default: `base` on pull_request, pull_request_target, merge_group and pull_request_review events, the checkout on every other event (see docs/policy.md).',
};

/** The size cap of a config file, as for the checkout's. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export interface PolicyOptions {
  /** The repository root the config path is relative to (GITHUB_WORKSPACE, the CLI's directory). */
  root: string;
  /** The `config-file` input; `undefined`: `.github/aeef-gates.yml` when present. */
  explicit: string | undefined;
  gates: readonly GateSpecs[];
  /** Every gate of the suite, so sections of gates this action does not run are known (default: all). */
  suite?: readonly Pick<GateInfo, 'id'>[];
  /** The base commit, or `undefined` when the event names none. */
  base: string | undefined;
  /** The event name, for the default and for messages (`local` in the CLI). */
  eventName: string;
  /** The `policy-source` input, when given. */
  source: PolicySource | undefined;
  /** Runs git in `root`. */
  git: (args: readonly string[]) => Promise<string>;
  github?: GitHubClient;
  repository?: EventContext['repository'];
  /** Reads the checkout's file (the runtime's `loadConfigFile`). */
  readCheckout: () => Promise<ConfigFile | undefined>;
  /** Why this source, for the summary; default `the default on <event>` or `policy-source: <source>`. */
  reason?: string;
  /** Also read the base's file on an event that does not default to it (the CLI's `--base`), for the diff. */
  compare?: boolean;
}

export interface LoadedPolicy {
  /** The config file in force; `undefined`: defaults and step inputs only. */
  config: ConfigFile | undefined;
  record: PolicyRecord;
}

interface BaseText {
  text: string | undefined;
  origin: PolicyOrigin;
}

/** The config path as a repository-relative POSIX path; absolute or escaping paths cannot be read at a commit. */
function repoPath(root: string, file: string): string {
  const absolute = path.resolve(root, file);
  const relative = path.relative(root, absolute).split(path.sep).join('/');
  if (relative === '' || relative === '..' || relative.startsWith('../') || path.isAbsolute(relative)) {
    throw new InputError(
      'config-file',
      `Expected \`config-file\` to be a path inside the repository, so it can be read at the base commit, got \`${file.slice(0, 80)}\`.`,
    );
  }
  return relative;
}

async function gitOk(git: PolicyOptions['git'], args: readonly string[]): Promise<string | undefined> {
  try {
    return await git(args);
  } catch {
    return undefined;
  }
}

function tooLarge(file: string, at: string, size: number): ConfigError {
  return new ConfigError(
    `The config file \`${file}\` at ${at} is ${size} bytes, more than the ${MAX_CONFIG_BYTES} bytes a config file may have.`,
  );
}

async function readWithGit(
  options: PolicyOptions,
  file: string,
  base: string,
): Promise<BaseText | undefined> {
  const { git } = options;
  if ((await gitOk(git, ['cat-file', '-e', `${base}^{commit}`])) === undefined) return undefined;
  // `./`: the path is relative to the root (the workspace), which need not be the repository's top.
  const object = `${base}:./${file}`;
  const type = (await gitOk(git, ['cat-file', '-t', object]))?.trim();
  // The commit is here and the path is not in its tree: the base has no config file.
  if (type === undefined) return { text: undefined, origin: 'none' };
  const at = `the base ${base.slice(0, 7)}`;
  if (type !== 'blob')
    throw new ConfigError(`The config file \`${file}\` at ${at} is a ${type}, not a file.`);
  try {
    const size = Number((await git(['cat-file', '-s', object])).trim());
    if (!(size <= MAX_CONFIG_BYTES)) throw tooLarge(file, at, size);
    return { text: await git(['cat-file', 'blob', object]), origin: 'git' };
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(
      `Could not read the config file \`${file}\` at ${at} with git: ${getErrorMessage(error)}.`,
    );
  }
}

interface ContentsResponse {
  type?: unknown;
  encoding?: unknown;
  content?: unknown;
  size?: unknown;
}

async function readWithApi(options: PolicyOptions, file: string, base: string): Promise<BaseText> {
  const at = `the base ${base.slice(0, 7)}`;
  const { github, repository } = options;
  if (github === undefined || repository === undefined) {
    throw new ConfigError(
      `The base commit ${base.slice(0, 7)} is not in the clone and there is no ${github === undefined ? 'token' : 'repository name'} to read the config file \`${file}\` at it through the API: check out with \`fetch-depth: 0\`, or give \`github-token\` (\`contents: read\`).`,
    );
  }
  let data: ContentsResponse;
  try {
    const encoded = file.split('/').map(encodeURIComponent).join('/');
    const response = await github.request<ContentsResponse | unknown[]>(
      'GET /repos/{owner}/{repo}/contents/{+path}',
      { owner: repository.owner, repo: repository.repo, path: encoded, ref: base },
    );
    if (Array.isArray(response.data))
      throw new ConfigError(`The config file \`${file}\` at ${at} is a directory, not a file.`);
    data = response.data;
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 404) return { text: undefined, origin: 'none' };
    if (error instanceof ConfigError && !(error instanceof GitHubApiError)) throw error;
    throw new ConfigError(
      `Could not read the base policy (\`${file}\` at ${at}): ${getErrorMessage(error).replace(/\.$/, '')}. Check out with \`fetch-depth: 0\` so git can read it, or give the token \`contents: read\`.`,
    );
  }
  if (data.type !== 'file') {
    throw new ConfigError(
      `The config file \`${file}\` at ${at} is not a file (the contents API says \`${String(data.type).slice(0, 20)}\`).`,
    );
  }
  if (typeof data.size === 'number' && data.size > MAX_CONFIG_BYTES) throw tooLarge(file, at, data.size);
  if (data.encoding !== 'base64' || typeof data.content !== 'string') {
    throw new ConfigError(
      `The contents API did not return the text of \`${file}\` at ${at} (encoding \`${String(data.encoding).slice(0, 20)}\`).`,
    );
  }
  const bytes = Buffer.from(data.content.replace(/\s+/g, ''), 'base64');
  if (bytes.length > MAX_CONFIG_BYTES) throw tooLarge(file, at, bytes.length);
  return { text: bytes.toString('latin1'), origin: 'api' };
}

/** The base's config file, parsed; `config: undefined` when the base has none. */
async function readBase(
  options: PolicyOptions,
  base: string,
): Promise<{ config: ConfigFile | undefined; origin: PolicyOrigin }> {
  const shown = options.explicit ?? DEFAULT_CONFIG_FILE;
  const file = repoPath(options.root, shown);
  const found = (await readWithGit(options, file, base)) ?? (await readWithApi(options, file, base));
  if (found.text === undefined) return { config: undefined, origin: 'none' };
  const at = `${shown}@${base.slice(0, 7)}`;
  // git and the API give bytes; decode them with the same strict UTF-8 check as the checkout's file.
  let text: string;
  try {
    text = decodeReport(Buffer.from(found.text, found.origin === 'api' ? 'latin1' : 'utf8'), at);
  } catch (error) {
    throw new ConfigError(getErrorMessage(error).replace('The report', 'The config file'));
  }
  return { config: parseConfigFile(text, at, options.gates, options.suite), origin: found.origin };
}

/** Reads the policy in force and, where there is a base, the other side for the diff. */
export async function loadPolicy(options: PolicyOptions): Promise<LoadedPolicy> {
  const source = options.source ?? defaultPolicySource(options.eventName);
  const reason =
    options.reason ??
    (options.source !== undefined
      ? `\`policy-source: ${options.source}\``
      : `the default on ${options.eventName}`);
  const file = options.explicit ?? DEFAULT_CONFIG_FILE;
  const record: PolicyRecord = { source, reason, file, origin: 'checkout' };
  const wantsBase =
    source === 'base' ||
    options.compare === true ||
    (BASE_POLICY_EVENTS as readonly string[]).includes(options.eventName);
  if (source === 'base' && options.base === undefined) {
    throw new ConfigError(
      `\`policy-source: base\` needs the base commit, and the ${options.eventName} event names none; set \`policy-source: head\` to judge by the checkout's config file.`,
    );
  }
  if (options.base !== undefined && wantsBase) record.base = options.base;

  if (source === 'head') {
    const config = await options.readCheckout();
    if (config === undefined) record.origin = 'none';
    if (record.base !== undefined) {
      try {
        const base = await readBase(options, record.base);
        record.changes = diffPolicies(base.config?.settings ?? {}, config?.settings ?? {});
      } catch (error) {
        record.problem = `The base's config file could not be read, so the settings the head changes are not listed: ${getErrorMessage(error)}`;
      }
    }
    return { config, record };
  }

  const base = await readBase(options, options.base ?? '');
  record.origin = base.origin;
  try {
    const head = await options.readCheckout();
    record.changes = diffPolicies(base.config?.settings ?? {}, head?.settings ?? {});
  } catch (error) {
    record.problem = `The head's config file could not be read (it is not the policy of this run): ${getErrorMessage(error)}`;
  }
  return { config: base.config, record };
}
