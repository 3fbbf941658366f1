/**
 * Which result files in the result directory a gate of this job wrote. The runtime appends
 * `<sha256>\t<job>\t<file>` to the directory's ledger each time it writes a result file
 * (packages/gate-result/src/runtime/result-file.ts); a file is this job's when a line names it
 * with its digest and this job. Anything else there (copied, extracted from another job's
 * artifact, planted by a build step, edited after the gate wrote it) is reported, not exported.
 * A step of the same job that means harm can write the ledger too: this guards against accidents
 * and foreign files, not against code the job itself runs.
 */
import { createHash } from 'node:crypto';

/** The ledger's name in the result directory; the runtime writes it under the same name. */
export const RESULT_LEDGER = '.aeef-gates-written.tsv';
/** A ledger larger than this is not one the gates wrote (20,000 writes take about 2 MiB). */
export const MAX_LEDGER_BYTES = 16 * 1024 * 1024;

export interface Ledger {
  /** `file\0digest` of every write recorded for this job. */
  written: Set<string>;
}

/** Reads the ledger's lines; lines of other jobs (or unknown shape) are ignored. */
export function parseLedger(text: string, job: string | undefined): Ledger {
  const written = new Set<string>();
  for (const line of text.split('\n')) {
    const [digest, owner, file, extra] = line.split('\t');
    if (digest === undefined || owner === undefined || file === undefined || extra !== undefined) continue;
    if (!/^[0-9a-f]{64}$/.test(digest)) continue;
    // Without a job identity (tests, a runtime that could not read one) any job's line counts.
    if (job !== undefined && owner !== job) continue;
    written.add(`${file}\0${digest}`);
  }
  return { written };
}

/** True when a gate of this job wrote exactly this text under this file name. */
export function isWrittenByGate(ledger: Ledger, fileName: string, text: string): boolean {
  const digest = createHash('sha256').update(text, 'utf8').digest('hex');
  return ledger.written.has(`${fileName}\0${digest}`);
}
