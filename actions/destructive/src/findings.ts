/** One destructive operation found in the change, as every check reports it. */
export const CATEGORIES = ['sql', 'command', 'terraform', 'kubernetes'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface DestructiveFinding {
  category: Category;
  /** `drop-table`, `kubectl-delete`, `delete`, ... */
  operation: string;
  /** What it destroys: `users.email`, `aws_db_instance.main`, `$BUILD_DIR`. */
  object: string;
  file: string;
  line?: number;
  /** Why it is destructive, one clause (`drops a table and every row in it`). */
  why: string;
  /** The statement or command, shortened (raw; renderers escape). */
  text?: string;
  /** Set when an `allow` entry made it information: the entry's selector and reason. */
  allowed?: { selector: string; reason: string };
}

const MAX_TEXT = 160;

export function shorten(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > MAX_TEXT ? `${one.slice(0, MAX_TEXT - 1)}…` : one;
}
