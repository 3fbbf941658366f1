/**
 * The inputs of the integrity gate. Defaults live here only (action.yml declares none), so the
 * config file is never overridden by an action.yml default.
 */
import {
  APPROVAL_INPUTS,
  InputError,
  approvalPolicyOf,
  compileMatcher,
  getGlobs,
  getList,
  withDefaults,
} from '@aeef/gate-result';
import type { ApprovalPolicy, InputSpec, Inputs, PathMatcher } from '@aeef/gate-result';
import { CATEGORIES, type Category } from './patterns.js';

export const DEFAULT_GATE_ACTIONS = 'aeef/gates';

export const INPUT_SPECS: readonly InputSpec[] = [
  {
    name: 'checks',
    kind: 'list',
    default: CATEGORIES.join(','),
    description: `The categories to check, comma or newline separated: ${CATEGORIES.map((c) => `\`${c}\``).join(', ')}. Default: all.`,
  },
  {
    name: 'exclude',
    kind: 'globs',
    description: 'Globs of files whose changes are not judged (e.g. vendored code). Default: none.',
  },
  {
    name: 'test-files',
    kind: 'globs',
    description:
      'Globs of files that are tests besides the usual conventions (`*.test.*`, `*_test.go`, `tests/`, ...; see docs/integrity.md). Default: none.',
  },
  {
    name: 'gate-actions',
    kind: 'list',
    default: DEFAULT_GATE_ACTIONS,
    description:
      'The `uses:` actions whose workflow steps are watched (their sub-actions too), e.g. a fork of this repository. Default: aeef/gates.',
  },
  // The human checkpoint's settings: the config file's `approval:` section, overridable per gate.
  ...APPROVAL_INPUTS,
];

export interface IntegrityConfig {
  checks: Category[];
  exclude: string[];
  isExcluded: PathMatcher;
  testFiles: string[];
  isExtraTest?: PathMatcher;
  gateActions: string[];
  approval: ApprovalPolicy;
}

/** Typed, validated config; throws InputError naming the input. */
export function configureIntegrity(given: Inputs): IntegrityConfig {
  const inputs = withDefaults(given, INPUT_SPECS);
  const checks = getList(inputs, 'checks');
  for (const check of checks) {
    if (!(CATEGORIES as readonly string[]).includes(check)) {
      throw new InputError(
        'checks',
        `Expected \`checks\` to name categories among ${CATEGORIES.join(', ')}, got \`${check}\`.`,
      );
    }
  }
  if (checks.length === 0)
    throw new InputError(
      'checks',
      'Expected `checks` to name at least one category (to switch the gate off, remove its step).',
    );
  const exclude = getGlobs(inputs, 'exclude') ?? [];
  const testFiles = getGlobs(inputs, 'test-files') ?? [];
  const gateActions = getList(inputs, 'gate-actions');
  for (const action of gateActions) {
    if (!/^(?:[\w.-]+\/[\w.-]+(?:\/[\w./-]+)?|\.\/[\w./-]*)$/.test(action))
      throw new InputError(
        'gate-actions',
        `Expected \`gate-actions\` to hold \`owner/repo\` names, got \`${action}\`.`,
      );
  }
  return {
    checks: [...new Set(checks as Category[])],
    exclude,
    isExcluded: exclude.length > 0 ? compileMatcher(exclude, 'exclude') : () => false,
    testFiles,
    ...(testFiles.length > 0 ? { isExtraTest: compileMatcher(testFiles, 'test-files') } : {}),
    gateActions,
    approval: approvalPolicyOf(inputs),
  };
}

/** Whether a `uses:` value runs one of the watched actions (`aeef/gates@v1`, `aeef/gates/actions/coverage@v1`). */
export function gateActionMatcher(actions: readonly string[]): (uses: string) => boolean {
  return (uses) => {
    const name = uses.replace(/@[^@]*$/, '');
    return actions.some((action) => name === action || name.startsWith(`${action}/`));
  };
}
