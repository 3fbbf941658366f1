/**
 * The summary's tables: violations (with the dependency path), conflicting declarations of one
 * name@version, normalisations shown, the branch chosen for OR expressions, counts by license,
 * exceptions (used and unused), scopes and sources.
 */
import type { Section } from '@aeef/gate-result';
import type { LicenseConfig } from './config.js';
import type { Decision, Decisions } from './judge-packages.js';
import type { Inventory } from './model.js';

/** Rows kept per table; the rest are counted. */
export const MAX_ROWS = 200;

/** Builds every section of the summary, violations first. */
export function buildSections(
  decisions: Decisions,
  violations: readonly Decision[],
  inventories: readonly Inventory[],
  config: LicenseConfig,
  notes: readonly string[],
): Section[] {
  const sections: Section[] = [];
  if (violations.length > 0) {
    sections.push(
      table(
        'Violations',
        ['Package', 'Version', 'License', 'Why', 'Path from the root'],
        violations.map((d) => [
          d.pkg.name,
          d.pkg.version,
          'expression' in d.outcome ? d.outcome.expression.text : 'unknown',
          'why' in d.outcome ? d.outcome.why : '',
          d.pkg.path.join(' > '),
        ]),
      ),
    );
  }
  const conflicting = decisions.checked.filter((d) => d.conflicting !== undefined);
  if (conflicting.length > 0) {
    sections.push(
      table(
        'Conflicting license declarations',
        ['Package', 'Version', 'Declared', 'Judged by the strictest'],
        conflicting.map((d) => [
          d.pkg.name,
          d.pkg.version,
          (d.conflicting ?? []).map((c) => `${c.license} (${c.from})`).join('; '),
          d.outcome.status,
        ]),
      ),
    );
  }
  const normalised = decisions.checked.filter(
    (d) => 'expression' in d.outcome && d.outcome.expression.notes.length > 0,
  );
  if (normalised.length > 0) {
    sections.push(
      table(
        'Normalised licenses',
        ['Package', 'Version', 'Read as', 'How'],
        normalised.map((d) => [
          d.pkg.name,
          d.pkg.version,
          'expression' in d.outcome ? d.outcome.expression.text : '',
          'expression' in d.outcome ? d.outcome.expression.notes.join('; ') : '',
        ]),
      ),
    );
  }
  const chosen = decisions.checked.filter(
    (d) => d.outcome.status === 'allowed' && d.outcome.expression.branches.length > 1,
  );
  if (chosen.length > 0) {
    sections.push(
      table(
        'Choices made',
        ['Package', 'Version', 'License', 'Satisfied by'],
        chosen.map((d) => [
          d.pkg.name,
          d.pkg.version,
          d.outcome.status === 'allowed' ? d.outcome.expression.text : '',
          d.outcome.status === 'allowed' ? d.outcome.chosen : '',
        ]),
      ),
    );
  }
  sections.push(countsByLicense(decisions.checked));
  if (config.exceptions.length > 0) {
    sections.push(
      table(
        'Exceptions',
        ['Exception', 'Packages', 'Status'],
        [...decisions.exceptionUse].map(([e, pkgs]) => [
          e.line,
          pkgs.join(', '),
          pkgs.length > 0 ? 'used' : 'unused: matches no checked package',
        ]),
      ),
    );
  }
  sections.push({ title: 'Scope and sources', notes: scopeNotes(decisions, inventories, config, notes) });
  return sections;
}

function countsByLicense(checked: readonly Decision[]): Section {
  const counts = new Map<string, { n: number; status: string }>();
  for (const d of checked) {
    const o = d.outcome;
    const key = o.status === 'unknown' ? 'unknown' : o.status === 'excepted' ? o.license : o.expression.text;
    const entry = counts.get(key) ?? { n: 0, status: o.status };
    entry.n++;
    counts.set(key, entry);
  }
  const rows = [...counts]
    .sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]))
    .map(([license, { n, status }]) => [license, n, status]);
  return table('Packages by license', ['License', 'Packages', 'Status'], rows);
}

function scopeNotes(
  decisions: Decisions,
  inventories: readonly Inventory[],
  config: LicenseConfig,
  notes: readonly string[],
): string[] {
  const lines = inventories.map((i) => {
    const filled = i.packages.filter(
      (p) => p.licenseFrom !== undefined && i.format !== 'node_modules tree',
    ).length;
    const from = filled > 0 ? `; ${filled} licenses read from installed package.json files` : '';
    return `Read ${i.file} as ${i.format} (${i.packages.length} packages${from}).`;
  });
  lines.push(`Checked scopes: production, optional${config.includeDev ? ', development' : ''}.`);
  for (const [scope, n] of decisions.skipped) {
    const noun = n === 1 ? 'package' : 'packages';
    lines.push(`Not checked: ${n} ${scope} ${noun} (set \`include-dev: true\` to check them).`);
  }
  if (decisions.firstParty.length > 0) {
    const names = decisions.firstParty
      .slice(0, 50)
      .map((p) => p.name)
      .join(', ');
    lines.push(
      `First-party packages, listed and not judged: ${names}${decisions.firstParty.length > 50 ? ', ...' : ''}.`,
    );
  }
  if (config.policy.overlap.length > 0)
    lines.push(`Both allowed and denied: ${config.policy.overlap.join(', ')}; deny wins.`);
  return [...lines, ...notes];
}

function table(title: string, columns: string[], rows: (string | number)[][]): Section {
  const section: Section = { title, columns, rows: rows.slice(0, MAX_ROWS) };
  if (rows.length > MAX_ROWS) section.omittedRows = rows.length - MAX_ROWS;
  return section;
}
