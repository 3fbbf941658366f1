/**
 * Reading the config file, shared by the action runtime and the CLI so that both see the same
 * file the same way: confined to the given roots, capped at 1 MiB, strictly decoded and validated.
 */
import { DEFAULT_CONFIG_FILE, parseConfigFile, type ConfigFile, type GateSpecs } from '../config-file.js';
import { ConfigError, InputError, MissingReportError, getErrorMessage } from '../errors.js';
import { decodeReport, readFileSafe } from './fs-safe.js';

export interface LoadConfigOptions {
  /** The file the user named (it must exist); `undefined`: `.github/aeef-gates.yml` when present. */
  file: string | undefined;
  /** Absolute directories the file may resolve into; relative paths resolve against the first. */
  roots: readonly string[];
  gates: readonly GateSpecs[];
}

/**
 * The parsed config file, or `undefined` when the default file is absent. Throws `InputError`
 * (input `config-file`) when a named file is missing, `ConfigError` when the file is unusable.
 */
export async function loadConfigFile(options: LoadConfigOptions): Promise<ConfigFile | undefined> {
  const file = options.file ?? DEFAULT_CONFIG_FILE;
  let text: string;
  try {
    text = decodeReport(await readFileSafe(file, { roots: options.roots, maxBytes: 1024 * 1024 }), file);
  } catch (error) {
    if (error instanceof MissingReportError) {
      if (options.file === undefined) return undefined;
      throw new InputError('config-file', `The config file \`${file}\` was not found.`);
    }
    throw new ConfigError(getErrorMessage(error).replace('The report', 'The config file'));
  }
  return parseConfigFile(text, file, options.gates);
}
