/**
 * Reads `semgrep --test` annotations the way both of Semgrep's test runners do: the annotation is a
 * comment alone on its line, and the finding is expected on the next line. Only the comment syntaxes
 * both runners read are accepted: `semgrep --test` (semgrep/test.py: `#`, `//`, `<!--`, `(*`) and
 * `semgrep --experimental --test` (src/osemgrep/cli_test/Test_annotation.ml, which also reads C block
 * comments). Real Semgrep 1.150.0 showed the difference: a `ruleid:` annotation in a C block comment
 * in SQL passes the second and is ignored by the first, and `-- ruleid:` is ignored by both. Mirroring that offline catches test
 * files that Semgrep would silently ignore.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Annotation kinds Semgrep understands. */
export type AnnotationKind = 'ruleid' | 'ok' | 'todoruleid' | 'todook';

/** One annotation: which rule, what is expected, and where. */
export interface Annotation {
  kind: AnnotationKind;
  ruleId: string;
  /** 1-based line of the comment itself; Semgrep expects the finding on `line + 1`. */
  line: number;
}

/** A line that looks like an annotation but that Semgrep would not read as one. */
export interface AnnotationDefect {
  line: number;
  message: string;
}

const COMMENT_SYNTAXES: readonly (readonly [string, string | undefined])[] = [
  ['#', undefined],
  ['//', undefined],
  ['<!--', '-->'],
  ['(*', '*)'],
];
const ANNOTATION = /^(ruleid|ok|todoruleid|todook):(.*)$/;
const MAYBE_ANNOTATION = /\b(?:ruleid|ok|todoruleid|todook):/;
const MUST_BE_ANNOTATION = /\b(?:ruleid|todoruleid|todook):/;

/** Strips one of Semgrep's comment syntaxes from a trimmed line, or returns undefined. */
function stripComment(line: string): string | undefined {
  for (const [prefix, suffix] of COMMENT_SYNTAXES) {
    if (!line.startsWith(prefix)) continue;
    const rest = line.slice(prefix.length);
    return suffix && rest.endsWith(suffix) ? rest.slice(0, -suffix.length) : rest;
  }
  return undefined;
}

/** Parses the annotations of one test file, and the lines Semgrep would misread. */
export function parseAnnotations(text: string): { annotations: Annotation[]; defects: AnnotationDefect[] } {
  const lines = text.split(/\r?\n/);
  const annotations: Annotation[] = [];
  const defects: AnnotationDefect[] = [];
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (!MAYBE_ANNOTATION.test(raw)) return;
    const body = stripComment(raw.trim());
    if (body === undefined) {
      if (MUST_BE_ANNOTATION.test(raw)) {
        defects.push({ line, message: 'annotation must be alone on its line in a comment syntax Semgrep reads (#, //, <!-- -->, (* *))' });
      }
      return;
    }
    const match = ANNOTATION.exec(body.trim());
    if (!match) return;
    const ids = (match[2] ?? '').split(',').map((id) => id.trim());
    for (const ruleId of ids) {
      if (ruleId === '') {
        defects.push({ line, message: 'annotation names no rule id' });
        continue;
      }
      annotations.push({ kind: match[1] as AnnotationKind, ruleId, line });
    }
    const next = lines[index + 1];
    if (next === undefined || next.trim() === '' || ANNOTATION.test(stripComment(next.trim())?.trim() ?? '')) {
      defects.push({ line, message: 'annotation must be followed by the code it describes on the next line' });
    }
  });
  return { annotations, defects };
}

/** Removes every extension, as Semgrep's `Fpath.rem_ext ~multi:true` does (`a.test.yaml` -> `a`). */
function stemOf(fileName: string): string {
  const dot = fileName.indexOf('.');
  return dot <= 0 ? fileName : fileName.slice(0, dot);
}

/**
 * The test targets `semgrep --test` pairs with a rule file: siblings with the same stem, except the
 * rule file itself and autofix `.fixed.` files.
 */
export function findTestTargets(ruleFile: string): string[] {
  const directory = dirname(ruleFile);
  const ruleName = basename(ruleFile);
  const stem = stemOf(ruleName);
  return readdirSync(directory)
    .filter((name) => name !== ruleName && stemOf(name) === stem && !name.split('.').includes('fixed'))
    .sort()
    .map((name) => join(directory, name));
}
