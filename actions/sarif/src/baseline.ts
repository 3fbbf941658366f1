/**
 * `new-only: baseline`: a finding is old when the base branch's SARIF has the same finding. Tried
 * in order of strength: `partialFingerprints`, then `fingerprints`, then rule + path + normalised
 * snippet, then rule + path + normalised message. The summary reports how many matched each way,
 * so a weak match (message text) is visible rather than silent. The text fallbacks apply only to
 * findings without fingerprints: a fingerprinted finding whose fingerprints the base lacks is new.
 */
import type { SarifFinding } from './model.js';

export type MatchKind = 'partialFingerprints' | 'fingerprints' | 'snippet' | 'message';

export const MATCH_KINDS: readonly MatchKind[] = [
  'partialFingerprints',
  'fingerprints',
  'snippet',
  'message',
];

export interface BaselineMatch {
  /** For each current finding (same order): how it matched, or undefined when new. */
  matches: (MatchKind | undefined)[];
  counts: Record<MatchKind, number>;
}

/** Whitespace runs collapsed and trimmed, so re-indentation does not make a finding new. */
function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function fingerprintKeys(finding: SarifFinding, map: Record<string, string>): string[] {
  return Object.entries(map).map(
    ([name, value]) => `${finding.tool}\u0000${finding.ruleId}\u0000${name}\u0000${value}`,
  );
}

function fallbackKey(finding: SarifFinding, kind: 'snippet' | 'message'): string | undefined {
  const text = kind === 'snippet' ? finding.snippet : finding.message;
  if (text === undefined) return undefined;
  const where = finding.path ?? finding.locationText ?? '';
  return `${finding.ruleId}\u0000${where}\u0000${normalise(text)}`;
}

/** Counts how many times each key occurs, so two identical old findings excuse at most two new ones. */
function tally(keys: Iterable<string | undefined>): Map<string, number> {
  const map = new Map<string, number>();
  for (const key of keys) if (key !== undefined) map.set(key, (map.get(key) ?? 0) + 1);
  return map;
}

function take(map: Map<string, number>, key: string | undefined): boolean {
  if (key === undefined) return false;
  const left = map.get(key) ?? 0;
  if (left === 0) return false;
  map.set(key, left - 1);
  return true;
}

function hasFingerprints(finding: SarifFinding): boolean {
  return Object.keys(finding.partialFingerprints).length > 0 || Object.keys(finding.fingerprints).length > 0;
}

/** Matches current findings against the baseline's; pure. */
export function matchBaseline(
  current: readonly SarifFinding[],
  baseline: readonly SarifFinding[],
): BaselineMatch {
  const partial = new Set(baseline.flatMap((f) => fingerprintKeys(f, f.partialFingerprints)));
  const full = new Set(baseline.flatMap((f) => fingerprintKeys(f, f.fingerprints)));
  const snippets = tally(baseline.map((f) => fallbackKey(f, 'snippet')));
  const messages = tally(baseline.map((f) => fallbackKey(f, 'message')));
  const counts: Record<MatchKind, number> = {
    partialFingerprints: 0,
    fingerprints: 0,
    snippet: 0,
    message: 0,
  };
  const matches = current.map((finding): MatchKind | undefined => {
    let kind: MatchKind | undefined;
    if (fingerprintKeys(finding, finding.partialFingerprints).some((k) => partial.has(k)))
      kind = 'partialFingerprints';
    else if (fingerprintKeys(finding, finding.fingerprints).some((k) => full.has(k))) kind = 'fingerprints';
    else if (hasFingerprints(finding)) kind = undefined;
    else if (take(snippets, fallbackKey(finding, 'snippet'))) kind = 'snippet';
    else if (take(messages, fallbackKey(finding, 'message'))) kind = 'message';
    if (kind) counts[kind]++;
    return kind;
  });
  return { matches, counts };
}
