/**
 * Security severity: `properties.security-severity` (result first, then rule), a CVSS-like score
 * 0.0-10.0, mapped to GitHub code scanning's bands. An unreadable score is an error, not a silent
 * "no severity": a typo in a rule pack must not switch the severity bar off.
 */
import { ReportError } from '@aeef/gate-result';

export type SeverityBand = 'critical' | 'high' | 'medium' | 'low';

/** Ordered from the lowest; `none` as a bar means the severity bar is off. */
export const SEVERITY_BANDS: readonly SeverityBand[] = ['low', 'medium', 'high', 'critical'];

const DECIMAL = /^\d{1,2}(\.\d{1,6})?$/;

/** GitHub's bands: critical >= 9.0, high >= 7.0, medium >= 4.0, low > 0; 0 has no band. */
export function bandOf(score: number): SeverityBand | undefined {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return undefined;
}

/**
 * Reads a `security-severity` value: a number or a decimal string from 0 to 10. `undefined` when
 * absent; throws `ReportError` naming the file and rule for anything else.
 */
export function parseSecuritySeverity(value: unknown, file: string, ruleId: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const score = DECIMAL.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(score) || score < 0 || score > 10) {
    const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 20)) : typeof value;
    throw new ReportError(
      file,
      `${file}: rule ${ruleId.slice(0, 80)} has properties.security-severity ${shown}; expected a number from 0.0 to 10.0.`,
    );
  }
  return score;
}
