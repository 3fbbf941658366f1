/**
 * shields.io endpoint JSON, one per gate instance, written into the history branch as
 * `badges/<instance>.json` for README badges:
 * `https://img.shields.io/endpoint?url=https://raw.githubusercontent.com/<owner>/<repo>/<branch>/badges/coverage.json`.
 * Pure. Shields renders the label and message as text; they come from result files, so they are
 * clipped and carry no control characters.
 */
import { floor2, instanceKey, type Verdict } from '@aeef/gate-result';
import type { GateEntry } from './kpi-report.js';

export const BADGES_DIR = 'badges';

export interface ShieldsEndpoint {
  schemaVersion: 1;
  label: string;
  message: string;
  color: string;
}

const COLORS: Record<Verdict, string> = {
  pass: 'brightgreen',
  warn: 'yellow',
  fail: 'red',
  error: 'lightgrey',
};
const MAX_TEXT = 64;

const clean = (text: string): string => {
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return plain.length > MAX_TEXT ? `${plain.slice(0, MAX_TEXT - 1)}…` : plain;
};

/** `pass`, or with the deciding figure: the first failing metric with a bar, else the first with one. */
export function badgeOf(entry: Pick<GateEntry, 'gate' | 'name' | 'verdict' | 'metrics'>): ShieldsEndpoint {
  const barred = entry.metrics.filter((m) => m.threshold !== undefined && m.value !== null);
  const deciding = barred.find((m) => m.verdict === 'fail') ?? barred[0];
  const figure =
    deciding?.value == null
      ? ''
      : ` · ${deciding.id} ${floor2(deciding.value)}${deciding.unit === 'percent' ? '%' : ''}`;
  return {
    schemaVersion: 1,
    label: clean(instanceKey(entry)),
    message: clean(`${entry.verdict}${figure}`),
    color: COLORS[entry.verdict],
  };
}

/** `badges/` entries by file name: `coverage.json`, `coverage-web.json`. */
export function badgeFiles(gates: readonly GateEntry[]): Map<string, string> {
  return new Map(gates.map((g) => [`${instanceKey(g)}.json`, `${JSON.stringify(badgeOf(g))}\n`]));
}
