// Finding locations from another machine or root are mapped to the repository's tracked files (the
// coverage gate's mapping), and `new-only: diff` counts a finding it cannot place as new.
import { describe, expect, it } from 'vitest';
import type { ChangeSet } from '@aeef/gate-result';
import type { SarifConfig } from '../src/config.js';
import { sarifGate } from '../src/gate.js';
import { mapFindingPaths } from '../src/uri.js';
import { memoryIO } from '../../../test/support/memory-io.js';
import { sarifBytes, sarifLog, sarifResult, sarifRun } from './factory.js';

const CONFIG: SarifConfig = {
  files: ['reports/*.sarif'],
  failOnLevel: 'error',
  failOnSeverity: 'high',
  maxFindings: 0,
  newOnly: 'diff',
  baselineFiles: [],
  include: [],
  exclude: [],
  ignoreRules: [],
};

const TRACKED = ['src/a.ts', 'packages/web/src/b.ts', 'README.md'];

const changes: ChangeSet = {
  source: 'git',
  event: 'pull_request',
  base: 'a'.repeat(40),
  head: 'b'.repeat(40),
  files: ['src/a.ts', 'packages/web/src/b.ts'].map((path) => ({
    path,
    status: 'modified' as const,
    additions: 3,
    deletions: 0,
    binary: false,
    ranges: [{ start: 12, end: 14 }],
  })),
};

function withGit(files: Record<string, Buffer>, tracked: readonly string[] | undefined) {
  const io = memoryIO(files, changes);
  return {
    ...io,
    git: (args: readonly string[]) =>
      tracked !== undefined && args.includes('ls-files')
        ? Promise.resolve(`${tracked.join('\0')}\0`)
        : Promise.reject(new Error('no git')),
  };
}

const at = (ruleId: string, uri: string, line: number, uriBaseId?: string) =>
  sarifResult({
    ruleId,
    level: 'error',
    locations: [
      {
        physicalLocation: {
          artifactLocation: uriBaseId === undefined ? { uri } : { uri, uriBaseId },
          region: { startLine: line },
        },
      },
    ],
  });

describe(mapFindingPaths.name, () => {
  it('maps file URIs of another machine, Windows paths and paths relative to a subdirectory', () => {
    const findings = [
      { locationText: 'file:///home/runner/work/x/x/src/a.ts' },
      { locationText: 'D:\\a\\x\\x\\src\\a.ts' },
      { path: 'src/b.ts' },
      { path: 'src/a.ts' },
      { locationText: 'https://example.com/a.ts' },
      { path: 'gen/out.ts' },
      // An untracked build output is not the source file it shares a suffix with.
      { path: 'dist/src/a.ts' },
    ];
    const mapping = mapFindingPaths(findings, TRACKED);
    expect(findings.map((f) => f.path)).toEqual([
      'src/a.ts',
      'src/a.ts',
      'packages/web/src/b.ts',
      'src/a.ts',
      undefined,
      'gen/out.ts',
      'dist/src/a.ts',
    ]);
    expect(mapping.unmapped.sort()).toEqual(['dist/src/a.ts', 'gen/out.ts']);
    expect(mapping.description).toMatch(/^Finding locations: Report paths mapped by suffix/);
  });

  it('maps nothing without git', () => {
    const findings = [{ locationText: 'file:///home/runner/work/x/x/src/a.ts' }];
    expect(mapFindingPaths(findings, undefined)).toEqual({ unmapped: [] });
    expect(findings[0]).toEqual({ locationText: 'file:///home/runner/work/x/x/src/a.ts' });
  });
});

describe('new-only: diff with locations from elsewhere (issue 11)', () => {
  const log = sarifLog([
    sarifRun({
      originalUriBaseIds: { SRC: { uri: 'file:///build/agent/checkout/' } },
      results: [
        // A path relative to the subdirectory the scanner ran in, on a changed line: new.
        at('subdir-new', 'src/b.ts', 13),
        // Another machine's root, on a changed line: new, and annotated at the repository path.
        at('runner-new', 'file:///home/runner/work/x/x/src/a.ts', 12),
        // Relative to an originalUriBaseIds root that is not the workspace, on an unchanged line: old.
        at('base-old', 'src/a.ts', 99, 'SRC'),
        // A file git does not track and the diff does not list: it cannot be proven old.
        at('untracked', 'gen/out.ts', 1),
      ],
    }),
  ]);

  it('places each finding at its repository file and counts the unplaceable as new', async () => {
    const result = await sarifGate.run(CONFIG, withGit({ 'reports/s.sarif': sarifBytes(log) }, TRACKED));
    const rules = result.findings
      .filter((f) => f.level === 'error')
      .map((f) => `${f.ruleId}@${f.file ?? '-'}`);
    expect(rules).toEqual([
      'subdir-new@packages/web/src/b.ts',
      'runner-new@src/a.ts',
      'untracked@gen/out.ts',
    ]);
    expect(result.verdict).toBe('fail');
    const notes = result.details[0]!.notes!.join(' ');
    expect(notes).toContain('Finding locations: Report paths mapped by suffix');
    expect(notes).toMatch(/1 finding location\(s\) match no file of the repository.*gen\/out\.ts/);
  });

  it('without git, paths are taken as written (and one from another machine still counts as new)', async () => {
    const result = await sarifGate.run(CONFIG, withGit({ 'reports/s.sarif': sarifBytes(log) }, undefined));
    // Before the mapping: `src/b.ts` and `gen/out.ts` are not in the diff, so they were old (a pass
    // here), and `base-old` could not be placed, so it was new.
    const errors = result.findings.filter((f) => f.level === 'error').map((f) => f.ruleId);
    expect(errors.sort()).toEqual(['base-old', 'runner-new']);
  });
});
