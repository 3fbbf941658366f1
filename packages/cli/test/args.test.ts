import { describe, expect, it } from 'vitest';
import { GATES } from '@aeef/gates';
import { UsageError, parseCliArgs, type CliOptions } from '../src/args.js';

const sut = (...argv: string[]): CliOptions => parseCliArgs(argv, GATES);

describe(parseCliArgs.name, () => {
  it.each<[string[], Partial<CliOptions>]>([
    [[], { command: 'run', gates: [], workingDirectory: '.', set: {}, json: false }],
    [['coverage', 'sarif', 'coverage'], { gates: ['coverage', 'sarif'] }],
    [['-C', 'examples'], { workingDirectory: 'examples' }],
    [['--working-directory=sub/dir'], { workingDirectory: 'sub/dir' }],
    [['--config', 'x.yml'], { config: 'x.yml' }],
    [['--base', 'origin/main'], { base: 'origin/main' }],
    [['--json'], { json: true }],
    [['--result-dir', 'out'], { resultDir: 'out' }],
    [['--color'], { color: true }],
    [['--no-color'], { color: false }],
    [['--color', '--no-color'], { color: false }],
    [['--no-color', '--color'], { color: true }],
    [['-h'], { command: 'help' }],
    [['--help', 'coverage'], { command: 'help' }],
    [['--version'], { command: 'version' }],
    [
      ['--set', 'coverage.min-lines=90', '--set', 'pr-size.max-lines=10', '--set', 'coverage.min-lines=95'],
      { set: { coverage: { 'min-lines': '95' }, 'pr-size': { 'max-lines': '10' } } },
    ],
    [['--set', 'coverage.exclude=a=b,c'], { set: { coverage: { exclude: 'a=b,c' } } }],
    [['--set', 'coverage.if-missing=warn'], { set: { coverage: { 'if-missing': 'warn' } } }],
  ])('parses %j', (argv, expected) => {
    expect(sut(...argv)).toMatchObject(expected);
  });

  it('leaves colour to the terminal when neither flag is given', () => {
    expect(sut()).not.toHaveProperty('color');
  });

  it.each<[string[], RegExp]>([
    [['covrage'], /Unknown gate `covrage` in the arguments\. Did you mean `coverage`\?/],
    [['nope'], new RegExp(`Unknown gate \`nope\`.*Gates: ${GATES.map((g) => g.id).join(', ')}\\.`)],
    [['--set', 'covrage.min-lines=1'], /Unknown gate `covrage`.*Did you mean `coverage`\?/],
    [
      ['--set', 'coverage.min-line=1'],
      /Unknown input `min-line` of the coverage gate\. Did you mean `min-lines`\?/,
    ],
    [['--set', 'coverage.whatever=1'], /^Unknown input `whatever` of the coverage gate\.$/],
    [['--set', 'coverage.min-lines'], /Expected `--set <gate>\.<input>=<value>`/],
    [['--set', 'min-lines=3'], /Expected `--set <gate>\.<input>=<value>`/],
    [['--set', 'coverage.min-lines= '], /Expected a value in `--set coverage\.min-lines=<value>`/],
    [['--set', 'coverage.working-directory=x'], /--working-directory/],
    [['--bse', 'main'], /Unknown option '--bse'\. Did you mean `--base`\?/],
    [['--base'], /argument missing/],
    [['--base', '--json'], /^Option '--base' argument is ambiguous\.$/],
    [['--base=-x'], /Expected `--base` to be a git ref, got `-x`/],
    [['--json=yes'], /does not take an argument/],
    [['--config='], /Expected a value for `--config`/],
  ])('rejects %j', (argv, message) => {
    expect(() => sut(...argv)).toThrow(UsageError);
    expect(() => sut(...argv)).toThrow(message);
  });
});
