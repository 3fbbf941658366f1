/** The runner's log, through the safe logger (core.info does not escape workflow commands). */
import * as core from '@actions/core';
import type { Logger } from '../gate.js';
import { createSafeLogger } from '../logger.js';

/** Logs to the runner: info to stdout, warnings as warning annotations, debug only when enabled. */
export function createCoreLogger(): Logger {
  return createSafeLogger((level, line) => {
    if (level === 'info') core.info(line);
    else if (level === 'warning') core.warning(line);
    else core.debug(line);
  });
}

/** Plain stdout/stderr logging for the CLI and tests, still safe if it ends up in a runner log. */
export function createConsoleLogger(stream: { write(text: string): unknown } = process.stderr): Logger {
  return createSafeLogger((level, line) => {
    if (level !== 'debug' || process.env.RUNNER_DEBUG === '1') {
      stream.write(`${level === 'warning' ? 'warning: ' : ''}${line}\n`);
    }
  });
}
