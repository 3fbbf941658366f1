/** Typed factories for mutation reports in tests (stryker test-helpers style). */
import type { ChangeSet } from '@aeef/gate-result';
import type { MutationConfig } from '../src/config.js';
import type { MutantStatus } from '../src/model.js';

export interface MutantSpec {
  status: MutantStatus;
  line?: number;
  endLine?: number;
  mutatorName?: string;
  replacement?: string;
  id?: string;
}

let nextId = 0;

/** A schema-valid report object: files by key, each a list of mutant specs. */
export function reportObject(
  files: Record<string, MutantSpec[]>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, mutants] of Object.entries(files)) {
    out[key] = {
      language: 'typescript',
      source: 'x\n'.repeat(50),
      mutants: mutants.map((m) => ({
        id: m.id ?? String(nextId++),
        mutatorName: m.mutatorName ?? 'ConditionalExpression',
        replacement: m.replacement ?? 'true',
        location: {
          start: { line: m.line ?? 1, column: 1 },
          end: { line: m.endLine ?? m.line ?? 1, column: 5 },
        },
        status: m.status,
      })),
    };
  }
  return { schemaVersion: '2', thresholds: { high: 80, low: 60 }, files: out, ...extra };
}

export function reportText(files: Record<string, MutantSpec[]>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify(reportObject(files, extra));
}

/** n mutants of one status. */
export function many(n: number, status: MutantStatus, line = 1): MutantSpec[] {
  return Array.from({ length: n }, () => ({ status, line }));
}

export const config = (overrides: Partial<MutationConfig> = {}): MutationConfig => ({
  files: ['reports/mutation/mutation.json'],
  minScore: 60,
  minCoveredScore: undefined,
  minPatchScore: undefined,
  maxSurvived: undefined,
  allowEmpty: false,
  allowPending: false,
  allowMissingSources: false,
  ...overrides,
});

/** A change set where `path` changed on the given inclusive line ranges. */
export function changeSet(ranges: Record<string, [number, number][]>): ChangeSet {
  return {
    source: 'git',
    event: 'pull_request',
    base: 'a'.repeat(40),
    head: 'b'.repeat(40),
    files: Object.entries(ranges).map(([path, rs]) => ({
      path,
      status: 'modified' as const,
      additions: rs.length,
      deletions: 0,
      binary: false,
      ranges: rs.map(([start, end]) => ({ start, end })),
    })),
  };
}
