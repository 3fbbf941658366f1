/**
 * The gate through the real file-reading IO (createLocalIO) on the repository's example project,
 * a real StrykerJS 9.6.1 report made in another directory (projectRoot /tmp/stryk).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createLocalIO } from '@aeef/gate-result/runtime';
import { calculateMutationTestMetrics } from 'mutation-testing-metrics';
import type { MutationTestResult } from 'mutation-testing-report-schema';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../test/support/paths.js';
import { mutationGate } from '../src/gate.js';
import { changeSet, config } from './factory.js';

const EXAMPLES = path.join(REPO_ROOT, 'examples');
const silent = { info: () => undefined, warning: () => undefined, debug: () => undefined };

describe('mutationGate.run', () => {
  it('scores the example StrykerJS report as mutation-testing-metrics does and finds its sources', async () => {
    const io = createLocalIO({
      workspace: EXAMPLES,
      log: silent,
      changes: changeSet({ 'src/cart.js': [[1, 400]] }),
    });
    const result = await mutationGate.run(config(), io);
    const text = readFileSync(path.join(EXAMPLES, 'reports/mutation/mutation.json'), 'utf8');
    const oracle = calculateMutationTestMetrics(JSON.parse(text) as MutationTestResult).systemUnderTestMetrics
      .metrics;
    const value = (id: string) => result.metrics.find((m) => m.id === id)?.value;
    expect([value('score'), value('covered-score'), value('survived'), value('total')]).toEqual([
      oracle.mutationScore,
      oracle.mutationScoreBasedOnCoveredCode,
      oracle.survived,
      oracle.totalMutants,
    ]);
    // Every line of the file changed: the patch score is the file's score.
    expect(value('patch-score')).toBe(oracle.mutationScore);
    expect(result.verdict).not.toBe('error');
    expect(result.inputs).toEqual(['reports/mutation/mutation.json']);
  });

  it('refuses a 600 MiB report by its size before reading it (B19, G2)', async () => {
    const { mkdtempSync, truncateSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'aeef-mutation-'));
    writeFileSync(path.join(dir, 'big.json'), '');
    truncateSync(path.join(dir, 'big.json'), 600 * 1024 * 1024);
    const io = createLocalIO({ workspace: dir, log: silent });
    await expect(mutationGate.run(config({ files: ['big.json'] }), io)).rejects.toThrow(
      /^The report `big\.json` is 600 MiB, over the 128 MiB/,
    );
  });
});
