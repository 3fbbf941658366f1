/** The `--help` text: the flags, exit codes and precedence, kept in step with docs/cli.md. */

/** Help for `aeef-gates`, listing the gates this build knows. */
export function helpText(gateIds: readonly string[]): string {
  return `Usage: aeef-gates [gate...] [options]

Runs the aeef/gates quality gates on local reports, with the same config file, the same
inputs and the same verdicts as the GitHub Actions.

Gates: ${gateIds.join(', ')}
  Without gate arguments, the config file's \`gates:\` list runs.

Options:
  --config <file>              Config file (must exist). Default: .github/aeef-gates.yml
                               in the current directory, when present.
  -C, --working-directory <dir>
                               Directory that report paths and globs resolve against.
                               Default: the current directory.
  --set <gate>.<input>=<value> Set a gate input (repeatable). Wins over the config file,
                               which wins over the defaults.
  --base <ref>                 Diff against <ref> (git diff <merge-base>...HEAD) so that
                               patch metrics are measured. Without it they are not measured.
                               The config file as it is at <ref> is then the policy.
  --policy-source <base|head>  Which config file is the policy: <ref>'s (base, the default
                               with --base) or the working tree's (head, the default without).
  --json                       Print the results as a JSON array of GateResult.
  --color, --no-color          Colour the summary. Default: when stdout is a terminal and
                               NO_COLOR is unset.
  --result-dir <dir>           Keep the result files (<gate>.json) there. Default: a
                               temporary directory, removed at the end.
  -h, --help                   Show this help.
  --version                    Show the version.

Exit codes: 0 pass or warn, 1 a gate failed or could not decide, 2 usage error.

Examples:
  aeef-gates                                  # the gates of .github/aeef-gates.yml
  aeef-gates coverage --set coverage.min-lines=90
  aeef-gates coverage --base origin/main      # also the coverage of the changed lines,
                                              # judged by origin/main's config file
`;
}
