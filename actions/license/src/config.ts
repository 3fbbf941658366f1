/**
 * The license gate's inputs and typed config. Defaults live only in INPUT_SPECS; the allow/deny
 * lists and exceptions are compiled here so a bad entry is an input error before any file is read.
 */
import { InputError, type InputSpec, type Inputs } from '@aeef/gate-result';
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

/** Builds the typed config; throws InputError naming the input. */
export function readLicenseConfig(inputs: Inputs): LicenseConfig {
  const allow = listOf(inputs, 'allow');
  const deny = listOf(inputs, 'deny');
  const includeDev = valueOf(inputs, 'include-dev');
  if (includeDev !== 'true' && includeDev !== 'false') {
    throw new InputError(
      'include-dev',
      `Expected \`include-dev\` to be true or false, got \`${includeDev}\`.`,
    );
  }
  const onUnknown = valueOf(inputs, 'on-unknown');
  if (onUnknown !== 'fail' && onUnknown !== 'warn') {
    throw new InputError(
      'on-unknown',
      `Expected \`on-unknown\` to be one of fail, warn, got \`${onUnknown}\`.`,
    );
  }
  const exceptionLines = (valueOf(inputs, 'exceptions') ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  return {
    sources: listOf(inputs, 'sources'),
    allow,
    deny,
    policy: compilePolicy(allow, deny),
    exceptions: parseExceptions(exceptionLines),
    includeDev: includeDev === 'true',
    onUnknown,
  };
}

/** The raw value, falling back to the spec default (the runtime overlays defaults too). */
function valueOf(inputs: Inputs, name: string): string | undefined {
  return inputs.get(name)?.value ?? INPUT_SPECS.find((s) => s.name === name)?.default;
}

function listOf(inputs: Inputs, name: string): string[] {
  return (valueOf(inputs, name) ?? '')
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
