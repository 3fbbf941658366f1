/**
 * The umbrella action `aeef/gates@v1`: runs the gates named in its `gates` input (or the config
 * file's `gates:` list) in one process, with one combined summary and one exit code.
 */
import { EXPORT_TARGET_INPUTS } from '@aeef/action-kpi';
import { COMMON_INPUTS, type AnyGate, type InputSpec } from '@aeef/gate-result';
import { RUNTIME_INPUTS, runGatesAction, selectConfiguredGates } from '@aeef/gate-result/runtime';
import { GATES } from './registry.js';

/** The umbrella's own input, beyond the runtime's and the common ones. */
export function umbrellaInputs(gates: readonly AnyGate[] = GATES): InputSpec[] {
  return [
    {
      name: 'gates',
      kind: 'list',
      description: `The gates to run, comma or newline separated: ${gates.map((g) => g.id).join(', ')} (they run in this order, the KPI export last). When empty, the \`gates:\` list of the config file; naming none at all is an error.`,
    },
    // Passed through to the KPI export, so a workflow can push from the umbrella step.
    ...EXPORT_TARGET_INPUTS,
  ];
}

export const UMBRELLA_INPUTS: readonly InputSpec[] = umbrellaInputs();

/**
 * Everything the umbrella's action.yml declares, in its order. The common inputs read differently
 * here (one value for every gate), so the umbrella words them itself.
 */
export function umbrellaActionInputs(gates: readonly AnyGate[] = GATES): InputSpec[] {
  const spec = (name: string): InputSpec => {
    const found = [...COMMON_INPUTS, ...RUNTIME_INPUTS].find((s) => s.name === name);
    if (found === undefined) throw new Error(`No runtime or common input \`${name}\`.`);
    return found;
  };
  return [
    ...umbrellaInputs(gates),
    {
      ...spec('config-file'),
      description:
        'The config file holding one section of inputs per gate (see docs/configuration.md). A missing file is an error only when named explicitly. Default: `.github/aeef-gates.yml`.',
    },
    spec('policy-source'),
    {
      ...spec('working-directory'),
      description:
        'Directory, relative to the workspace, that report paths and globs are resolved against. Default: `.`.',
    },
    {
      ...spec('if-missing'),
      description:
        'When a report does not exist: `fail` (error verdict), `warn` or `skip`. When set here it applies to every gate and wins over the config file; otherwise the config file may set it per gate. Default: `fail`.',
    },
    {
      ...spec('allow-unsafe'),
      description:
        "On pull_request_target, run the gates even when the workspace holds the PR's own code (its head or merge commit, a `pull/<n>` ref or its head branch): untrusted files read with a privileged token. A step input only, never the config file. Default: false.",
    },
    {
      ...spec('github-token'),
      description:
        "Token for the GitHub API (changed lines and the base commit's config file without history, PR size labels, KPIs). Default: the workflow token.",
    },
  ];
}

export function run(gates: readonly AnyGate[] = GATES): Promise<unknown> {
  return runGatesAction(gates, {
    extraInputs: umbrellaInputs(gates),
    select: selectConfiguredGates,
    heading: 'aeef/gates',
    suite: gates,
  });
}
