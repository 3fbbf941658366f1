/**
 * Parsed-size budgets for the text formats that are not JSON (XML, lcov): one indexOf pass counts
 * the tokens that each become an object once parsed, and stops before the parser builds them.
 * Figures measured on the coverage parsers: 1 million XML elements take about 0.8 GB of memory,
 * 2 million lcov lines about 0.2 GB.
 */
import { ReportError } from '../errors.js';

/** `<` characters (elements, comments, declarations) of one XML report. */
export const XML_MAX_TAGS = 1_000_000;
/** Lines of one lcov report. */
export const LCOV_MAX_LINES = 10_000_000;

/** Throws `ReportError` when `token` occurs more than `max` times in `text`. */
export function assertTokenBudget(
  text: string,
  file: string,
  token: string,
  max: number,
  what: string,
): void {
  let count = 0;
  for (let i = text.indexOf(token); i !== -1; i = text.indexOf(token, i + 1)) {
    if (++count > max) {
      throw new ReportError(
        file,
        `The report ${file} holds more than ${max.toLocaleString('en')} ${what}, over the parsed-size limit; a report this large is refused rather than risk exhausting memory.`,
      );
    }
  }
}
