/** The gate in-process over a real git repository and result directory (createLocalIO), no API. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inputsFromRecord, readEventContext } from '@aeef/gate-result';
import { createLocalIO } from '@aeef/gate-result/runtime';
import { afterAll, describe, expect, it } from 'vitest';
import { provenanceGate } from '../src/gate.js';
import { makePullRequestRepo } from '../../../test/support/git-repo.js';

const repo = makePullRequestRepo({ 'a.txt': 'a\n' }, { 'a.txt': 'a\nb\n' });
const resultDir = mkdtempSync(path.join(os.tmpdir(), 'aeef-results-'));
afterAll(() => {
  rmSync(repo.dir, { recursive: true, force: true });
  rmSync(resultDir, { recursive: true, force: true });
});

const COVERAGE = `${JSON.stringify({ schema: 'aeef.gate-result/v1', gate: 'coverage', verdict: 'pass', metrics: [{ id: 'lines', value: 91.25 }] }, null, 2)}\n`;

function io(body: string) {
  const payload = repo.pullRequestEvent({ user: { login: 'dana', type: 'User' }, body, labels: [] });
  return createLocalIO({ workspace: repo.dir, resultDir, event: readEventContext('pull_request', payload) });
}

describe('provenanceGate.run', () => {
  it("lists this job's result files with their sha256, never a statement, and rewrites its own", async () => {
    writeFileSync(path.join(resultDir, 'coverage.json'), COVERAGE);
    writeFileSync(path.join(resultDir, 'provenance.intoto.json'), '{"stale": true}\n');
    const local = io('');
    // A statement is not a result file: the KPI export reads the same list.
    expect((await local.listResultFiles()).map((f) => path.basename(f))).toEqual(['coverage.json']);
    const config = provenanceGate.config(inputsFromRecord({}, 'default'));
    const result = await provenanceGate.run(config, local);
    expect(result.verdict).toBe('pass');
    const file = result.outputs['attestation-file'] ?? '';
    const first = readFileSync(file, 'utf8');
    const statement = JSON.parse(first) as {
      predicate: { results: { gate: string; digest: { sha256: string } }[] };
    };
    expect(statement.predicate.results).toEqual([
      {
        gate: 'coverage',
        file: 'coverage.json',
        verdict: 'pass',
        metrics: [{ id: 'lines', value: 91.25 }],
        digest: { sha256: createHash('sha256').update(COVERAGE).digest('hex') },
        // Copied in by the test, not written by a gate: the ledger does not name it.
        writtenByThisJob: false,
      },
    ]);
    // Deterministic: the same facts, the same bytes.
    await provenanceGate.run(config, io(''));
    expect(readFileSync(file, 'utf8')).toBe(first);
  });

  it('require-disclosure: always fails a human-only PR without the section, passes it with one', async () => {
    const config = provenanceGate.config(inputsFromRecord({ 'require-disclosure': 'always' }, 'input'));
    expect((await provenanceGate.run(config, io('Fixes a typo.'))).verdict).toBe('fail');
    expect((await provenanceGate.run(config, io('## AI assistance\n\n- [x] None\n'))).verdict).toBe('pass');
  });
});
