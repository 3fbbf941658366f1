/**
 * The root `.gitattributes` of the PR head, fetched from the contents API when there is no clone.
 * Nested `.gitattributes` files are not read (that would cost a request per folder); the summary
 * says so.
 */
import { GitHubApiError, type GitHubClient } from '@aeef/gate-result';
import type { LinguistAttributes } from './check-attr.js';
import { linguistAttributesOf, parseGitattributes } from './gitattributes.js';
import type { AttributesSource, DiffFile } from './model.js';

const MAX_BYTES = 1024 * 1024;

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

async function fetchText(
  github: GitHubClient,
  owner: string,
  repo: string,
  ref: string,
): Promise<string | undefined> {
  try {
    const response = await github.request<{ content?: unknown; encoding?: unknown; size?: unknown }>(
      'GET /repos/{owner}/{repo}/contents/{path}',
      { owner, repo, path: '.gitattributes', ref },
    );
    const { content, encoding, size } = response.data;
    if (typeof size === 'number' && size > MAX_BYTES) throw new GitHubApiError(response.status, 'too large');
    if (encoding !== 'base64' || typeof content !== 'string')
      throw new GitHubApiError(response.status, 'unexpected contents response');
    return Buffer.from(content, 'base64').toString('utf8');
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

export async function readRootAttributes(
  github: GitHubClient,
  ref: { owner: string; repo: string },
  headSha: string,
  files: readonly DiffFile[],
): Promise<{ attributes: Map<string, LinguistAttributes>; source: AttributesSource; note?: string }> {
  const attributes = new Map<string, LinguistAttributes>();
  let text: string | undefined;
  try {
    text = await fetchText(github, ref.owner, ref.repo, headSha);
  } catch {
    return {
      attributes,
      source: 'not applied',
      note: 'The root .gitattributes could not be read from the API, so linguist-generated and linguist-vendored were not applied.',
    };
  }
  const note = 'Without a clone only the root .gitattributes is read; nested ones are not applied.';
  if (text === undefined) return { attributes, source: 'root .gitattributes (API)', note };
  const rules = parseGitattributes(text);
  for (const file of files) {
    const value = linguistAttributesOf(file.path, rules);
    if (value.generated || value.vendored) attributes.set(file.path, value);
  }
  return { attributes, source: 'root .gitattributes (API)', note };
}
