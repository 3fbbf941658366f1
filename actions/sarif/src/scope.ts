/**
 * Which findings the gate looks at: `ignore-rules`, then `include`/`exclude` path globs. A finding
 * without a workspace path cannot be proven outside `include`, so it stays in scope (fail closed).
 */
import picomatch from 'picomatch';
import { InputError } from '@aeef/gate-result';
import type { SarifConfig } from './config.js';
import type { SarifFinding, ScopeVerdict } from './model.js';

const MAX_PATTERN_LENGTH = 500;

/** Compiled without extglobs (exponential on nesting) and with a length cap. */
function compile(patterns: readonly string[], input: string): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  for (const p of patterns) {
    if (p.length > MAX_PATTERN_LENGTH) {
      throw new InputError(
        input,
        `Expected \`${input}\` patterns of at most ${MAX_PATTERN_LENGTH} characters.`,
      );
    }
  }
  return picomatch([...patterns], { dot: true, noextglob: true });
}

/** A classifier for findings under the config's scope inputs. */
export function scopeOf(
  config: Pick<SarifConfig, 'include' | 'exclude' | 'ignoreRules'>,
): (f: SarifFinding) => ScopeVerdict {
  const ignored = new Set(config.ignoreRules);
  const include = compile(config.include, 'include');
  const exclude = compile(config.exclude, 'exclude');
  const hasInclude = config.include.length > 0;
  return (finding) => {
    if (ignored.has(finding.ruleId)) return 'ignored-rule';
    if (finding.path === undefined) return 'in';
    if (hasInclude && !include(finding.path)) return 'excluded';
    if (exclude(finding.path)) return 'excluded';
    return 'in';
  };
}
