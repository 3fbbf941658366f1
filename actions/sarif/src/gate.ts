/**
 * The SARIF gate: any SARIF 2.1.0 scanner (Semgrep, CodeQL, ESLint, Trivy, OSV-Scanner, gitleaks),
 * spec-exact levels and security severity, suppressions honoured, new findings only on request.
 */
import { readTrackedFiles, type Gate } from '@aeef/gate-result';
import { INPUT_SPECS, readSarifConfig, type SarifConfig } from './config.js';
import { evaluateSarif, type Newness } from './evaluate.js';
import { newByBaseline, newByDiff, newByProducer } from './new-only.js';
import { readSarifFiles } from './read-reports.js';
import { mapFindingPaths } from './uri.js';

export const sarifGate: Gate<SarifConfig> = {
  id: 'sarif',
  title: 'Static analysis',
  inputs: INPUT_SPECS,
  config: readSarifConfig,
  async run(config, io) {
    const model = await readSarifFiles(io, config.files, 'files');
    // Locations from another machine or root mapped to tracked files, as the coverage gate does.
    const tracked = await readTrackedFiles((args) => io.git(args));
    const mapping = mapFindingPaths(model.findings, Array.isArray(tracked) ? tracked : undefined);
    let newness: Newness;
    if (config.newOnly === 'diff') {
      newness = newByDiff(model.findings, await io.changes(), mapping);
    } else if (config.newOnly === 'baseline') {
      const baseline = await readSarifFiles(io, config.baselineFiles, 'baseline-files');
      newness = newByBaseline(model.findings, baseline.findings, baseline.reports);
    } else {
      newness = newByProducer(model.findings);
    }
    if (mapping.description !== undefined) newness.notes.unshift(mapping.description);
    return evaluateSarif(model, config, newness);
  },
};
