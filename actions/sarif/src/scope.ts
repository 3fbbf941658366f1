/**
 * Which findings the gate looks at: `ignore-rules`, then `include`/`exclude` path globs. A finding
 * without a workspace path cannot be proven outside `include`, so it stays in scope (fail closed).
 */
import { compileMatcher } from '@aeef/gate-result';
import type { SarifConfig } from './config.js';
import type { SarifFinding, ScopeVerdict } from './model.js';

/** A classifier for findings under the config's scope inputs. */
export function scopeOf(
  config: Pick<SarifConfig, 'include' | 'exclude' | 'ignoreRules'>,
): (f: SarifFinding) => ScopeVerdict {
  const ignored = new Set(config.ignoreRules);
  const include = config.include.length > 0 ? compileMatcher(config.include, 'include') : () => true;
  const exclude = config.exclude.length > 0 ? compileMatcher(config.exclude, 'exclude') : () => false;
  return (finding) => {
    if (ignored.has(finding.ruleId)) return 'ignored-rule';
    if (finding.path === undefined) return 'in';
    if (!include(finding.path)) return 'excluded';
    if (exclude(finding.path)) return 'excluded';
    return 'in';
  };
}
