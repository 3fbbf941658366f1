/** Writes the selected export files; each path becomes a step output. */
import type { GateIO } from '@aeef/gate-result';
import type { Format } from './config.js';
import { renderBenchmark } from './export/benchmark.js';
import { renderCsv } from './export/csv.js';
import { renderKpiJson } from './export/json.js';
import { renderOpenMetrics } from './export/openmetrics.js';
import type { KpiReport } from './kpi-report.js';

export interface ExportedFiles {
  'kpi-file'?: string;
  'openmetrics-file'?: string;
  'csv-file'?: string;
  'benchmark-file'?: string;
  'benchmark-smaller-file'?: string;
}

export async function writeExports(
  io: GateIO,
  dir: string,
  formats: readonly Format[],
  report: KpiReport,
): Promise<ExportedFiles> {
  const files: ExportedFiles = {};
  const write = (name: string, text: string): Promise<string> => io.writeFile(`${dir}/${name}`, text);
  if (formats.includes('json')) files['kpi-file'] = await write('kpi.json', renderKpiJson(report));
  if (formats.includes('openmetrics'))
    files['openmetrics-file'] = await write('kpi.prom', renderOpenMetrics(report));
  if (formats.includes('csv')) files['csv-file'] = await write('kpi.csv', renderCsv(report));
  if (formats.includes('benchmark')) {
    const { bigger, smaller } = renderBenchmark(report);
    files['benchmark-file'] = await write(
      'benchmark-bigger-is-better.json',
      `${JSON.stringify(bigger, null, 2)}\n`,
    );
    files['benchmark-smaller-file'] = await write(
      'benchmark-smaller-is-better.json',
      `${JSON.stringify(smaller, null, 2)}\n`,
    );
  }
  return files;
}
