/**
 * The settings of the human checkpoint. They live once, in the config file's `approval:` section;
 * a gate that asks for a person declares `APPROVAL_INPUTS` among its own inputs, so its step inputs
 * (and its own config-file section) may override them, and reads them with `approvalPolicyOf`.
 */
import type { Inputs, InputSpec } from '../gate.js';
import { getBoolean, getInteger, getList } from '../inputs.js';
import { InputError } from '../errors.js';

export interface ApprovalPolicy {
  /** Counted approvals needed; 0 means no person is needed. */
  minApprovals: number;
  /** Logins and `org/team` slugs whose approval counts whatever their `author_association`. */
  approvers: string[];
  /** A reviewer who authored or committed a commit of the PR does not count. */
  approverNotCommitter: boolean;
  /** An approval of an older commit than the head still counts. */
  allowStaleApprovals: boolean;
}

export const APPROVAL_INPUTS: readonly InputSpec[] = [
  {
    name: 'min-approvals',
    kind: 'integer',
    default: '1',
    description:
      'Approving reviews that count (latest review per person, a human who is not the author or a committer of the PR, listed in `approvers`, or OWNER/MEMBER/COLLABORATOR when `approvers` is empty, of the head commit) needed when the change asks for a person. Default: 1.',
  },
  {
    name: 'approvers',
    kind: 'list',
    description:
      "Logins, and `org/team` team slugs, who alone may approve: when set, only their approvals count (not every OWNER, MEMBER or COLLABORATOR). Teams need a token that can read the organisation's teams (the workflow token cannot).",
  },
  {
    name: 'approver-not-committer',
    kind: 'boolean',
    default: 'true',
    description:
      'When `true`, a reviewer who authored or committed a commit of the PR does not count. Default: true.',
  },
  {
    name: 'allow-stale-approvals',
    kind: 'boolean',
    default: 'false',
    description: 'When `true`, an approval of an older commit than the PR head still counts. Default: false.',
  },
];

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const TEAM = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

/** The checkpoint settings from a gate's inputs (defaults, then the `approval:` section, then its own). */
export function approvalPolicyOf(inputs: Inputs): ApprovalPolicy {
  const approvers = getList(inputs, 'approvers').map((a) => a.replace(/^@/, ''));
  for (const entry of approvers) {
    if (!LOGIN.test(entry) && !TEAM.test(entry)) {
      throw new InputError(
        'approvers',
        `Expected \`approvers\` to list GitHub logins or \`org/team\` slugs, got \`${entry.slice(0, 60).replace(/`/g, "'")}\`.`,
      );
    }
  }
  return {
    minApprovals: getInteger(inputs, 'min-approvals', { max: 100 }) ?? 1,
    approvers,
    approverNotCommitter: getBoolean(inputs, 'approver-not-committer') ?? true,
    allowStaleApprovals: getBoolean(inputs, 'allow-stale-approvals') ?? false,
  };
}
