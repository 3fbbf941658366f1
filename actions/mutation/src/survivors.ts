/**
 * Annotations for the undetected mutants on the PR's changed lines: what was changed into what,
 * so the author sees which behaviour no test pins down. The library ranks and caps them.
 */
import type { Finding, FindingLevel } from '@aeef/gate-result';
import type { ChangedMutant } from './changed-mutants.js';

const MAX_REPLACEMENT = 120;

/** One line, at most 120 characters: replacements can be whole blocks of code. */
export function shortReplacement(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_REPLACEMENT ? `${line.slice(0, MAX_REPLACEMENT)}…` : line;
}

function describeChange(changed: ChangedMutant): string {
  const { mutant } = changed;
  const replacement = mutant.replacement ?? mutant.description;
  return replacement === undefined
    ? mutant.mutatorName
    : `${mutant.mutatorName}: \`${shortReplacement(replacement)}\``;
}

/**
 * Survived mutants rank above NoCoverage ones (a test ran the line and still missed the change);
 * `level` is `error` when the changed-code check fails, else `warning`.
 */
export function survivorFindings(changed: readonly ChangedMutant[], level: FindingLevel): Finding[] {
  const findings: Finding[] = [];
  for (const entry of changed) {
    const { file, mutant } = entry;
    if (mutant.status !== 'Survived' && mutant.status !== 'NoCoverage') continue;
    const survived = mutant.status === 'Survived';
    findings.push({
      level,
      title: survived ? 'Mutant survived' : 'Mutant not covered by any test',
      message: survived
        ? `No test failed when this code was mutated (${describeChange(entry)}).`
        : `No test runs this code, so this mutation went unnoticed (${describeChange(entry)}).`,
      file: file.path,
      startLine: mutant.startLine,
      endLine: mutant.endLine,
      ruleId: mutant.mutatorName,
      rank: survived ? 2 : 1,
    });
  }
  return findings;
}
