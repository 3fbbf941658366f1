/**
 * Validates a result file written by another job (downloaded artifacts are untrusted input):
 * the KPI export reads these, so a malformed file is an error that names it, never a silent skip.
 */
import { z } from 'zod';
import type { GateInfo } from './gate.js';
import { KNOWN_GATES } from './known-gates.js';
import { ReportError } from './errors.js';
import { parseJsonText } from './json/read.js';
import { RESULT_SCHEMA, type GateResult } from './result.js';
/** Ids become output names and metric labels: kebab-case only, so they are safe everywhere. */
const ID = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a kebab-case id');
const VERDICT = z.enum(['pass', 'warn', 'fail', 'error']);
const FINITE = z.number().refine(Number.isFinite, 'a finite number');

const metricSchema = z.object({
  id: ID,
  label: z.string().max(200),
  value: FINITE.nullable(),
  unit: z.enum(['percent', 'count', 'lines', 'files', 'seconds', 'hours', 'ratio']),
  threshold: z.object({ op: z.enum(['>=', '<=']), value: FINITE }).optional(),
  verdict: z.enum(['pass', 'warn', 'fail', 'none']),
  base: z.object({ metric: ID, value: FINITE, setting: ID }).optional(),
});

const findingSchema = z.object({
  level: z.enum(['error', 'warning', 'notice']),
  message: z.string(),
  title: z.string().optional(),
  file: z.string().optional(),
  startLine: z.number().int().positive().optional(),
  endLine: z.number().int().positive().optional(),
  ruleId: z.string().optional(),
  rank: FINITE.optional(),
});

const cellSchema = z.union([z.string(), FINITE, z.null()]);
const sectionSchema = z.object({
  title: z.string(),
  columns: z.array(z.string()).optional(),
  rows: z.array(z.array(cellSchema)).optional(),
  notes: z.array(z.string()).optional(),
  omittedRows: z.number().int().nonnegative().optional(),
});

const policyChangeSchema = z.object({
  setting: z.string(),
  base: z.string().nullable(),
  head: z.string().nullable(),
});
const policySchema = z.object({
  source: z.enum(['base', 'head']),
  reason: z.string(),
  file: z.string(),
  origin: z.enum(['git', 'api', 'checkout', 'none']),
  base: z.string().optional(),
  changes: z.array(policyChangeSchema).optional(),
  problem: z.string().optional(),
});

/** The result schema for a suite of gates: `gate` must name one of them. */
export function gateResultSchemaFor(gates: readonly Pick<GateInfo, 'id'>[]) {
  return z
    .object({
      schema: z.literal(RESULT_SCHEMA),
      gate: z.enum(gates.map((g) => g.id) as [string, ...string[]]),
      verdict: VERDICT,
      summary: z.string(),
      metrics: z.array(metricSchema),
      findings: z.array(findingSchema),
      details: z.array(sectionSchema),
      outputs: z.record(ID, z.string()),
      config: z.record(z.string(), z.unknown()),
      inputs: z.array(z.string()),
      durationMs: FINITE.nonnegative(),
      policy: policySchema.optional(),
      name: ID.optional(),
      enforced: z.boolean().optional(),
    })
    .meta({
      $id: 'https://github.com/aeef/gates/blob/v1/schema/gate-result-v1.schema.json',
      title: `aeef/gates result file (${RESULT_SCHEMA})`,
    });
}

/** The schema of this suite's result files. */
export const gateResultSchema = gateResultSchemaFor(KNOWN_GATES);

/** The published JSON Schema of the result file, generated from the zod schema. */
export function gateResultJsonSchema(
  gates: readonly Pick<GateInfo, 'id'>[] = KNOWN_GATES,
): Record<string, unknown> {
  return z.toJSONSchema(gateResultSchemaFor(gates), { target: 'draft-2020-12' });
}

/**
 * Parses a result file's text into a GateResult with the suite's strict JSON reader (duplicate
 * keys, parsed size, `1e400` refused), or throws a `ReportError` naming `file` and the first
 * problem with its JSON path.
 */
export function parseGateResult(
  text: string,
  file: string,
  gates: readonly Pick<GateInfo, 'id'>[] = KNOWN_GATES,
): GateResult {
  const data = parseJsonText(text, file, { noun: 'result file' });
  const parsed = (gates === KNOWN_GATES ? gateResultSchema : gateResultSchemaFor(gates)).safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(root)';
    throw new ReportError(
      file,
      `The result file ${file} is not an ${RESULT_SCHEMA} result: ${where}: ${issue?.message ?? 'invalid'}.`,
    );
  }
  return parsed.data;
}
