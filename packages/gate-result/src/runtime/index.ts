/** The runtime edge: the only code that touches @actions/core, env, files, git and the exit code. */
export {
  runGateAction,
  runGatesAction,
  buildRunnerContext,
  RUNTIME_INPUTS,
  type RunGatesOptions,
  type RunnerContext,
} from './action.js';
export { executeGate, type ExecuteOptions } from './run-gate.js';
export { publishResults, failureLine, type PublishOptions } from './publish.js';
export { createLocalIO, defaultResultDir, type LocalIOOptions } from './local-io.js';
export { readFileSafe, decodeReport, resolveInside, DEFAULT_MAX_BYTES } from './fs-safe.js';
export { globFiles } from './glob-files.js';
export { createCoreLogger, createConsoleLogger } from './logger.js';
export { writeResultFile, resultFilePath } from './result-file.js';
export { readRunnerInputs, type RunnerInputs } from './runner-inputs.js';
export { createGitHubClient, type GitHubClientOptions } from './github-client.js';
