/**
 * Where input values come from and which one wins: explicit values, then the config file, then the
 * InputSpec default (the one place defaults live). Also the typo check: the runner only warns about
 * an unexpected input, so `min-line: 95` beside a default `min-lines` would silently gate at the
 * default (RELIABILITY A4); the runtime turns a near miss into an error instead.
 */
import type { InputSource, InputSpec, InputValue, Inputs } from './gate.js';

/** Inputs every gate action has; the runtime handles them, gates do not redeclare them. */
export const COMMON_INPUTS: readonly InputSpec[] = [
  {
    name: 'if-missing',
    kind: 'enum',
    values: ['fail', 'warn', 'skip'],
    default: 'fail',
    description:
      'What to do when the report does not exist: `fail` (an error verdict), `warn` (a warning, the job passes) or `skip` (the gate passes and says it was skipped). A report that exists but cannot be used is always an error. Default: fail.',
  },
  {
    name: 'working-directory',
    kind: 'string',
    default: '.',
    description:
      'Directory, relative to the workspace, that report paths and globs are resolved against. It must stay inside the workspace. Default: `.`.',
  },
  {
    name: 'enforce',
    kind: 'boolean',
    default: 'true',
    description:
      'When false (advisory mode), the gate decides as always and reports the real `verdict`, says "advisory: would fail" in the summary, sets the output `enforced` to false and the step passes. Default: true.',
  },
  {
    name: 'comment',
    kind: 'enum',
    values: ['auto', 'always', 'on-failure', 'never'],
    default: 'auto',
    description:
      'The sticky PR comment (see docs/comments.md): `auto` creates it when the gate fails and updates it whenever it exists (marked resolved once a run passes), `always` creates or updates it on every run, `on-failure` writes it only on failure (a later pass only marks it resolved), `never` leaves PRs alone. Needs `pull-requests: write`; without it a notice, and the verdict stands. Default: auto.',
  },
  {
    name: 'name',
    kind: 'string',
    description:
      'Instance name (kebab-case) when the gate runs more than once in a job: the result file becomes `<gate>-<name>.json` and the summary and outputs carry the name. Default: none.',
  },
];

/** Inputs from a plain object (CLI flags, tests); blank values count as unset. */
export function inputsFromRecord(
  values: Readonly<Record<string, string | undefined>>,
  source: InputSource = 'input',
): Inputs {
  const map = new Map<string, string>();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value.trim() !== '') map.set(name, value);
  }
  return {
    get: (name) => {
      const value = map.get(name);
      return value === undefined ? undefined : { value, source };
    },
  };
}

/** The first layer that has a value wins (e.g. inputs, then the config file). */
export function layerInputs(...layers: readonly Inputs[]): Inputs {
  return {
    get: (name) => {
      for (const layer of layers) {
        const value = layer.get(name);
        if (value !== undefined) return value;
      }
      return undefined;
    },
  };
}

/** Overlays each spec's default under the given inputs, with source `default`. */
export function withDefaults(inputs: Inputs, specs: readonly InputSpec[]): Inputs {
  const defaults = new Map<string, InputValue>();
  for (const spec of specs) {
    if (spec.default !== undefined) defaults.set(spec.name, { value: spec.default, source: 'default' });
  }
  return { get: (name) => inputs.get(name) ?? defaults.get(name) };
}

/** An unknown input name and the known name it most likely meant. */
export interface Misspelling {
  given: string;
  suggestion: string;
}

/**
 * Given names that are not known but lie within edit distance 2 of a known name (case and `_`/`-`
 * ignored). Names far from every known name are left alone: they are not typos of ours.
 */
export function findMisspelledInputs(
  givenNames: Iterable<string>,
  specs: readonly InputSpec[],
): Misspelling[] {
  const known = specs.map((s) => s.name);
  const normal = (s: string): string => s.toLowerCase().replaceAll('_', '-');
  const knownNormal = new Set(known.map(normal));
  const result: Misspelling[] = [];
  for (const given of givenNames) {
    if (knownNormal.has(normal(given)) && known.includes(given)) continue;
    let best: { name: string; distance: number } | undefined;
    for (const name of known) {
      const distance = editDistance(normal(given), normal(name), 2);
      if (distance <= 2 && (best === undefined || distance < best.distance)) best = { name, distance };
    }
    if (best !== undefined) result.push({ given, suggestion: best.name });
  }
  return result;
}

/** Levenshtein distance, stopping early once it exceeds `cap` (returns cap + 1). */
export function editDistance(a: string, b: string, cap = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > cap) return cap + 1;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * One line naming every set value and where it came from (`min-lines=85 (config-file)`), secrets
 * left out, so the log says which source won when the inputs and the config file disagree.
 */
export function describeSettings(inputs: Inputs, specs: readonly InputSpec[]): string {
  const parts: string[] = [];
  for (const spec of specs) {
    if (spec.kind === 'secret') continue;
    const value = inputs.get(spec.name);
    if (value === undefined) continue;
    const shown = value.value.replace(/\s*[\r\n]+\s*/g, ', ');
    parts.push(`${spec.name}=${shown.length > 80 ? `${shown.slice(0, 80)}...` : shown} (${value.source})`);
  }
  return parts.join('; ');
}
