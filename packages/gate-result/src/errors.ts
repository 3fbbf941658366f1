/**
 * Two error kinds. `ConfigError`: the user can fix it (a bad input, a missing or malformed report);
 * the runtime turns it into an `error` verdict with its one-sentence message. Anything else is a
 * bug: it also becomes `error`, with a message that says so.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** An input or config value is invalid. `input` is the kebab-case input name. */
export class InputError extends ConfigError {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(message);
  }
}

/** A report cannot be used: missing, empty, too large, outside the workspace, malformed. */
export class ReportError extends ConfigError {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * An invariant that only a bug can break (a schema our own output fails, git output in no format git
 * writes). The runtime reports it as an internal error to report, unlike a `ConfigError`; gates
 * throw this rather than a bare `Error`, which the linter refuses in actions/<gate>/src.
 */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}

/** The message of any thrown value, without stack or enumerable properties (which may hold headers). */
export function getErrorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return `unknown error of type ${typeof error}`;
}

/** Normalises any thrown value to an Error. */
export function wrapError(error: unknown): Error {
  return error instanceof Error ? error : new Error(getErrorMessage(error));
}

/**
 * The report does not exist (or a glob matched nothing). The runtime applies the user's
 * `if-missing` policy to this error only: a present but unusable report is always an error.
 */
export class MissingReportError extends ReportError {}

/**
 * A GitHub API call failed after retries. Extends `ConfigError` because the user fixes it (token,
 * permissions, rate limit). Carries only the status and a one-line message: never headers or bodies.
 * `status` is undefined for network failures, timeouts and an exhausted time budget.
 */
export class GitHubApiError extends ConfigError {
  constructor(
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
  }
}
