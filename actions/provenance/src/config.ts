/**
 * The inputs of the provenance gate. Defaults live here only (action.yml declares none), so the
 * config file is never overridden by an action.yml default.
 */
import {
  APPROVAL_INPUTS,
  approvalPolicyOf,
  getBoolean,
  getEnum,
  getInteger,
  getList,
  withDefaults,
} from '@aeef/gate-result';
import type { ApprovalPolicy, InputSpec, Inputs } from '@aeef/gate-result';
import { DEFAULT_DISCLOSURE_HEADINGS } from './disclosure.js';
import { BUILTIN_IDENTITIES, IDENTITY_KINDS, compileIdentities, parseUserIdentity } from './identities.js';
import type { AiIdentity, IdentityMatcher } from './identities.js';

export const DISCLOSURE_POLICIES = ['when-ai', 'always', 'never'] as const;
export type DisclosurePolicy = (typeof DISCLOSURE_POLICIES)[number];

export const INPUT_SPECS: readonly InputSpec[] = [
  {
    name: 'require-disclosure',
    kind: 'enum',
    values: DISCLOSURE_POLICIES,
    default: 'when-ai',
    description:
      'When the pull request description must hold a filled-in AI disclosure section: `when-ai` (when AI involvement is detected), `always` or `never`. Default: when-ai.',
  },
  {
    name: 'disclosure-heading',
    kind: 'list',
    default: DEFAULT_DISCLOSURE_HEADINGS.join(','),
    description:
      'Texts, any of which a heading (or bold line) of the disclosure section contains, case-insensitive. Default: `AI assistance`, `AI disclosure`, `AI usage`.',
  },
  {
    name: 'require-trailers',
    kind: 'boolean',
    default: 'false',
    description:
      'When `true`, every AI-involved commit must carry a trailer naming the tool (`Co-authored-by`, `Assisted-by`, `Generated-by` or `Co-developed-by`). Default: false.',
  },
  {
    name: 'ai-min-approvals',
    kind: 'integer',
    default: '1',
    description:
      'Approving reviews of the head commit that count (the human checkpoint, see `approvers`) an AI-involved pull request needs; 0 asks for none. Default: 1.',
  },
  {
    name: 'ai-identities',
    kind: 'list',
    description: `Identities that mean AI besides the built-in table, as \`kind:value\` or \`kind:value=Tool\`; kinds: ${IDENTITY_KINDS.map((k) => `\`${k}\``).join(', ')} (e.g. \`login:corp-agent[bot]\`, \`name:Buildbot\`: a trailer with that name, whatever its address). Default: none.`,
  },
  // The human checkpoint's settings but its count, which is `ai-min-approvals` here.
  ...APPROVAL_INPUTS.filter((spec) => spec.name !== 'min-approvals'),
];

export interface ProvenanceConfig {
  requireDisclosure: DisclosurePolicy;
  disclosureHeadings: string[];
  requireTrailers: boolean;
  identities: AiIdentity[];
  match: IdentityMatcher;
  approval: ApprovalPolicy;
}

/** Typed, validated config; throws InputError naming the input. */
export function configureProvenance(given: Inputs): ProvenanceConfig {
  const inputs = withDefaults(given, INPUT_SPECS);
  const user = getList(inputs, 'ai-identities').map(parseUserIdentity);
  // The user's rows first: where they name a known identity, their tool name wins.
  const identities = [...user, ...BUILTIN_IDENTITIES];
  const approval = approvalPolicyOf(inputs);
  approval.minApprovals = getInteger(inputs, 'ai-min-approvals', { max: 100 }) ?? 1;
  return {
    requireDisclosure: getEnum(inputs, 'require-disclosure', DISCLOSURE_POLICIES) ?? 'when-ai',
    disclosureHeadings: getList(inputs, 'disclosure-heading'),
    requireTrailers: getBoolean(inputs, 'require-trailers') ?? false,
    identities: user,
    match: compileIdentities(identities),
    approval,
  };
}
