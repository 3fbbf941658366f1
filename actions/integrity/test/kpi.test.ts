/**
 * The KPI export counts integrity findings and accepted ones per run: the integrity gate runs on a
 * real PR repository, writes its result file, and the KPI export's OpenMetrics carry its numbers.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { inputsFromRecord, readEventContext } from '@aeef/gate-result';
import { createLocalIO, executeGate, writeResultFile } from '@aeef/gate-result/runtime';
import { kpiGate } from '@aeef/action-kpi';
import { describe, expect, it } from 'vitest';
import { makePullRequestRepo } from '../../../test/support/git-repo.js';
import { startGitHubServer } from '../../../test/support/github-server.js';
import { createGitHubClient } from '@aeef/gate-result/runtime';
import { integrityGate } from '../src/gate.js';

describe('integrity in the KPI export', () => {
  it('exports findings and accepted counts as gate metrics', async () => {
    const repo = makePullRequestRepo(
      { 'src/a.py': 'import os\n', 'tests/test_a.py': 'def test_a():\n    assert True\n' },
      {
        'src/a.py': 'import os  # noqa: F401\n',
        'tests/test_a.py': '@pytest.mark.skip\ndef test_a():\n    assert True\n',
      },
    );
    // The PR's reviews: none, so the checkpoint is not met and the findings stand.
    const server = await startGitHubServer((request) =>
      request.path.endsWith('/reviews') || request.path.endsWith('/commits') ? { body: [] } : { status: 404 },
    );
    try {
      const github = createGitHubClient({ token: 't', baseUrl: server.url, backoffUnitMs: 1 });
      const resultDir = path.join(repo.dir, '.results');
      const event = readEventContext(
        'pull_request',
        repo.pullRequestEvent({ user: { login: 'agent', type: 'User' } }),
        {
          GITHUB_REPOSITORY: 'aeef/sample',
        },
      );
      const io = createLocalIO({ workspace: repo.dir, resultDir, event, github });
      const result = await executeGate(integrityGate, inputsFromRecord({}), io);
      expect(result.verdict, result.summary).toBe('fail');
      await writeResultFile(resultDir, result);
      const kpi = await executeGate(kpiGate, inputsFromRecord({ 'output-dir': 'kpi' }), io);
      expect(kpi.verdict, kpi.summary).toBe('pass');
      const prom = readFileSync(path.join(repo.dir, 'kpi', 'kpi.prom'), 'utf8');
      expect(prom).toContain('aeef_gate_metric{gate="integrity",metric="findings",unit="count"} 2');
      expect(prom).toContain('aeef_gate_metric{gate="integrity",metric="accepted",unit="count"} 0');
      expect(prom).toContain('aeef_gate_verdict{gate="integrity",verdict="fail"} 1');
    } finally {
      await server.close();
      rmSync(repo.dir, { recursive: true, force: true });
    }
  });
});
