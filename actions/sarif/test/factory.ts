/** Typed factories for SARIF logs and findings in tests: defaults plus the overrides a case needs. */
import type { Log, Result, Run } from 'sarif';
import type { SarifFinding } from '../src/model.js';

export function sarifRun(overrides: Partial<Run> = {}): Run {
  return { tool: { driver: { name: 'Semgrep OSS', rules: [] } }, results: [], ...overrides };
}

export function sarifResult(overrides: Partial<Result> = {}): Result {
  return {
    ruleId: 'rule-a',
    message: { text: 'a finding' },
    locations: [{ physicalLocation: { artifactLocation: { uri: 'src/a.ts' }, region: { startLine: 3 } } }],
    ...overrides,
  };
}

export function sarifLog(runs: Run[] = [sarifRun()]): Log {
  return { version: '2.1.0', runs };
}

export function sarifBytes(log: unknown): Buffer {
  return Buffer.from(JSON.stringify(log));
}

export function finding(overrides: Partial<SarifFinding> = {}): SarifFinding {
  return {
    report: 'r.sarif',
    tool: 'Semgrep OSS',
    ruleId: 'rule-a',
    level: 'error',
    levelSource: 'result',
    message: 'a finding',
    path: 'src/a.ts',
    startLine: 3,
    endLine: 3,
    partialFingerprints: {},
    fingerprints: {},
    ...overrides,
  };
}
