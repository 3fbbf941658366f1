/**
 * `allow` entries: `selector: reason`. A selector names an operation (`sql:drop-index`,
 * `command:*`) or is a glob of the object (`legacy_*`, `aws_s3_bucket.scratch`). A matching finding
 * becomes information, with the reason in the summary; an entry without a reason is refused, so
 * every exception says why.
 */
import { InputError } from '@aeef/gate-result';

export interface AllowEntry {
  selector: string;
  reason: string;
  matches(finding: { category: string; operation: string; object: string }): boolean;
}

const MAX_ENTRIES = 200;
const OPERATION = /^([a-z]+):([a-z*][a-z0-9*-]*)$/;

function globRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

export function parseAllow(text: string): AllowEntry[] {
  const entries: AllowEntry[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim().replace(/^-\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    // The selector ends at the first `: ` (an operation selector holds a `:` without a space).
    const split = line.search(/:\s/);
    const selector = (split < 0 ? line : line.slice(0, split)).trim().replace(/^["']|["']$/g, '');
    const reason = split < 0 ? '' : line.slice(split + 1).trim();
    if (selector === '' || reason === '') {
      throw new InputError(
        'allow',
        `Expected each \`allow\` entry to be \`selector: reason\` (e.g. \`sql:drop-index: rebuilt concurrently in the next migration\`), got line ${index + 1} \`${line.slice(0, 80).replace(/`/g, "'")}\` without a reason.`,
      );
    }
    if (selector.length > 200)
      throw new InputError(
        'allow',
        `An \`allow\` selector is longer than 200 characters (line ${index + 1}).`,
      );
    const op = OPERATION.exec(selector);
    let matches: AllowEntry['matches'];
    if (op) {
      const [, category = '', operation = ''] = op;
      const opRe = globRegExp(operation);
      matches = (f) => f.category === category && opRe.test(f.operation);
    } else {
      const objectRe = globRegExp(selector);
      matches = (f) => objectRe.test(f.object);
    }
    entries.push({ selector, reason, matches });
    if (entries.length > MAX_ENTRIES)
      throw new InputError('allow', `\`allow\` holds more than ${MAX_ENTRIES} entries.`);
  }
  return entries;
}
