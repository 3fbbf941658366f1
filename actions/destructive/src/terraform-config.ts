/**
 * Terraform/OpenTofu configuration (`.tf`) at base and head, parsed by hcl2-parser (HashiCorp's
 * HCL2 parser compiled to JS); the diff's lines only locate a finding. An operation is a change
 * between the two versions that lets `apply` destroy data: a removed `resource` block (apply
 * destroys it), `prevent_destroy` removed, and `force_destroy = true`,
 * `deletion_protection = false`, `skip_final_snapshot = true` newly set.
 */
import hcl from 'hcl2-parser';
import type { ChangedFile } from '@aeef/gate-result';
import type { DestructiveFinding } from './findings.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export class HclSyntaxError extends Error {
  override readonly name = 'HclSyntaxError';
}

/** `type.name` → the resource block's attributes. */
export function resourcesOf(text: string): Map<string, Json> {
  const [parsed, error] = (hcl as { parseToObject(t: string): [unknown, unknown] }).parseToObject(text);
  if (error !== null && error !== undefined) {
    throw new HclSyntaxError('HCL syntax error');
  }
  const resources = new Map<string, Json>();
  const byType = isObject(parsed) ? parsed.resource : undefined;
  if (!isObject(byType)) return resources;
  for (const [type, byName] of Object.entries(byType)) {
    if (!isObject(byName)) continue;
    for (const [name, blocks] of Object.entries(byName)) {
      const block: unknown = Array.isArray(blocks) ? (blocks as unknown[])[0] : blocks;
      resources.set(`${type}.${name}`, isObject(block) ? block : {});
    }
  }
  return resources;
}

function preventDestroy(attrs: Json): boolean {
  const lifecycle: unknown = Array.isArray(attrs.lifecycle)
    ? (attrs.lifecycle as unknown[])[0]
    : attrs.lifecycle;
  return isObject(lifecycle) && lifecycle.prevent_destroy === true;
}

const SETTINGS: { attr: string; value: boolean; operation: string; why: string }[] = [
  {
    attr: 'force_destroy',
    value: true,
    operation: 'force-destroy',
    why: 'lets a destroy delete the resource with everything in it (a bucket with its objects)',
  },
  {
    attr: 'deletion_protection',
    value: false,
    operation: 'deletion-protection-off',
    why: 'lets the resource be deleted',
  },
  {
    attr: 'skip_final_snapshot',
    value: true,
    operation: 'skip-final-snapshot',
    why: 'deletes the database without a final snapshot',
  },
];

/** The first added line matching `re`, else the first added line. */
function locate(file: ChangedFile, re: RegExp): number | undefined {
  const added = file.added ?? [];
  return (added.find((l) => re.test(l.text)) ?? added[0])?.line;
}

/** The operations of one changed `.tf` file; `HclSyntaxError` when a version does not parse. */
export function terraformConfigFindings(
  file: ChangedFile,
  base: string | undefined,
  head: string | undefined,
): DestructiveFinding[] {
  const before = base === undefined ? new Map<string, Json>() : resourcesOf(base);
  const after = head === undefined ? new Map<string, Json>() : resourcesOf(head);
  const findings: DestructiveFinding[] = [];
  const push = (operation: string, object: string, why: string, line: number | undefined): void => {
    findings.push({
      category: 'terraform',
      operation,
      object,
      file: file.path,
      ...(line === undefined ? {} : { line }),
      why,
    });
  };
  for (const [address, attrs] of before) {
    const now = after.get(address);
    if (now === undefined) {
      const [type = '', name = ''] = address.split('.');
      const removed = (file.removed ?? []).find(
        (l) => l.text.includes(`"${type}"`) && l.text.includes(`"${name}"`),
      );
      push(
        'resource-removed',
        address,
        'the resource block is removed, so apply destroys the resource',
        removed?.anchor,
      );
      continue;
    }
    if (preventDestroy(attrs) && !preventDestroy(now))
      push(
        'prevent-destroy-removed',
        address,
        'prevent_destroy no longer stops a destroy',
        (file.removed ?? []).find((l) => /prevent_destroy/.test(l.text))?.anchor ??
          locate(file, /prevent_destroy/),
      );
  }
  for (const [address, attrs] of after) {
    const old = before.get(address) ?? {};
    for (const setting of SETTINGS) {
      if (attrs[setting.attr] === setting.value && old[setting.attr] !== setting.value)
        push(
          setting.operation,
          address,
          `${setting.attr} = ${String(setting.value)} ${setting.why}`,
          locate(file, new RegExp(`^\\s*${setting.attr}\\s*=`)),
        );
    }
  }
  return findings;
}
