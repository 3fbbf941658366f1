import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIFFABLE_EVENTS, PULL_REQUEST_EVENTS, readEventContext } from '../../src/changes/event.js';
import { ConfigError } from '../../src/errors.js';
import { fixturePath } from '../../../../test/support/paths.js';

const payload = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(fixturePath('github', name), 'utf8')) as Record<string, unknown>;

const REPOSITORY = { owner: 'Codertocat', repo: 'Hello-World' };
// SHAs below are read from the payload files themselves (`jq .pull_request.base.sha` etc.).
const PR = {
  pullNumber: 2,
  baseSha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
  headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
};

describe(readEventContext.name, () => {
  it.each([
    'pull_request-opened-codeql-action-testdata.json',
    'webhook-pull_request-opened.json',
    'webhook-pull_request-synchronize.json',
    'webhook-pull_request-opened-null-body.json',
    'webhook-pull_request-labeled-org.json',
  ])('reads base, head, number and repository of the real %s', (file) => {
    const context = readEventContext('pull_request', payload(file));
    expect(context).toMatchObject({
      name: 'pull_request',
      repository: expect.any(Object) as unknown,
      pullNumber: expect.any(Number) as unknown,
    });
    expect(context.baseSha).toMatch(/^[0-9a-f]{40}$/);
    expect(context.headSha).toMatch(/^[0-9a-f]{40}$/);
  });

  it('gives the exact values of the codeql-action payload, also for pull_request_target', () => {
    for (const name of ['pull_request', 'pull_request_target']) {
      expect(
        readEventContext(name, payload('pull_request-opened-codeql-action-testdata.json')),
      ).toMatchObject({ name, repository: REPOSITORY, ...PR });
    }
  });

  it('reads before/after of a push', () => {
    const event = payload('webhook-pull_request-synchronize.json'); // has real before/after; reuse as a push shape
    const context = readEventContext('push', {
      before: event.before,
      after: event.after,
      repository: event.repository,
    });
    expect(context).toMatchObject({ baseSha: PR.baseSha, headSha: PR.headSha, repository: REPOSITORY });
  });

  it.each(['webhook-push-new-branch.json', 'webhook-push-committer-without-username.json'])(
    'a push creating a branch (%s) has a head and no base',
    (file) => {
      const context = readEventContext('push', payload(file));
      expect(context.headSha).toBe('6113728f27ae82c7b1a177c8d03f9e96e0adf246');
      expect(context.baseSha).toBeUndefined();
    },
  );

  it.each(['webhook-push-tag-deleted.json', 'webhook-push-org.json'])(
    'a push deleting a ref (%s) has neither base nor head',
    (file) => {
      const context = readEventContext('push', payload(file));
      expect(context).toMatchObject({ name: 'push', repository: REPOSITORY });
      expect(context.baseSha).toBeUndefined();
      expect(context.headSha).toBeUndefined();
    },
  );

  it('reads base_sha/head_sha of a merge_group', () => {
    const context = readEventContext(
      'merge_group',
      {
        merge_group: {
          base_sha: PR.baseSha,
          head_sha: PR.headSha,
          head_ref: 'gh-readonly-queue/main/pr-2-x',
        },
      },
      { GITHUB_REPOSITORY: 'aeef/gates' },
    );
    expect(context).toMatchObject({
      baseSha: PR.baseSha,
      headSha: PR.headSha,
      repository: { owner: 'aeef', repo: 'gates' },
    });
  });

  it('gives other events no base or head', () => {
    const context = readEventContext(
      'workflow_dispatch',
      { inputs: {} },
      { GITHUB_REPOSITORY: 'aeef/gates', GITHUB_SHA: PR.headSha },
    );
    expect(context).toEqual({
      name: 'workflow_dispatch',
      payload: { inputs: {} },
      repository: { owner: 'aeef', repo: 'gates' },
    });
  });

  it.each([
    ['pull_request', null, /to be a JSON object, got null/],
    ['pull_request', {}, /`pull_request` in the pull_request event payload to be an object, got nothing/],
    [
      'pull_request',
      { pull_request: { number: 1, base: { sha: 'abc' }, head: { sha: PR.headSha } } },
      /`pull_request.base.sha`.*commit SHA, got a string of 3 characters/,
    ],
    [
      'pull_request',
      { pull_request: { number: '1', base: { sha: PR.baseSha }, head: { sha: PR.headSha } } },
      /`pull_request.number`.*positive integer/,
    ],
    [
      'pull_request_target',
      { pull_request: { number: 1, base: { sha: PR.baseSha } } },
      /`pull_request.head`/,
    ],
    ['merge_group', { merge_group: { base_sha: PR.baseSha } }, /`merge_group.head_sha`/],
    ['push', { before: PR.baseSha, after: 42 }, /`after`.*the number 42/],
    ['push', [], /got an array/],
  ])('%s with a malformed payload throws a ConfigError naming the field', (name, body, message) => {
    expect(() => readEventContext(name, body)).toThrow(ConfigError);
    expect(() => readEventContext(name, body)).toThrow(message);
  });

  it('never echoes payload text in its errors', () => {
    expect(() =>
      readEventContext('pull_request', {
        pull_request: { number: 1, base: { sha: '\n::set-output name=x::y' } },
      }),
    ).toThrow(/^[^:]*commit SHA, got a string of 23 characters\.$/);
  });
});

describe('pull_request_review events', () => {
  const fixture = (name: string): Record<string, unknown> =>
    JSON.parse(
      readFileSync(
        new URL(`../fixtures/github/pull_request_review-${name}.payload.json`, import.meta.url),
        'utf8',
      ),
    ) as Record<string, unknown>;

  it.each(['submitted', 'dismissed'])(
    'reads the pull request of the real octokit/webhooks %s payload, as on pull_request',
    (name) => {
      expect(readEventContext('pull_request_review', fixture(name))).toMatchObject({
        name: 'pull_request_review',
        repository: REPOSITORY,
        ...PR,
      });
    },
  );

  it('is a pull request event whose changes can be diffed', () => {
    expect(PULL_REQUEST_EVENTS).toContain('pull_request_review');
    expect(DIFFABLE_EVENTS).toContain('pull_request_review');
  });
});
