/**
 * YAML reports (pnpm-lock.yaml, berry yarn.lock) parsed safely: the last document of a stream
 * (pnpm writes an environment document first), alias expansion capped, any error fatal.
 */
import { ReportError } from '@aeef/gate-result';
import { parseAllDocuments } from 'yaml';

/** The last document as plain data; throws ReportError with the parser's position on any error. */
export function parseLastYamlDocument(text: string, file: string): unknown {
  const docs = parseAllDocuments(text, { uniqueKeys: true });
  if (!Array.isArray(docs)) throw new ReportError(file, `${file} holds no YAML document.`);
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error !== undefined)
      throw new ReportError(file, `${file} is not valid YAML (${error.message.split('\n')[0]}).`);
  }
  const last = docs[docs.length - 1];
  if (last === undefined) throw new ReportError(file, `${file} holds no YAML document.`);
  return last.toJS({ maxAliasCount: 100 }) as unknown;
}
