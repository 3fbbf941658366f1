/**
 * The coverage gate: reads istanbul, json-summary, lcov, Cobertura, Clover, JaCoCo and Go reports (detected by
 * content), merges shards, and judges lines, statements, functions, branches and patch coverage.
 */
import { readBaseRecord, recordValue } from '@aeef/action-kpi/baseline';
import { ConfigError, changesAsNeeded, readTrackedFiles, type Gate, type GateIO } from '@aeef/gate-result';
import {
  countFiles,
  findDefaultReport,
  readReports,
  resolveReportFiles,
  type ReadReport,
} from './collect.js';
import { METRIC_IDS, type DeclaredTotals, type MetricId } from './model.js';
import { INPUT_SPECS, readConfig, type CoverageConfig } from './config.js';
import { evaluateCoverage, type CoverageEvidence } from './evaluate.js';
import { mergeReports } from './merge.js';

export type { CoverageConfig } from './config.js';

/** The producer's own totals, when exactly one report was read (a shard merge has none). */
function declaredOf(read: readonly ReadReport[]): { declared?: { file: string; totals: DeclaredTotals } } {
  const [only, ...rest] = read;
  if (only === undefined || rest.length > 0 || only.parsed.format === 'istanbul') return {};
  const totals = only.parsed.declared;
  return totals === undefined ? {} : { declared: { file: only.source, totals } };
}

/**
 * `max-drop` without `baseline-files`: the latest record of the base branch in the KPI history
 * branch. No such record is an error that says how to get one: the bar cannot be measured.
 */
async function historyBaseline(
  config: CoverageConfig,
  io: GateIO,
): Promise<NonNullable<CoverageEvidence['baselineFigures']>> {
  const lookup = await readBaseRecord(
    (args, options) => io.git(args, options),
    config.historyBranch,
    io.event,
  );
  const how = `set \`baseline-files\` to the base branch's coverage reports, or run the KPI export with \`history-branch: ${config.historyBranch}\` on pushes to the base branch`;
  if (!lookup.found) throw new ConfigError(`\`max-drop\` has no baseline: ${lookup.reason}; ${how}.`);
  const { branch, record } = lookup.base;
  const key = config.name === undefined ? 'coverage' : `coverage-${config.name}`;
  const values: Partial<Record<MetricId, number | null>> = {};
  for (const id of METRIC_IDS) {
    const value = recordValue(record, `${key}.${id}`);
    if (value !== undefined) values[id] = value;
  }
  if (Object.values(values).every((v) => v === null || v === undefined)) {
    throw new ConfigError(
      `\`max-drop\` has no baseline: the latest record of \`${branch}\` in \`${config.historyBranch}\` holds no \`${key}\` figures; ${how}.`,
    );
  }
  const at = record.commit === null ? '' : ` at ${record.commit.slice(0, 12)}`;
  return {
    source: `the latest record of \`${branch}\`${at} in the KPI history branch \`${config.historyBranch}\``,
    values,
  };
}

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
      notes.push(`The files input is empty: read ${files[0]}, the first of the usual locations that exists.`);
    }
    const read = await readReports(files, io);
    for (const r of read)
      if (r.parsed.format !== 'istanbul') notes.push(...r.parsed.notes.map((n) => `${r.source}: ${n}`));
    const model = mergeReports(read);
    let baseline;
    let baselineDeclared;
    if (config.baselineFiles.length > 0) {
      const baselineRead = await readReports(
        await resolveReportFiles(config.baselineFiles, io, 'baseline-files'),
        io,
      );
      baseline = mergeReports(baselineRead);
      baselineDeclared = declaredOf(baselineRead).declared;
    }
    // Explicit baseline files win; otherwise the base branch's figures come from the KPI history.
    const baselineFigures =
      baseline === undefined && config.maxDrop !== undefined ? await historyBaseline(config, io) : undefined;
    const { changes, note } = await changesAsNeeded(io, config.min.patch !== undefined);
    let tracked: string[] | undefined;
    if (changes !== undefined) {
      const listed = await readTrackedFiles((args) => io.git(args));
      if (Array.isArray(listed)) tracked = listed;
      else io.log.info(`Report paths are matched without the repository's file list: ${listed.reason}.`);
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
        changes,
        ...(note !== undefined && { changesNote: note }),
        ...(tracked !== undefined && { tracked }),
        event: io.event.name,
        ...declaredOf(read),
        ...(baseline && { baseline }),
        ...(baselineDeclared && { baselineDeclared }),
        ...(baselineFigures && { baselineFigures }),
      },
      config,
    );
  },
};
