/**
 * Validation against the official SARIF 2.1.0 JSON schema (2.1.0-rtm.5, as shipped by Microsoft's
 * `@microsoft/jest-sarif`), compiled once by ajv. Every producer gets the same check: a log that
 * claims to be CodeQL is validated like any other (B25).
 */
import ajvDraft04, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import { ReportError } from '@aeef/gate-result';
import type { Log } from 'sarif';
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json' with { type: 'json' };

let compiled: ValidateFunction | undefined;

/**
 * Formats (`uri`, `date-time`) are not asserted: real scanners write Windows paths and odd URIs
 * that GitHub accepts; URIs are judged by the path policy instead (see uri.ts). `unicodeRegExp`
 * is off because the schema's own `language` pattern is not valid under the `u` flag.
 */
function validator(): ValidateFunction {
  // CommonJS interop: the class is both the module and its own `default`, under Node and esbuild.
  const Ajv = ajvDraft04.default;
  compiled ??= new Ajv({
    strict: false,
    allErrors: false,
    validateFormats: false,
    unicodeRegExp: false,
  }).compile(sarifSchema);
  return compiled;
}

/** Checks the version first, so a SARIF 1.0 or 2.0 draft log gets a clear unsupported-version error. */
export function validateSarif(value: unknown, file: string): Log {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ReportError(
      file,
      `${file} is not a SARIF log: expected a JSON object with "version" and "runs".`,
    );
  }
  const version = (value as { version?: unknown }).version;
  if (version === undefined || !Array.isArray((value as { runs?: unknown }).runs)) {
    throw new ReportError(
      file,
      `${file} is not a SARIF log: expected a JSON object with "version" and "runs".`,
    );
  }
  if (version !== '2.1.0') {
    const shown = typeof version === 'string' ? version.slice(0, 20) : typeof version;
    throw new ReportError(
      file,
      `${file} is SARIF version ${JSON.stringify(shown)}, which is not supported; expected "2.1.0" (convert older logs with the SARIF multitool).`,
    );
  }
  const validate = validator();
  if (!validate(value)) {
    throw new ReportError(file, `${file} is not valid SARIF 2.1.0: ${describeError(validate.errors?.[0])}.`);
  }
  return value as Log;
}

/** One error as "JSON path: what was expected", with report-derived parts shortened. */
function describeError(error: ErrorObject | undefined): string {
  if (!error) return 'the schema rejected it';
  const path = error.instancePath === '' ? '/' : error.instancePath.slice(0, 200);
  const params = error.params as Record<string, unknown>;
  let detail = error.message ?? 'is invalid';
  if (Array.isArray(params.allowedValues)) detail += ` (${params.allowedValues.map(String).join(', ')})`;
  if (typeof params.additionalProperty === 'string') {
    detail += ` ("${params.additionalProperty.slice(0, 60)}")`;
  }
  return `${path} ${detail}`;
}
