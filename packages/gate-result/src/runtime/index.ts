/** The runtime edge: the only code that touches @actions/core, env, files, git and the exit code. */
export {
  runGateAction,
  runGatesAction,
  selectConfiguredGates,
  RUNTIME_INPUTS,
  type GateSelector,
  type RunGatesOptions,
} from './action.js';
export { buildRunnerContext, loadConfigFile, type RunnerContext } from './runner-context.js';
export { executeGate, type ExecuteOptions } from './run-gate.js';
export { publishResults, failureLine, type PublishOptions } from './publish.js';
export { appendJobSummary } from './job-summary.js';
export { createLocalIO, defaultResultDir, type LocalIOOptions } from './local-io.js';
export { readFileSafe, decodeReport, resolveInside, isInside, DEFAULT_MAX_BYTES } from './fs-safe.js';
export { globFiles } from './glob-files.js';
export { runGit } from './git.js';
export { createCoreLogger, createConsoleLogger } from './logger.js';
export { writeResultFile, resultFilePath, jobIdentity, RESULT_LEDGER } from './result-file.js';
export { readRunnerInputs, type RunnerInputs } from './runner-inputs.js';
export { createGitHubClient, type GitHubClientOptions } from './github-client.js';
export {
  loadPolicy,
  POLICY_SOURCE_INPUT,
  MAX_CONFIG_BYTES,
  type PolicyOptions,
  type LoadedPolicy,
} from './policy-source.js';
