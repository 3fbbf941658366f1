/**
 * Reads one mutation-testing-report-schema JSON report into the gate's model: format detection by
 * content, the suite's strict JSON reader (duplicate keys, nesting, parsed size), schema validation with the JSON path
 * of the first violation, then a compact model (files in a Map, so `__proto__` is just a file).
 */
import { parseJsonText, ReportError } from '@aeef/gate-result';
import type { Mutant, MutantStatus, MutatedFile, MutationReport, ReportThresholds } from './model.js';
import { validateReport } from './report-schema.js';

interface RawPosition {
  line: number;
  column: number;
}

interface RawMutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  description?: string;
  status: MutantStatus;
  location: { start: RawPosition; end: RawPosition };
}

interface RawReport {
  schemaVersion: string;
  projectRoot?: string;
  thresholds: ReportThresholds;
  framework?: { name: string; version?: string };
  files: Record<string, { language: string; mutants: RawMutant[] }>;
}

/** Formats seen in the wild that are not the schema; each gets its own actionable sentence. */
function rejectForeignFormats(text: string, file: string): void {
  const first = /\S/.exec(text.slice(0, 1024));
  if (first?.[0] === '<') {
    const pit = /<mutations[\s>/]/.test(text.slice(0, 4096));
    throw new ReportError(
      file,
      pit
        ? `The report ${file} is a PIT (pitest) mutations.xml, which this gate does not read; produce mutation-testing-report-schema JSON instead (pitest-mutation-testing-elements-plugin, output format JSON).`
        : `The report ${file} is XML, not mutation-testing-report-schema JSON.`,
    );
  }
}

function rejectLegacyStrykerNet(value: unknown, file: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  const v = value as Record<string, unknown>;
  if (!('files' in v) && ('childResults' in v || 'health' in v)) {
    throw new ReportError(
      file,
      `The report ${file} is an old Stryker.NET report (before mutation-testing-report-schema), which this gate does not read; use a Stryker.NET release that writes mutation-testing-report-schema JSON (the json reporter).`,
    );
  }
}

/** Lines a mutant touches: `end` is exclusive, so an end at column 1 stops on the line before. */
function toMutant(raw: RawMutant): Mutant {
  const { start, end } = raw.location;
  const endLine = end.column === 1 && end.line > start.line ? end.line - 1 : end.line;
  const mutant: Mutant = {
    id: raw.id,
    mutatorName: raw.mutatorName,
    status: raw.status,
    startLine: start.line,
    endLine: Math.max(start.line, endLine),
  };
  if (raw.replacement !== undefined) mutant.replacement = raw.replacement;
  if (raw.description !== undefined) mutant.description = raw.description;
  return mutant;
}

/**
 * Parses and validates one report. `file` is the workspace-relative path, used in messages.
 * Throws `ReportError` for empty, foreign, malformed, ambiguous or schema-invalid reports.
 */
export function parseMutationReport(text: string, file: string): MutationReport {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new ReportError(file, `The report ${file} is empty.`);
  rejectForeignFormats(body, file);
  const value = parseJsonText(body, file);
  rejectLegacyStrykerNet(value, file);
  validateReport(value, file);
  const raw = value as RawReport;
  const files = new Map<string, MutatedFile>();
  for (const [key, entry] of Object.entries(raw.files)) {
    const mutants = entry.mutants.map(toMutant);
    files.set(key, { key, path: key, language: entry.language, mutants });
  }
  const { high, low } = raw.thresholds;
  const thresholds: ReportThresholds = { high, low };
  const reportBreak = (raw.thresholds as { break?: unknown }).break;
  if (typeof reportBreak === 'number' || reportBreak === null) thresholds.break = reportBreak;
  const report: MutationReport = { file, schemaVersion: raw.schemaVersion, thresholds, files };
  if (raw.projectRoot !== undefined) report.projectRoot = raw.projectRoot;
  if (raw.framework !== undefined) {
    report.framework = raw.framework.version
      ? `${raw.framework.name} ${raw.framework.version}`
      : raw.framework.name;
  }
  return report;
}
