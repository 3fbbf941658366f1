/**
 * Format detection by content, never by file name (a `coverage.xml` may be Cobertura or Clover, a
 * `.json` may be a coverage map, a summary or a jest report). Cheap: it looks at the first
 * significant characters and, for XML and JSON, at the root shape after parsing.
 */
import { ReportError } from '@aeef/gate-result';

/** What the first characters say; JSON and XML are refined after parsing. */
export type TextKind = 'json' | 'xml' | 'lcov' | 'go-coverprofile' | 'unknown';

export const SUPPORTED_FORMATS =
  'istanbul coverage-final.json, jest --json coverageMap, istanbul coverage-summary.json, lcov, Cobertura XML, Clover XML';

const LCOV_FIRST = /^(?:TN|SF|VER):/;

/** Strips a UTF-8 BOM (coverlet writes one). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The first non-blank line that is not an lcov `#` comment, up to 200 characters. */
function firstSignificantLine(text: string): string {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, Math.min(end, start + 200)).trim();
    if (line !== '' && !line.startsWith('#')) return line;
    start = end + 1;
  }
  return '';
}

/** Classifies report text by its first significant characters. */
export function detectTextKind(text: string): TextKind {
  const line = firstSignificantLine(text);
  if (line.startsWith('{')) return 'json';
  if (line.startsWith('<')) return 'xml';
  if (line.startsWith('mode:')) return 'go-coverprofile';
  if (LCOV_FIRST.test(line)) return 'lcov';
  return 'unknown';
}

/** The clear refusal for a format we recognise but do not read. */
export function unsupportedFormat(file: string, detected: string): ReportError {
  return new ReportError(
    file,
    `${file}: unsupported format (${detected} detected); supported: ${SUPPORTED_FORMATS}.`,
  );
}

/** The refusal for text that is no coverage format at all. */
export function unrecognisedFormat(file: string): ReportError {
  return new ReportError(
    file,
    `${file} is not a coverage report this gate recognises; supported: ${SUPPORTED_FORMATS}.`,
  );
}
