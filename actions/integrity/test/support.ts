/** A real PR repository → the integrity findings of its diff, as the gate computes them. */
import { rmSync } from 'node:fs';
import { DIFF_FLAGS, parseUnifiedDiff } from '@aeef/gate-result';
import type { ChangedFile } from '@aeef/gate-result';
import { makePullRequestRepo, type Tree } from '../../../test/support/git-repo.js';
import { gateActionMatcher, DEFAULT_GATE_ACTIONS } from '../src/config.js';
import { detect, type IntegrityFinding, type SettingChange } from '../src/detect.js';
import { CATEGORIES } from '../src/patterns.js';
import { textsNeeded } from '../src/collect.js';

export function diffOf(
  base: Tree,
  head: Tree,
  renames?: [string, string][],
): {
  files: ChangedFile[];
  texts: Map<string, { base?: string; head?: string }>;
} {
  const repo = makePullRequestRepo(base, head, renames ? { renames } : {});
  try {
    const text = repo.git(...DIFF_FLAGS, repo.baseSha, repo.headSha, '--');
    const files = parseUnifiedDiff(`${text}\n`, { text: true });
    const texts = new Map<string, { base?: string; head?: string }>();
    const show = (sha: string, path: string): string | undefined => {
      try {
        return `${repo.git('show', `${sha}:${path}`)}\n`;
      } catch {
        return undefined;
      }
    };
    for (const path of textsNeeded({
      source: 'git',
      event: 'pull_request',
      base: repo.baseSha,
      head: repo.headSha,
      files,
    })) {
      const b = show(repo.baseSha, path);
      const h = show(repo.headSha, path);
      texts.set(path, { ...(b === undefined ? {} : { base: b }), ...(h === undefined ? {} : { head: h }) });
    }
    return { files, texts };
  } finally {
    rmSync(repo.dir, { recursive: true, force: true });
  }
}

export function findingsOf(
  base: Tree,
  head: Tree,
  options: { renames?: [string, string][]; policy?: SettingChange[] } = {},
): IntegrityFinding[] {
  const { files, texts } = diffOf(base, head, options.renames);
  return detect(
    { files, texts, ...(options.policy ? { policy: options.policy } : {}) },
    {
      checks: new Set(CATEGORIES),
      isExcluded: () => false,
      isGateAction: gateActionMatcher([DEFAULT_GATE_ACTIONS]),
      configFile: '.github/aeef-gates.yml',
    },
  );
}

/** The compact form tests compare: `category pattern file:line`. */
export const brief = (findings: readonly IntegrityFinding[]): string[] =>
  findings.map((f) => `${f.category} ${f.pattern} ${f.file}${f.line === undefined ? '' : `:${f.line}`}`);
