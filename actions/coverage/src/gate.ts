/**
 * The coverage gate: reads istanbul, json-summary, lcov, Cobertura and Clover reports (detected by
 * content), merges shards, and judges lines, statements, functions, branches and patch coverage.
 */
import type { Gate } from '@aeef/gate-result';
import { countFiles, findDefaultReport, readReports, resolveReportFiles } from './collect.js';
import { INPUT_SPECS, readConfig, type CoverageConfig } from './config.js';
import { evaluateCoverage } from './evaluate.js';
import { mergeReports } from './merge.js';

export type { CoverageConfig } from './config.js';

export const coverageGate: Gate<CoverageConfig> = {
  id: 'coverage',
  title: 'Coverage',
  inputs: INPUT_SPECS,
  config: readConfig,
  async run(config, io) {
    const notes: string[] = [];
    let files: string[];
    if (config.files.length > 0) files = await resolveReportFiles(config.files, io, 'files');
    else {
      files = [await findDefaultReport(io)];
      notes.push(`\`files\` is empty: read ${files[0]}, the first of the usual locations that exists.`);
    }
    const read = await readReports(files, io);
    for (const r of read)
      if (r.parsed.format !== 'istanbul') notes.push(...r.parsed.notes.map((n) => `${r.source}: ${n}`));
    const model = mergeReports(read);
    let baseline;
    if (config.baselineFiles.length > 0) {
      baseline = mergeReports(
        await readReports(await resolveReportFiles(config.baselineFiles, io, 'baseline-files'), io),
      );
    }
    return evaluateCoverage(
      {
        model,
        reports: read.map((r) => ({
          file: r.source,
          detected: r.parsed.detected,
          files: countFiles(r.parsed),
        })),
        notes,
        changes: await io.changes(),
        ...(baseline && { baseline }),
      },
      config,
    );
  },
};
