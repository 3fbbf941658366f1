/**
 * Validation against the schema that `mutation-testing-report-schema` ships (the one StrykerJS,
 * Stryker.NET, Stryker4s and the HTML report are built on), with two deliberate changes, both
 * documented in docs/mutation.md:
 * - `uniqueItems` on `mutants` is checked here in linear time (ajv compares every pair, which a
 *   report of 100,000 mutants turns into a hang); the semantics are the same.
 * - A numeric `schemaVersion` (Infection writes `1`) is read as the string the schema expects.
 */
import { Ajv, type ErrorObject } from 'ajv';
import { schema } from 'mutation-testing-report-schema';
import { ReportError } from '@aeef/gate-result';

type JsonObject = Record<string, unknown>;

/** The shipped schema without the quadratic `uniqueItems` (see the module comment). */
function withoutQuadraticChecks(original: unknown): JsonObject {
  const copy = structuredClone(original) as JsonObject;
  const files = (copy.properties as JsonObject).files as JsonObject;
  const file = files.additionalProperties as JsonObject;
  const mutants = (file.properties as JsonObject).mutants as JsonObject;
  delete mutants.uniqueItems;
  return copy;
}

let compiled: ReturnType<Ajv['compile']> | undefined;

function validator(): ReturnType<Ajv['compile']> {
  // Formats (`uri` of a branding homepage) are not checked: they never affect a score.
  compiled ??= new Ajv({ allErrors: false, strict: false, validateFormats: false }).compile(
    withoutQuadraticChecks(schema),
  );
  return compiled;
}

const MAX_PATH = 160;

/** `/files/src~1a.ts/mutants/3/status` → `files["src/a.ts"].mutants[3].status`, shortened. */
export function formatJsonPath(pointer: string): string {
  if (pointer === '') return '(the root object)';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const part = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out.length > MAX_PATH ? `${out.slice(0, MAX_PATH)}…` : out;
}

function describe(error: ErrorObject): string {
  const params = error.params as JsonObject;
  if (error.keyword === 'required') {
    const missing = String(params.missingProperty);
    const at = error.instancePath === '' ? '' : `${formatJsonPath(error.instancePath)}.`;
    return `${at}${missing} is required`;
  }
  const where = formatJsonPath(error.instancePath);
  if (error.keyword === 'enum') {
    const allowed = (params.allowedValues as unknown[]).map(String).join(', ');
    return `${where} must be one of ${allowed}`;
  }
  return `${where} ${error.message ?? 'is invalid'}`;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as JsonObject)[k], (b as JsonObject)[k]));
}

/** The schema's `uniqueItems` on each file's mutants: identical mutants share an id, so group by id. */
function assertUniqueMutants(report: JsonObject, file: string): void {
  const files = report.files as Record<string, { mutants: { id: string }[] }>;
  for (const [key, { mutants }] of Object.entries(files)) {
    const seen = new Map<string, number>();
    for (const [i, mutant] of mutants.entries()) {
      const first = seen.get(mutant.id);
      if (first === undefined) seen.set(mutant.id, i);
      else if (deepEqual(mutants[first], mutant)) {
        const path = formatJsonPath(`/files/${key.replaceAll('~', '~0').replaceAll('/', '~1')}/mutants`);
        throw new ReportError(
          file,
          `The report ${file} does not match mutation-testing-report-schema: ${path} must not have duplicate items (${first} and ${i}).`,
        );
      }
    }
  }
}

/**
 * Throws `ReportError` with the JSON path of the first violation. Mutates only a numeric
 * `schemaVersion`, into its string form.
 */
export function validateReport(report: unknown, file: string): void {
  if (typeof report === 'object' && report !== null && !Array.isArray(report)) {
    const version = (report as JsonObject).schemaVersion;
    if (typeof version === 'number' && Number.isFinite(version))
      (report as JsonObject).schemaVersion = String(version);
  }
  const validate = validator();
  if (!validate(report)) {
    const first = validate.errors?.[0];
    const reason = first ? describe(first) : 'the report is invalid';
    throw new ReportError(
      file,
      `The report ${file} does not match mutation-testing-report-schema: ${reason}.`,
    );
  }
  assertUniqueMutants(report as JsonObject, file);
}
