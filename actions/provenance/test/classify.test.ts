import { describe, expect, it } from 'vitest';
import { classifyCommit, classifyPull, parseTrailerValue, type CommitFacts } from '../src/classify.js';
import { BUILTIN_IDENTITIES, compileIdentities, noreplyLogin, parseUserIdentity } from '../src/identities.js';

const match = compileIdentities(BUILTIN_IDENTITIES);
const commit = (fields: Partial<CommitFacts>): CommitFacts => ({
  sha: 'a'.repeat(40),
  authorName: 'Dana Human',
  authorEmail: 'dana@example.invalid',
  committerName: 'Dana Human',
  committerEmail: 'dana@example.invalid',
  message: 'Fix a bug\n',
  parents: 1,
  additions: 1,
  deletions: 0,
  ...fields,
});
const tools = (fields: Partial<CommitFacts>, m = match): string[] => classifyCommit(commit(fields), m).tools;

describe('classifyCommit: no false accusation', () => {
  it.each([
    'Co-authored-by: Claude Monet <claude@monet.example>',
    'Co-authored-by: Claude <claude.dupont@gmail.example>',
    'Co-authored-by: Copilot <someone@example.invalid>',
    'Co-authored-by: Amp <amp@example.invalid>',
    'Co-authored-by: Devin Smith <devin@example.invalid>',
    'Co-authored-by: Jules Verne <jules@example.invalid>',
    'Co-authored-by: cursor-lover <12345+cursor-lover@users.noreply.github.com>',
    'Reviewed-by: Claude <noreply@anthropic.com>',
    'Signed-off-by: Dana Human <dana@example.invalid>',
  ])('%s is a person', (trailer) => {
    expect(tools({ message: `Fix\n\n${trailer}\n` })).toEqual([]);
  });

  it('a message that talks about AI tools names none', () => {
    expect(
      tools({ message: 'Support Copilot and Claude Code users (aider too)\n\nThe cursor moves.\n' }),
    ).toEqual([]);
  });

  it('an author called "Aider" without the suffix, or "(aider)" alone, is no Aider commit', () => {
    expect(tools({ authorName: 'Aider Person' })).toEqual([]);
    expect(tools({ authorName: '(aider)' })).toEqual([]);
  });
});

describe('classifyCommit: AI signals', () => {
  it.each([
    ['Co-Authored-By: Claude <noreply@anthropic.com>', 'Claude Code'],
    ['Co-Authored-By: Claude Opus 4.6 (1M context)', 'Claude Code'],
    ['co-authored-by: claude[bot] <209825114+claude[bot]@users.noreply.github.com>', 'Claude Code'],
    ['Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>', 'GitHub Copilot'],
    ['Co-authored-by: Cursor Agent <cursoragent@cursor.com>', 'Cursor'],
    [
      'Co-authored-by: chatgpt-codex-connector[bot] <199175422+chatgpt-codex-connector[bot]@users.noreply.github.com>',
      'OpenAI Codex',
    ],
    [
      'Co-authored-by: devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>',
      'Devin',
    ],
    [
      'Co-authored-by: google-labs-jules[bot] <161369871+google-labs-jules[bot]@users.noreply.github.com>',
      'Jules',
    ],
    ['Assisted-by: OpenAI GPT-5.4', 'OpenAI Codex'],
    ['Assisted-by: Claude:claude-3-opus', 'Claude Code'],
    ['Generated-by: GitHub Copilot', 'GitHub Copilot'],
    ['Co-developed-by: Gemini CLI', 'Gemini'],
    ['Amp-Thread-ID: https://ampcode.com/threads/T-1', 'Amp'],
  ])('%s → %s', (trailer, tool) => {
    const verdict = classifyCommit(commit({ message: `Change\n\n${trailer}\n` }), match);
    expect(verdict.tools).toEqual([tool]);
    expect(verdict.ai).toBe(true);
  });

  it('bot authors and committers by login or noreply address, Aider by name suffix or subject, footers', () => {
    expect(
      tools({
        authorName: 'copilot-swe-agent[bot]',
        authorEmail: '198982749+Copilot@users.noreply.github.com',
      }),
    ).toEqual(['GitHub Copilot']);
    expect(tools({ authorLogin: 'devin-ai-integration[bot]' })).toEqual(['Devin']);
    expect(tools({ committerEmail: 'cursoragent@cursor.com' })).toEqual(['Cursor']);
    expect(tools({ authorName: 'Paul Gauthier (aider)' })).toEqual(['Aider']);
    expect(tools({ message: 'aider: Added a test\n' })).toEqual(['Aider']);
    expect(
      tools({ message: 'Fix\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n' }),
    ).toEqual(['Claude Code']);
  });

  it('a trailer naming the tool is recorded; an author alone is not a trailer', () => {
    expect(
      classifyCommit(commit({ message: 'x\n\nCo-authored-by: Claude <noreply@anthropic.com>' }), match)
        .trailer,
    ).toBe(true);
    expect(classifyCommit(commit({ authorName: 'Paul Gauthier (aider)' }), match).trailer).toBe(false);
  });

  it('user identities: a name means AI whatever its address; logins, labels, trailer keys', () => {
    const m = compileIdentities([
      parseUserIdentity('name:Buildbot=Corp agent'),
      parseUserIdentity('login:corp-agent[bot]'),
      parseUserIdentity('trailer:AI-Assisted'),
      parseUserIdentity('label:llm'),
      ...BUILTIN_IDENTITIES,
    ]);
    expect(tools({ message: 'x\n\nCo-authored-by: Buildbot <ci@corp.example>' }, m)).toEqual(['Corp agent']);
    expect(tools({ authorEmail: '1+corp-agent[bot]@users.noreply.github.com' }, m)).toEqual([
      'corp-agent[bot]',
    ]);
    expect(tools({ message: 'x\n\nAI-Assisted: yes' }, m)).toEqual(['AI-Assisted']);
    expect(
      classifyPull(
        { number: 1, authorLogin: 'dana', authorType: 'User', body: '', labels: ['LLM'], title: '' },
        m,
      ),
    ).toEqual([{ kind: 'label', tool: 'llm', evidence: 'LLM' }]);
    expect(() => parseUserIdentity('regex:.*')).toThrow(/ai-identities/);
    expect(() => parseUserIdentity('login:')).toThrow(/ai-identities/);
  });
});

describe('classifyPull', () => {
  it('the Copilot agent as PR author, a Devin run link, an AI label', () => {
    const signals = classifyPull(
      {
        number: 7,
        authorLogin: 'Copilot',
        authorType: 'Bot',
        body: 'Link to Devin run: https://app.devin.ai/sessions/abc',
        labels: ['ai-generated', 'bug'],
        title: 'Fix',
      },
      match,
    );
    expect(signals.map((s) => [s.kind, s.tool])).toEqual([
      ['pr-author', 'GitHub Copilot'],
      ['pr-footer', 'Devin'],
      ['label', 'AI label'],
    ]);
  });

  it('a human PR author with a plain body shows nothing', () => {
    expect(
      classifyPull(
        { number: 7, authorLogin: 'claude', authorType: 'User', body: 'Uses Claude.', labels: [], title: '' },
        match,
      ),
    ).toEqual([]);
  });
});

describe('parsing helpers', () => {
  it('trailer values and noreply addresses', () => {
    expect(parseTrailerValue('co-authored-by', 'Claude <noreply@anthropic.com>')).toEqual({
      name: 'Claude',
      address: 'noreply@anthropic.com',
    });
    expect(parseTrailerValue('assisted-by', 'Claude:claude-3-opus')).toEqual({ name: 'Claude' });
    expect(parseTrailerValue('assisted-by', 'https://example.invalid')).toEqual({
      name: 'https://example.invalid',
    });
    expect(noreplyLogin('198982749+Copilot@users.noreply.github.com')).toBe('copilot');
    expect(noreplyLogin('octocat@users.noreply.github.com')).toBe('octocat');
    expect(noreplyLogin('octocat@example.invalid')).toBeUndefined();
  });

  it('every built-in row names a public source', () => {
    for (const row of BUILTIN_IDENTITIES) expect(row.sources.length, row.tool).toBeGreaterThan(0);
  });
});
