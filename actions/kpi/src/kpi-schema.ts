/**
 * The zod schema of `aeef.kpi/v1`: kpi.json is validated against it before it is written, and the
 * published JSON Schema (schema/kpi-v1.schema.json) is generated from it, so the two cannot drift.
 */
import { InternalError, KNOWN_GATES, type GateInfo } from '@aeef/gate-result';
import { z } from 'zod';
import { KPI_SCHEMA, type KpiReport } from './kpi-report.js';

const FINITE = z.number().refine(Number.isFinite, 'a finite number');
const UNIT = z.enum(['percent', 'count', 'lines', 'files', 'seconds', 'hours', 'ratio']);
const ID = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,127}$/);

/** The schema of kpi.json for a suite of gates (the registry's): `gate` must name one of them. */
export function kpiReportSchemaFor(gates: readonly Pick<GateInfo, 'id'>[]) {
  const GATE = z.enum(gates.map((g) => g.id) as [string, ...string[]]);
  return z
    .object({
      schema: z.literal(KPI_SCHEMA),
      repository: z.string().nullable(),
      ref: z.string().nullable(),
      commit: z.string().nullable(),
      event: z.string(),
      pullNumber: z.number().int().positive().nullable(),
      timestamp: z.iso.datetime().nullable(),
      gates: z.array(
        z.object({
          gate: GATE,
          name: ID.optional(),
          verdict: z.enum(['pass', 'warn', 'fail', 'error']),
          summary: z.string(),
          sources: z.array(z.string()),
          metrics: z.array(
            z.object({
              id: ID,
              label: z.string(),
              value: FINITE.nullable(),
              unit: UNIT,
              threshold: z.object({ op: z.enum(['>=', '<=']), value: FINITE }).optional(),
              verdict: z.enum(['pass', 'warn', 'fail', 'none']),
            }),
          ),
        }),
      ),
      kpis: z.array(
        z.object({
          id: ID,
          label: z.string(),
          value: FINITE.nullable(),
          unit: UNIT,
          direction: z.enum(['higher-is-better', 'lower-is-better', 'none']),
          samples: z.number().int().nonnegative().optional(),
          p50: FINITE.nullable().optional(),
          p90: FINITE.nullable().optional(),
          splitOf: ID.optional(),
          aiInvolved: z.boolean().optional(),
        }),
      ),
      conflicts: z.array(
        z.object({ gate: GATE, name: ID.optional(), sources: z.array(z.string()), reason: z.string() }),
      ),
      provenance: z.object({ aiInvolved: z.boolean() }).optional(),
    })
    .meta({
      $id: 'https://github.com/aeef/gates/blob/v1/actions/kpi/schema/kpi-v1.schema.json',
      title: 'aeef/gates KPI report (aeef.kpi/v1)',
    });
}

export const kpiReportSchema = kpiReportSchemaFor(KNOWN_GATES);

/** Throws when the report does not match its own schema: a bug, never written out. */
export function assertValidKpiReport(report: KpiReport): void {
  const parsed = kpiReportSchema.safeParse(report);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '(root)';
    throw new InternalError(`the KPI report fails its schema at ${where}: ${issue?.message ?? 'invalid'}.`);
  }
}

/** The published JSON Schema, generated from the zod schema. */
export function kpiJsonSchema(gates: readonly Pick<GateInfo, 'id'>[] = KNOWN_GATES): Record<string, unknown> {
  return z.toJSONSchema(kpiReportSchemaFor(gates), { target: 'draft-2020-12' });
}
