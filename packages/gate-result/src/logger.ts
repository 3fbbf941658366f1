/**
 * Loggers that can carry report text safely: every line passes through `safeLogLine`, because the
 * toolkit's `core.info` writes its argument to stdout as is, where a `::` line is a command.
 */
import type { Logger } from './gate.js';
import { safeLogLine } from './escape.js';

export type LogLevel = 'info' | 'warning' | 'debug';

/** A logger over any line sink (stdout, stderr, core); each line of a message is made safe. */
export function createSafeLogger(write: (level: LogLevel, line: string) => void): Logger {
  const emit = (level: LogLevel, message: string): void => {
    for (const line of message.split(/\r\n|\r|\n/)) write(level, safeLogLine(line));
  };
  return {
    info: (m) => emit('info', m),
    warning: (m) => emit('warning', m),
    debug: (m) => emit('debug', m),
  };
}

export interface RecordingLogger extends Logger {
  readonly lines: { level: LogLevel; line: string }[];
}

/** A logger that records safe lines, for tests and for replaying into a summary. */
export function createRecordingLogger(): RecordingLogger {
  const lines: { level: LogLevel; line: string }[] = [];
  return Object.assign(
    createSafeLogger((level, line) => lines.push({ level, line })),
    { lines },
  );
}
