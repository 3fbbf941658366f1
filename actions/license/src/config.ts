/**
 * The license gate's inputs and typed config. Defaults live only in INPUT_SPECS; the allow/deny
 * lists and exceptions are compiled here so a bad entry is an input error before any file is read.
 */
import {
  getBoolean,
  getEnum,
  getGlobs,
  getList,
  getString,
  withDefaults,
  type InputSpec,
  type Inputs,
} from '@aeef/gate-result';
import { parseExceptions, type PackageException } from './exceptions.js';
import { compilePolicy, type Policy } from './policy.js';

/** Permissive licenses that impose no obligation beyond notice; the default set. */
export const DEFAULT_ALLOW = [
  'MIT',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  '0BSD',
  'Zlib',
  'Unlicense',
  'CC0-1.0',
  'BlueOak-1.0.0',
  'Python-2.0',
] as const;

export const INPUT_SPECS: readonly InputSpec[] = [
  {
    name: 'sources',
    kind: 'globs',
    description:
      'Lockfiles, node_modules trees and SBOMs to read (paths or globs). Default: found automatically (package-lock.json, npm-shrinkwrap.json, pnpm-lock.yaml, yarn.lock, *.cdx.json, bom.json, *.spdx.json).',
  },
  {
    name: 'allow',
    kind: 'list',
    description: 'Allowed SPDX license ids or expressions (an expression allows that exact combination).',
    default: DEFAULT_ALLOW.join(','),
  },
  {
    name: 'deny',
    kind: 'list',
    description: 'Denied SPDX license ids; deny wins over allow. Default: none.',
  },
  {
    name: 'exceptions',
    kind: 'string',
    description:
      'One per line: `name@range: reason` accepts that package whatever its license. Default: none.',
  },
  {
    name: 'include-dev',
    kind: 'boolean',
    description: 'Also check development dependencies.',
    default: 'false',
  },
  {
    name: 'on-unknown',
    kind: 'enum',
    values: ['fail', 'warn'],
    description: 'What an unknown or unresolvable license does.',
    default: 'fail',
  },
];

export interface LicenseConfig {
  sources: string[];
  allow: string[];
  deny: string[];
  policy: Policy;
  exceptions: PackageException[];
  includeDev: boolean;
  onUnknown: 'fail' | 'warn';
}

/**
 * Builds the typed config; throws InputError naming the input. Defaults are overlaid here too (the
 * runtime does it as well), so the config is the same whoever calls it.
 */
export function readLicenseConfig(given: Inputs): LicenseConfig {
  const inputs = withDefaults(given, INPUT_SPECS);
  const allow = getList(inputs, 'allow');
  const deny = getList(inputs, 'deny');
  const exceptionLines = (getString(inputs, 'exceptions') ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  return {
    sources: getGlobs(inputs, 'sources') ?? [],
    allow,
    deny,
    policy: compilePolicy(allow, deny),
    exceptions: parseExceptions(exceptionLines),
    includeDev: getBoolean(inputs, 'include-dev') ?? false,
    onUnknown: getEnum(inputs, 'on-unknown', ['fail', 'warn'] as const) ?? 'fail',
  };
}
