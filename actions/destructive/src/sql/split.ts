/**
 * Splits SQL text into statements at top-level semicolons, so a statement the parser cannot read
 * is reported alone and the rest are still judged. A lexer, not a parser: it only knows where
 * comments (`--`, `#` for MySQL, nested `/* *\/`), quoted strings and identifiers (`'...'`, `"..."`,
 * `` `...` ``, `[...]` for SQL Server) and PostgreSQL dollar quotes (`$tag$...$tag$`) begin and end,
 * so a `;` inside them does not split.
 */
export interface SqlChunk {
  /** Character offset of the statement's first non-blank, non-comment character. */
  start: number;
  /** Character offset just past the statement (before its `;`). */
  end: number;
  text: string;
}

export interface SplitOptions {
  /** `#` starts a comment (MySQL, MariaDB). */
  hashComments?: boolean;
  /** `[ident]` quotes an identifier (SQL Server). */
  bracketIdentifiers?: boolean;
  /** `$tag$ ... $tag$` quotes a string (PostgreSQL). */
  dollarQuotes?: boolean;
}

const DOLLAR_TAG = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/;

export function splitStatements(sql: string, options: SplitOptions = {}): SqlChunk[] {
  const chunks: SqlChunk[] = [];
  let start = -1; // first significant character of the current statement
  let i = 0;
  const n = sql.length;
  const close = (end: number): void => {
    if (start >= 0) chunks.push({ start, end, text: sql.slice(start, end) });
    start = -1;
  };
  while (i < n) {
    const c = sql[i] ?? '';
    const next = sql[i + 1] ?? '';
    if (c === '-' && next === '-') {
      const eol = sql.indexOf('\n', i);
      i = eol < 0 ? n : eol + 1;
      continue;
    }
    if (c === '#' && options.hashComments) {
      const eol = sql.indexOf('\n', i);
      i = eol < 0 ? n : eol + 1;
      continue;
    }
    if (c === '/' && next === '*') {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (sql[i] === '*' && sql[i + 1] === '/') {
          depth--;
          i += 2;
        } else if (sql[i] === '/' && sql[i + 1] === '*') {
          depth++;
          i += 2;
        } else i++;
      }
      continue;
    }
    if (c === ';') {
      close(i);
      i++;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (start < 0) start = i;
    if (c === "'" || c === '"' || c === '`' || (c === '[' && options.bracketIdentifiers)) {
      const quote = c === '[' ? ']' : c;
      i++;
      while (i < n) {
        if (sql[i] === '\\' && c === "'" && options.hashComments) {
          i += 2; // MySQL's backslash escapes
          continue;
        }
        if (sql[i] === quote) {
          if (sql[i + 1] === quote) {
            i += 2; // doubled quote
            continue;
          }
          break;
        }
        i++;
      }
      i++;
      continue;
    }
    if (c === '$' && options.dollarQuotes) {
      const tag = DOLLAR_TAG.exec(sql.slice(i, i + 66))?.[0];
      if (tag !== undefined) {
        const endTag = sql.indexOf(tag, i + tag.length);
        i = endTag < 0 ? n : endTag + tag.length;
        continue;
      }
    }
    i++;
  }
  close(n);
  return chunks;
}

/** 1-based line of each character offset, by binary search over the line starts. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
