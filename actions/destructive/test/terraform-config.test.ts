/** `.tf` base and head through hcl2-parser: the real v1 → v2 change of the fixtures, and the risky settings. */
import { describe, expect, it } from 'vitest';
import type { ChangedFile } from '@aeef/gate-result';
import { HclSyntaxError, terraformConfigFindings } from '../src/terraform-config.js';
import { changedFile, fixture } from './support.js';

const summary = (file: ChangedFile, base: string | undefined, head: string | undefined): string[] =>
  terraformConfigFindings(file, base, head)
    .map((f) => `${f.line ?? '-'} ${f.operation} ${f.object}`)
    .sort();

describe('Terraform configuration', () => {
  it('the fixtures v1 → v2: the removed resource block (the real plan deletes the same one)', () => {
    const v1 = fixture('terraform/v1/main.tf');
    const v2 = fixture('terraform/v2/main.tf');
    const file: ChangedFile = {
      ...changedFile('main.tf', v2, []),
      removed: v1.split('\n').map((text, i) => ({ line: i + 1, anchor: 1, text })),
    };
    expect(summary(file, v1, v2)).toEqual(['1 resource-removed terraform_data.deleted']);
  });

  it('prevent_destroy removed, force_destroy, deletion_protection = false, skip_final_snapshot, at their added lines', () => {
    const base = `resource "aws_s3_bucket" "logs" {
  bucket = "logs"
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_db_instance" "main" {
  deletion_protection = true
}
`;
    const head = `resource "aws_s3_bucket" "logs" {
  bucket        = "logs"
  force_destroy = true
}
resource "aws_db_instance" "main" {
  deletion_protection = false
  skip_final_snapshot = true
}
`;
    const file: ChangedFile = {
      ...changedFile('db.tf', head, [2, 3, 6, 7]),
      removed: [{ line: 4, anchor: 3, text: '    prevent_destroy = true' }],
    };
    expect(summary(file, base, head)).toEqual([
      '3 force-destroy aws_s3_bucket.logs',
      '3 prevent-destroy-removed aws_s3_bucket.logs',
      '6 deletion-protection-off aws_db_instance.main',
      '7 skip-final-snapshot aws_db_instance.main',
    ]);
    // Already so at the base: not a change of this PR.
    expect(summary(changedFile('db.tf', head, [2]), head, head)).toEqual([]);
  });

  it('unreadable HCL is an error the gate reports as unparsed', () => {
    expect(() =>
      terraformConfigFindings(changedFile('x.tf', 'resource "x" {', [1]), undefined, 'resource "x" {'),
    ).toThrow(HclSyntaxError);
  });
});
