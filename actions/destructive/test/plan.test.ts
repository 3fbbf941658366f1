/** Real `terraform show -json` plans (Terraform 1.11.4, see the MANIFEST): deletes and replaces, by address. */
import { describe, expect, it } from 'vitest';
import { ReportError } from '@aeef/gate-result';
import { planFindings } from '../src/plan.js';
import { fixture } from './support.js';

const summary = (rel: string): string[] =>
  planFindings(fixture(rel), rel).map((f) => `${f.operation} ${f.object}`);

describe('Terraform plan JSON', () => {
  it('a change plan: the deleted resource and the replaced one; creates, updates and no-ops are not findings', () => {
    expect(summary('terraform/change.json')).toEqual([
      'delete terraform_data.deleted',
      'replace terraform_data.replaced',
    ]);
  });

  it('a destroy plan: every resource', () => {
    expect(summary('terraform/destroy.json')).toEqual([
      'delete terraform_data.deleted',
      'delete terraform_data.kept',
      'delete terraform_data.replaced',
      'delete terraform_data.updated',
    ]);
  });

  it('refuses what is not a plan', () => {
    expect(() => planFindings('{"format_version":"1.0","values":{}}', 'state.json')).toThrow(ReportError);
    expect(() => planFindings('not json', 'p.json')).toThrow(/not JSON/);
    expect(() =>
      planFindings('{"format_version":"1.2","resource_changes":[{"change":{}}]}', 'p.json'),
    ).toThrow(/resource_changes\[0\]/);
  });
});
