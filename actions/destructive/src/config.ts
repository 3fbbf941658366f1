/**
 * The inputs of the destructive gate. Defaults live here only (action.yml declares none), so the
 * config file is never overridden by an action.yml default.
 */
import {
  APPROVAL_INPUTS,
  approvalPolicyOf,
  compileMatcher,
  getEnum,
  getGlobs,
  getString,
  withDefaults,
} from '@aeef/gate-result';
import type { ApprovalPolicy, InputSpec, Inputs, PathMatcher } from '@aeef/gate-result';
import { parseAllow, type AllowEntry } from './allow.js';
import { SQL_DIALECTS } from './sql/operations.js';

/** Where migrations live by convention (Rails, Prisma, Flyway, Django, Knex, ...) and any `.sql` file. */
export const DEFAULT_SQL_PATHS = [
  '**/migrations/**',
  'db/migrate/**',
  'prisma/migrations/**/migration.sql',
  '**/flyway/**',
  '**/*.sql',
];

export const DIALECTS = ['auto', ...SQL_DIALECTS] as const;
export type DialectSetting = (typeof DIALECTS)[number];

export const INPUT_SPECS: readonly InputSpec[] = [
  {
    name: 'paths',
    kind: 'globs',
    description: `Globs of the files whose SQL is judged (only \`.sql\` files among them are parsed as SQL). Default: ${DEFAULT_SQL_PATHS.map((p) => `\`${p}\``).join(', ')}.`,
  },
  {
    name: 'dialect',
    kind: 'enum',
    values: DIALECTS,
    default: 'auto',
    description:
      "The SQL dialect: `postgres` (PostgreSQL's own parser), `mysql`, `mariadb`, `sqlite`, `transactsql` (SQL Server) or `bigquery`; `auto` reads it from the project (prisma/schema.prisma `provider`, config/database.yml `adapter`, the Flyway config `url`), else `postgres`. Default: auto.",
  },
  {
    name: 'plan-files',
    kind: 'globs',
    description:
      'Globs of Terraform or OpenTofu plans as JSON (`terraform show -json plan.out > plan.json`); every resource the plan deletes or replaces is an operation. A glob that matches nothing is an error. Default: none.',
  },
  {
    name: 'allow',
    kind: 'string',
    description:
      'Operations that are information, not findings, one per line as `selector: reason`: the selector is `category:operation` (`sql:drop-index`, `command:kubectl-delete`, `terraform:delete`) or a glob of the object (`legacy_*`, `aws_s3_bucket.scratch`); the reason is required and shown in the summary. Default: none.',
  },
  ...APPROVAL_INPUTS,
];

export interface DestructiveConfig {
  paths: string[];
  isSqlPath: PathMatcher;
  dialect: DialectSetting;
  planFiles: string[];
  allow: AllowEntry[];
  approval: ApprovalPolicy;
}

/** Typed, validated config; throws InputError naming the input. */
export function configureDestructive(given: Inputs): DestructiveConfig {
  const inputs = withDefaults(given, INPUT_SPECS);
  const paths = getGlobs(inputs, 'paths') ?? DEFAULT_SQL_PATHS;
  const dialect = getEnum(inputs, 'dialect', DIALECTS) ?? 'auto';
  const planFiles = getGlobs(inputs, 'plan-files') ?? [];
  const allowText = getString(inputs, 'allow') ?? '';
  const allow: AllowEntry[] = parseAllow(allowText);
  return {
    paths,
    isSqlPath: compileMatcher(paths, 'paths'),
    dialect,
    planFiles,
    allow,
    approval: approvalPolicyOf(inputs),
  };
}
