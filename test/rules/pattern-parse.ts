/**
 * A Semgrep code pattern must parse as code of the rule's language once its Semgrep-only syntax is
 * replaced (Semgrep rejects the rule otherwise). For JavaScript/TypeScript and YAML we have real
 * parsers at hand, so those patterns are parsed for real; other languages get the bracket and quote
 * checks only.
 */
import ts from 'typescript';
import { parseDocument } from 'yaml';

const JS_LANGUAGES = new Set(['javascript', 'js', 'typescript', 'ts']);
const ELLIPSIS = /\.\.\./g;
const DEEP_OPEN = /<\.\.\./g;
const DEEP_CLOSE = /\.\.\.>/g;

/** Rewrites Semgrep's `...`, `<... e ...>` and `$...X` into plain JavaScript placeholders. */
function toJavaScript(pattern: string): string {
  return pattern
    .replace(/\$\.\.\.([A-Z_])/g, '$$$1')
    .replace(DEEP_OPEN, '(')
    .replace(DEEP_CLOSE, ')')
    .replace(ELLIPSIS, '__semgrep_ellipsis');
}

function firstTypeScriptError(source: string): string | undefined {
  const file = ts.createSourceFile('pattern.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  // parseDiagnostics is internal but stable; it holds the syntax errors of the file just parsed.
  const diagnostics = (file as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics;
  const first = diagnostics?.[0];
  return first ? ts.flattenDiagnosticMessageText(first.messageText, ' ') : undefined;
}

/**
 * Returns the parser's first complaint about a code pattern in `language`, or undefined when it parses
 * (or when no parser is available for the language).
 */
export function findPatternParseError(pattern: string, language: string): string | undefined {
  if (JS_LANGUAGES.has(language)) {
    const source = toJavaScript(pattern);
    // A bare object literal at statement start would parse as a block, so also try it as an expression.
    const error = firstTypeScriptError(source);
    return error === undefined || firstTypeScriptError(`(${source}\n)`) === undefined ? undefined : error;
  }
  if (language === 'yaml') {
    // A line that is only `...` is Semgrep's "any other keys"; in YAML it would end the document.
    const source = pattern.replace(/^([ \t]*)\.\.\.[ \t]*$/gm, '$1__semgrep_ellipsis: __');
    const [first] = parseDocument(source, { uniqueKeys: false }).errors;
    return first?.message.split('\n')[0];
  }
  return undefined;
}
