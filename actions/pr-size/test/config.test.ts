/** Inputs (RELIABILITY A1, A2) and the event payload (C1, C2, C3, C6). */
import { describe, expect, it } from 'vitest';
import { ConfigError, InputError } from '@aeef/gate-result';
import { configurePrSize } from '../src/config.js';
import { readSizeTarget } from '../src/pr-event.js';
import { inputsOf } from './support/gate-io.js';

const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);

describe(configurePrSize.name, () => {
  it('applies the documented defaults', () => {
    const sut = configurePrSize(inputsOf());
    expect({ ...sut, isIgnored: undefined }).toEqual({
      maxLines: 400,
      warnLines: 200,
      maxFiles: 50,
      ignore: [],
      isIgnored: undefined,
      label: false,
      sizes: [
        { name: 'XS', max: 10 },
        { name: 'S', max: 50 },
        { name: 'M', max: 200 },
        { name: 'L', max: 500 },
        { name: 'XL', max: 1000 },
      ],
    });
  });

  it('treats blank as unset (A1): the default, never 0', () => {
    expect(configurePrSize(inputsOf({ 'max-lines': '  ', 'max-files': '' })).maxLines).toBe(400);
  });

  it.each(['80%', '0x50', '1e400', '-1', 'NaN', 'Infinity', '80,5', '1.5', '+3', 'abc'])(
    'rejects max-lines `%s` (A2)',
    (value) => {
      expect(() => configurePrSize(inputsOf({ 'max-lines': value }))).toThrow(InputError);
      expect(() => configurePrSize(inputsOf({ 'max-lines': value }))).toThrow(
        `Expected \`max-lines\` to be a whole number of at least 0, got \`${value}\`.`,
      );
    },
  );

  it('rejects warn-lines above max-lines', () => {
    expect(() => configurePrSize(inputsOf({ 'max-lines': '100', 'warn-lines': '200' }))).toThrow(
      /`warn-lines` to be at most `max-lines` \(100\)/,
    );
  });

  it('reads label strictly and ignore as a list', () => {
    expect(() => configurePrSize(inputsOf({ label: 'yes' }))).toThrow(/`label` to be `true` or `false`/);
    const sut = configurePrSize(inputsOf({ label: 'true', ignore: '**/*.snap\n docs/**, ' }));
    expect(sut.label).toBe(true);
    expect(sut.ignore).toEqual(['**/*.snap', 'docs/**']);
    expect(sut.isIgnored('a/b.snap')).toBe(true);
    expect(sut.isIgnored('docs/x.md')).toBe(true);
    expect(sut.isIgnored('src/x.ts')).toBe(false);
  });

  it('refuses extglobs in ignore and matches a backtracking bomb in linear time', () => {
    expect(() => configurePrSize(inputsOf({ ignore: '+(+(+(a)))*!' }))).toThrow(/`ignore`.*extglobs/);
    const sut = configurePrSize(inputsOf({ ignore: '*a*a*a*a*a*a*a*a*b' }));
    const start = performance.now();
    expect(sut.isIgnored('a'.repeat(5000))).toBe(false);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe(readSizeTarget.name, () => {
  const pr = (extra: Record<string, unknown> = {}) => ({
    pull_request: {
      number: 7,
      base: { sha: SHA_A },
      head: { sha: SHA_B },
      additions: 3,
      deletions: 1,
      changed_files: 2,
      ...extra,
    },
    repository: { full_name: 'aeef/sample' },
  });

  it('reads a pull_request payload', () => {
    expect(readSizeTarget({ name: 'pull_request', payload: pr() })).toEqual({
      event: 'pull_request',
      owner: 'aeef',
      repo: 'sample',
      pullNumber: 7,
      baseSha: SHA_A,
      headSha: SHA_B,
      totals: { additions: 3, deletions: 1, changedFiles: 2 },
    });
  });

  it.each(['push', 'schedule', 'workflow_dispatch', 'issue_comment', 'workflow_run'])(
    'refuses `%s`, naming the supported events (C2)',
    (name) => {
      expect(() => readSizeTarget({ name, payload: pr() })).toThrow(
        `The pr-size gate does not support the \`${name}\` event; run it on \`pull_request\`, \`pull_request_target\`, \`merge_group\`.`,
      );
    },
  );

  it('refuses a missing payload (C1)', () => {
    expect(() => readSizeTarget({ name: 'pull_request', payload: {} })).toThrow(
      /Expected a `pull_request` object in the pull_request event payload/,
    );
  });

  it.each([
    [{ additions: -1 }, /`pull_request.additions`/],
    [{ deletions: '10' }, /`pull_request.deletions`/],
    [{ changed_files: 1.5 }, /`pull_request.changed_files`/],
    [{ head: { sha: 'main' } }, /`pull_request.head.sha`/],
    [{ base: null }, /`pull_request.base.sha`/],
    [{ number: 0 }, /`pull_request.number`/],
  ])('refuses a malformed payload %j (C6)', (extra, message) => {
    expect(() => readSizeTarget({ name: 'pull_request_target', payload: pr(extra) })).toThrow(ConfigError);
    expect(() => readSizeTarget({ name: 'pull_request_target', payload: pr(extra) })).toThrow(message);
  });

  it('reads a merge_group payload (C3) and refuses one without SHAs', () => {
    expect(
      readSizeTarget({ name: 'merge_group', payload: { merge_group: { base_sha: SHA_A, head_sha: SHA_B } } }),
    ).toEqual({ event: 'merge_group', baseSha: SHA_A, headSha: SHA_B });
    expect(() => readSizeTarget({ name: 'merge_group', payload: {} })).toThrow(/`merge_group` object/);
    expect(() =>
      readSizeTarget({ name: 'merge_group', payload: { merge_group: { base_sha: SHA_A } } }),
    ).toThrow(/`merge_group.head_sha`/);
  });

  it('reads the CLI diff (`local` with --base) and refuses the CLI without one', () => {
    expect(readSizeTarget({ name: 'local', payload: {}, baseSha: SHA_A, headSha: SHA_B })).toEqual({
      event: 'local',
      baseSha: SHA_A,
      headSha: SHA_B,
    });
    expect(() => readSizeTarget({ name: 'local', payload: {} })).toThrow('pass `--base <ref>`');
  });
});
