import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  breakWorkflowCommands,
  escapeHtml,
  escapeMarkdown,
  safeLogLine,
  visibleControlChars,
} from '../src/escape.js';

/** Strings rich in the characters that matter here. */
const hostile = fc.string({
  unit: fc.constantFrom(
    ...'<>&"\'|\\`*_[]()!#~@:\n\r\t -=+1.a/ ',
    '\u00a0',
    '\u3000',
    '\u202e',
    '\u200b',
    '\u2066',
    '\ufeff',
    '##[',
    '::',
    '<!--',
    'GH-1',
    '\u0085',
  ),
  maxLength: 60,
});

describe(escapeHtml.name, () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&apos;y&apos;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe(visibleControlChars.name, () => {
  // RELIABILITY E8
  it('shows bidi, zero-width and control characters as code points', () => {
    expect(visibleControlChars('a\u202eb\u200bc\u2066d\u0007e\tf')).toBe(
      'a<U+202E>b<U+200B>c<U+2066>d<U+0007>e\tf',
    );
  });
});

describe(escapeMarkdown.name, () => {
  // RELIABILITY E5
  it.each([
    '</td></tr></table><h1>✅ All gates passed</h1>',
    '<img src=https://evil/p.gif>',
    '<a href=https://evil>x</a>',
    '<details open>',
    '<!-- hidden',
    '" onmouseover=alert(1)',
  ])('renders %j as text, never a tag', (text) => {
    const out = escapeMarkdown(text);
    expect(out).not.toMatch(/[<>"]/);
  });

  // RELIABILITY E6, E7
  it('neutralises table breakers, links, images, code, mentions and references', () => {
    expect(escapeMarkdown('a|b\nc `x` [x](javascript:alert(1)) ![i](u) @octocat #12 GH-3')).toBe(
      'a&vert;b c \\`x\\` \\[x\\]\\(javascript:alert\\(1\\)\\) \\!\\[i\\]\\(u\\) @\u200boctocat \\#\u200b12 GH\u200b-3',
    );
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. item')).toBe('1\\. item');
  });

  it('keeps bare URLs from reports as text, never as links (GFM autolinks them)', () => {
    const out = escapeMarkdown(
      'see https://evil.example/login, HTTP://x.example, ftp://f.example and www.evil.example',
    );
    expect(out).not.toMatch(/(https?|ftp):\/\//i);
    expect(out).not.toMatch(/\bwww\./i);
    expect(out).toBe(
      'see https\u200b://evil.example/login, HTTP\u200b://x.example, ftp\u200b://f.example and www\u200b.evil.example',
    );
  });

  it('shows bidi controls in summaries (U+202A-U+202E, U+2066-U+2069)', () => {
    const out = escapeMarkdown('a\u202eb\u2066c\u2069');
    expect(out).toBe('a<U+202E>b<U+2066>c<U+2069>'.replaceAll('<', '&lt;').replaceAll('>', '&gt;'));
  });

  it('never opens a tag, never adds a table column, never spans lines (property)', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const out = escapeMarkdown(text);
        expect(out).not.toMatch(/[<>|\r\n\u2028\u2029\u0085]/);
        // A row with the escaped cell still has exactly two cells.
        expect(`| ${out} | x |`.split('|').length).toBe(4);
      }),
      { numRuns: 2000 },
    );
  });
});

describe(safeLogLine.name, () => {
  // RELIABILITY E1, E2
  it.each([
    ['\n::set-output name=passed::true', '\\n::set-output name=passed::true'],
    ['\r::ADD-MASK::FAIL', '\\r::ADD-MASK::FAIL'],
    ['\u00a0::stop-commands::tok', '\u00a0: :stop-commands::tok'],
    ['\u3000::stop-commands::tok', '\u3000: :stop-commands::tok'],
    ['x ##[add-mask]y', 'x ## [add-mask]y'],
    ['::error file=a::b', ': :error file=a::b'],
    ['\u200b::warning::x', '<U+200B>::warning::x'],
  ])('neutralises %j', (text, expected) => {
    expect(safeLogLine(text)).toBe(expected);
  });

  it('never yields a workflow command (property)', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const out = safeLogLine(text);
        expect(out).not.toMatch(/[\r\n]/);
        expect(out).not.toContain('##[');
        // The runner trims Unicode whitespace (as .NET's Trim) before looking for `::`.
        expect(out.replace(/^[\s\u0085\u180e]+/, '').startsWith('::')).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe(breakWorkflowCommands.name, () => {
  it.each([
    ['  ::error::x', '  : :error::x'],
    ['\u001b[31m✖\u001b[0m ::x', '\u001b[31m✖\u001b[0m ::x'],
    ['a ##[group]b', 'a ## [group]b'],
    ['plain', 'plain'],
  ])('breaks %j and leaves colours alone', (line, expected) => {
    expect(breakWorkflowCommands(line)).toBe(expected);
  });
});
