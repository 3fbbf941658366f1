/**
 * Collect: SARIF files by glob through `GateIO`, each decompressed, decoded, parsed, validated and
 * checked for a completed scan, then turned into findings. Any unusable file stops the gate.
 */
import { MissingReportError, parseJsonBytes, ReportError, type GateIO } from '@aeef/gate-result';
import { assertScanComplete, extractFindings } from './extract.js';
import type { SarifModel } from './model.js';
import { validateSarif } from './schema.js';

/** Bytes read from disk per report (compressed size for gzip). */
export const MAX_REPORT_BYTES = 256 * 1024 * 1024;

/** Parses one SARIF document from its bytes: pure, so tests and the bench call it directly. */
export function parseSarif(bytes: Buffer, report: string, workspace: string): Omit<SarifModel, 'reports'> {
  const json = parseJsonBytes(bytes, report, { gzip: true, expected: 'a SARIF log' });
  const log = validateSarif(json, report);
  assertScanComplete(log, report);
  return extractFindings(log, report, workspace);
}

/**
 * Reads every file the patterns match. No match is a `MissingReportError` for `files` (the user's
 * `if-missing` policy applies) but a plain `ReportError` for `baseline-files`: a comparison the user
 * asked for is never skipped silently.
 */
export async function readSarifFiles(
  io: GateIO,
  patterns: readonly string[],
  input: string,
): Promise<SarifModel> {
  const files = await io.glob(patterns);
  if (files.length === 0) {
    const shown = patterns.join(', ').slice(0, 200);
    const message = `No SARIF file matches \`${input}\` (${shown}); expected the scanner's output.`;
    throw input === 'files' ? new MissingReportError(shown, message) : new ReportError(shown, message);
  }
  const model: SarifModel = { findings: [], runs: [], reports: [] };
  for (const file of files) {
    const bytes = await io.readFile(file, { maxBytes: MAX_REPORT_BYTES, report: true });
    const { findings, runs } = parseSarif(bytes, file, io.workspace);
    for (const f of findings) model.findings.push(f);
    model.runs.push(...runs);
    model.reports.push(file);
  }
  return model;
}
