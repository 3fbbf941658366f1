/**
 * What the size gate measures, independent of where it was counted, so evaluate() judges a git
 * count and an API count the same way.
 */

/** One changed file as counted by git or listed by the API. */
export interface DiffFile {
  /** Repository-relative POSIX path in the head (the old path for deletions). */
  path: string;
  /** The old path of a rename. */
  previousPath?: string;
  additions: number;
  deletions: number;
  /** git's `-\t-` or an API entry without line counts for a binary blob. */
  binary: boolean;
}

export type ExclusionReason = 'binary' | 'lockfile' | 'linguist-generated' | 'linguist-vendored' | 'ignore';

export interface ExcludedFile extends DiffFile {
  reason: ExclusionReason;
}

/** Why an API count cannot be trusted as complete: it then counts as over the limit. */
export interface Incompleteness {
  /** One sentence for the summary. */
  reason: string;
  /** The PR's own totals, an upper bound used for the metrics. */
  additions: number;
  deletions: number;
  changedFiles: number;
}

/** How `linguist-*` attributes were applied, said in the summary. */
export type AttributesSource = 'git check-attr' | 'root .gitattributes (API)' | 'not applied';

export interface SizeModel {
  source: 'git' | 'api';
  /** What was compared, for the summary (`abc1234...def5678` or `PR #7`). */
  range: string;
  files: DiffFile[];
  /** Per path: the linguist attributes that are set. */
  attributes: ReadonlyMap<string, { generated: boolean; vendored: boolean }>;
  attributesSource: AttributesSource;
  /** Set when the count cannot be complete; the verdict is then `fail`. */
  incomplete?: Incompleteness;
  /** Notes for the summary (e.g. why the API was used instead of git). */
  notes: string[];
}
