/**
 * External programs the tests run (Semgrep, producers, workflow runners, services). CI sets
 * `AEEF_REQUIRE_SERVICES=1` and installs every one of them, so there a missing program fails the
 * test; on a laptop the test is skipped with one line saying what to install.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** True when missing external programs must fail the tests (CI) instead of skipping them. */
export function servicesRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.AEEF_REQUIRE_SERVICES === '1';
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable among `candidates` (absolute paths) and then `name` on the PATH. */
export function findProgram(
  name: string,
  candidates: readonly string[] = [],
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  for (const candidate of candidates) if (isExecutable(candidate)) return candidate;
  for (const directory of (env.PATH ?? '').split(path.delimiter)) {
    if (directory === '') continue;
    const file = path.join(directory, name);
    if (isExecutable(file)) return file;
  }
  return undefined;
}

/** What a test gets back: the program's path, or why it is skipped. */
export type ProgramLookup = { path: string; skip?: undefined } | { path?: undefined; skip: string };

/**
 * Finds `name` (in `candidates`, then on the PATH). Missing: throws when services are required,
 * otherwise returns a one-line skip reason naming `installHint`. Use with `describe.skipIf`:
 *
 *     const semgrep = requireProgram('semgrep', 'npm run setup:semgrep', [SEMGREP_VENV_BIN]);
 *     describe.skipIf(semgrep.skip)(...)
 *
 * and print `semgrep.skip` once so the skipped run says what to install.
 */
export function requireProgram(
  name: string,
  installHint: string,
  candidates: readonly string[] = [],
  env: NodeJS.ProcessEnv = process.env,
): ProgramLookup {
  const found = findProgram(name, candidates, env);
  if (found !== undefined) return { path: found };
  const reason = `${name} is not installed: ${installHint}`;
  if (servicesRequired(env)) {
    throw new Error(`${reason} (AEEF_REQUIRE_SERVICES=1 requires it).`);
  }
  return { skip: `skipped: ${reason}` };
}

/** Prints a skip reason once per file, so a skipped suite says what to install. */
export function reportSkip(lookup: ProgramLookup): boolean {
  if (lookup.skip !== undefined) console.warn(lookup.skip);
  return lookup.skip !== undefined;
}
