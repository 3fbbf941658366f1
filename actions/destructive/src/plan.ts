/**
 * Terraform and OpenTofu plans as `terraform show -json` writes them: every `resource_changes[]`
 * whose `change.actions` holds `delete` is an operation, a replacement (`["delete","create"]` or
 * `["create","delete"]`) included, named by the resource's address.
 */
import { ReportError } from '@aeef/gate-result';
import type { DestructiveFinding } from './findings.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function planFindings(text: string, file: string): DestructiveFinding[] {
  let plan: unknown;
  try {
    plan = JSON.parse(text);
  } catch (error) {
    throw new ReportError(
      file,
      `${file} is not JSON (${error instanceof Error ? error.message : String(error)}); expected the output of \`terraform show -json <plan>\`.`,
    );
  }
  if (
    !isObject(plan) ||
    typeof plan.format_version !== 'string' ||
    !('planned_values' in plan || 'resource_changes' in plan)
  ) {
    throw new ReportError(
      file,
      `${file} is not a Terraform plan in JSON (no \`format_version\` with \`planned_values\` or \`resource_changes\`); expected the output of \`terraform show -json <plan>\`, not of a state.`,
    );
  }
  const changes = plan.resource_changes ?? [];
  if (!Array.isArray(changes)) throw new ReportError(file, `${file}: \`resource_changes\` is not a list.`);
  const findings: DestructiveFinding[] = [];
  for (const [index, rc] of changes.entries()) {
    const actions = isObject(rc) && isObject(rc.change) ? rc.change.actions : undefined;
    if (!isObject(rc) || !Array.isArray(actions) || typeof rc.address !== 'string') {
      throw new ReportError(
        file,
        `${file}: resource_changes[${index}] has no \`address\` and \`change.actions\` list.`,
      );
    }
    if (!actions.includes('delete')) continue;
    const replace = actions.includes('create');
    findings.push({
      category: 'terraform',
      operation: replace ? 'replace' : 'delete',
      object: rc.address,
      file,
      why: replace
        ? `the plan destroys and recreates it (${actions.join(', ')}), losing its data and identity`
        : 'the plan destroys it',
      text: `actions: ${actions.join(', ')}`,
    });
  }
  return findings;
}
