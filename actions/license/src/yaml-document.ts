/**
 * YAML reports (pnpm-lock.yaml, berry yarn.lock) through the suite's bounded YAML reader: the last
 * document of a stream (pnpm writes an environment document first), under its character, token and
 * alias budgets, duplicate keys refused, any error fatal.
 */
import { parseLastYamlDocument as readLast } from '@aeef/gate-result';

/** The last document as plain data; throws ReportError with the line on any error or budget. */
export function parseLastYamlDocument(text: string, file: string): unknown {
  return readLast(text, file);
}
