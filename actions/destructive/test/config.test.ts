/** Inputs, `allow` entries and the verdict's wording. */
import { describe, expect, it } from 'vitest';
import { InputError, inputsFromRecord } from '@aeef/gate-result';
import { parseAllow } from '../src/allow.js';
import { configureDestructive } from '../src/config.js';
import { applyAllow } from '../src/detect.js';
import { detectDialect } from '../src/dialect.js';
import { evaluateDestructive } from '../src/evaluate.js';
import type { DestructiveFinding } from '../src/findings.js';

const DROP: DestructiveFinding = {
  category: 'sql',
  operation: 'drop-table',
  object: 'legacy_sessions',
  file: 'db/migrate/2.sql',
  line: 3,
  why: 'drops a table and every row in it',
};
const INDEX: DestructiveFinding = { ...DROP, operation: 'drop-index', object: 'users_email_idx' };

describe('allow', () => {
  it('matches by operation or by object glob, and needs a reason', () => {
    const allow = parseAllow('sql:drop-index: rebuilt concurrently in 003\nlegacy_*: moved to redis');
    const judged = applyAllow([DROP, INDEX], allow);
    expect(judged.map((f) => f.allowed?.reason)).toEqual(['moved to redis', 'rebuilt concurrently in 003']);
    expect(() => parseAllow('sql:drop-table')).toThrow(/without a reason/);
    expect(() => configureDestructive(inputsFromRecord({ allow: 'users' }))).toThrow(InputError);
  });
});

describe('config', () => {
  it('defaults, and refuses an unknown dialect', () => {
    const config = configureDestructive(inputsFromRecord({}));
    expect(config).toMatchObject({ dialect: 'auto', planFiles: [], allow: [] });
    expect(config.approval.minApprovals).toBe(1);
    expect(config.isSqlPath('db/migrate/001_x.sql')).toBe(true);
    expect(config.isSqlPath('prisma/migrations/20240101_init/migration.sql')).toBe(true);
    expect(() => configureDestructive(inputsFromRecord({ dialect: 'oracle' }))).toThrow(InputError);
  });

  it('dialect: auto from prisma, Rails and Flyway, else postgres', () => {
    const of = (path: string, text: string): string => detectDialect(new Map([[path, text]])).dialect;
    expect(of('prisma/schema.prisma', 'datasource db {\n  provider = "mysql"\n  url = env("DB")\n}\n')).toBe(
      'mysql',
    );
    expect(of('config/database.yml', 'default: &default\n  adapter: sqlite3\n')).toBe('sqlite');
    expect(of('flyway.conf', 'flyway.url=jdbc:sqlserver://db:1433\n')).toBe('transactsql');
    expect(detectDialect(new Map()).dialect).toBe('postgres');
  });
});

describe('verdict', () => {
  const policy = {
    minApprovals: 1,
    approvers: ['org/dba'],
    approverNotCommitter: true,
    allowStaleApprovals: false,
  };
  it('fails with one sentence naming the operations and who may approve', () => {
    const result = evaluateDestructive({ findings: [DROP], policy, notes: [], noCheckpoint: 'No PR.' });
    expect(result.verdict).toBe('fail');
    expect(result.summary).toContain('1 destructive operation (drop-table legacy_sessions) need');
    expect(result.summary).toContain('@org/dba');
  });

  it('passes with nothing, or only allowed operations (listed)', () => {
    expect(evaluateDestructive({ findings: [], policy, notes: [] }).verdict).toBe('pass');
    const allowed = applyAllow([DROP], parseAllow('legacy_*: moved'));
    const result = evaluateDestructive({ findings: allowed, policy, notes: [] });
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('1 allowed operation');
    expect(result.details?.some((s) => s.title.startsWith('Allowed operations'))).toBe(true);
  });
});
