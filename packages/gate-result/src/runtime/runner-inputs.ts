/**
 * Action inputs from the runner's environment. The runner sets `INPUT_<NAME>` with the name
 * upper-cased, spaces turned into `_` and dashes kept (`INPUT_MIN-LINES`). Blank means unset, as
 * with `core.getInput`.
 */
import type { Inputs } from '../gate.js';
import { inputsFromRecord } from '../input-specs.js';

export interface RunnerInputs {
  inputs: Inputs;
  /** Lower-cased names of every `INPUT_*` variable set, blank ones included (for the typo check). */
  names: string[];
}

export function readRunnerInputs(env: NodeJS.ProcessEnv = process.env): RunnerInputs {
  const values: Record<string, string> = {};
  const names: string[] = [];
  for (const [key, value] of Object.entries(env)) {
    if (!key.startsWith('INPUT_') || value === undefined) continue;
    const name = key.slice('INPUT_'.length).toLowerCase();
    names.push(name);
    values[name] = value;
  }
  return { inputs: inputsFromRecord(values, 'input'), names: names.sort() };
}
