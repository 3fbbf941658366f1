/**
 * Pure: does the pull request body hold the AI disclosure section, filled in? A section is a
 * Markdown heading (`## AI assistance`) or a bold line (`**AI disclosure**`) whose text contains one
 * of the configured headings, up to the next heading. Filled means a checked box, or a line of text
 * that is neither an unchecked box, an HTML comment, nor a line of the repository's PR template.
 */

export interface Disclosure {
  found: boolean;
  filled: boolean;
  /** The heading as written (raw; renderers escape it). */
  heading?: string;
  /** Why it counts or not, one clause. */
  reason: string;
}

// `AI usage` is Ghostty's ("AI Usage Disclosure"), see test/fixtures/provenance/pr-bodies.json.
export const DEFAULT_DISCLOSURE_HEADINGS = ['AI assistance', 'AI disclosure', 'AI usage'];
const BODY_MAX = 256 * 1024;

interface Heading {
  line: number;
  level: number;
  text: string;
}

/** Longer lines are no heading: this also bounds the regexes' work on hostile text. */
const HEADING_MAX = 500;

function headingOf(line: string): { level: number; text: string } | undefined {
  if (line.length > HEADING_MAX) return undefined;
  const atx = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/.exec(line);
  if (atx) return { level: (atx[1] ?? '').length, text: atx[2] ?? '' };
  const bold = /^ {0,3}(?:\*\*|__)(.+?)(?:\*\*|__)[ \t]*:?[ \t]*$/.exec(line);
  if (bold) return { level: 7, text: bold[1] ?? '' };
  return undefined;
}

/** Drops HTML comments (an unclosed one runs to the end, as GitHub renders it). */
export function stripComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
}

function sectionLines(lines: readonly string[], heading: Heading): string[] {
  const out: string[] = [];
  for (const line of lines.slice(heading.line + 1)) {
    const next = headingOf(line);
    if (next && (next.level <= heading.level || heading.level === 7 || next.level === 7)) break;
    out.push(line);
  }
  return out;
}

const normalise = (line: string): string => line.trim().replace(/\s+/g, ' ').toLowerCase();
const CHECKBOX = /^[-*+][ \t]+\[([ xX])\][ \t]*(.*)$/;

function findSections(text: string, headings: readonly string[]): { heading: Heading; lines: string[] }[] {
  const lines = stripComments(text.slice(0, BODY_MAX).replace(/\r\n?/g, '\n')).split('\n');
  const wanted = headings.map((h) => h.toLowerCase());
  const found: { heading: Heading; lines: string[] }[] = [];
  lines.forEach((line, index) => {
    const h = headingOf(line);
    if (!h) return;
    const lower = h.text.toLowerCase();
    if (!wanted.some((w) => lower.includes(w))) return;
    const heading = { line: index, level: h.level, text: h.text };
    found.push({ heading, lines: sectionLines(lines, heading) });
  });
  return found;
}

/** Checks the body against the headings; `template` is the repository's PR template, when it has one. */
export function checkDisclosure(body: string, headings: readonly string[], template?: string): Disclosure {
  const sections = findSections(body, headings);
  if (sections.length === 0)
    return { found: false, filled: false, reason: 'the pull request description has no such section' };
  const placeholders = new Set(
    template === undefined ? [] : findSections(template, headings).flatMap((s) => s.lines.map(normalise)),
  );
  for (const { heading, lines } of sections) {
    for (const line of lines) {
      const box = CHECKBOX.exec(line.trim());
      if (box) {
        if (box[1] !== ' ')
          return { found: true, filled: true, heading: heading.text, reason: 'a box is checked' };
        continue;
      }
      const text = normalise(line);
      if (text === '' || placeholders.has(text) || /^[-*+>|_ ]*$/.test(text)) continue;
      return { found: true, filled: true, heading: heading.text, reason: 'it holds text' };
    }
  }
  return {
    found: true,
    filled: false,
    heading: sections[0]?.heading.text ?? '',
    reason:
      template === undefined
        ? 'the section is empty (no box checked, no text but comments)'
        : 'the section is as the template left it (no box checked, no text of its own)',
  };
}

/** Where GitHub looks for a pull request template, in its order. */
export const TEMPLATE_PATHS = [
  '.github/pull_request_template.md',
  '.github/PULL_REQUEST_TEMPLATE.md',
  'pull_request_template.md',
  'PULL_REQUEST_TEMPLATE.md',
  'docs/pull_request_template.md',
  'docs/PULL_REQUEST_TEMPLATE.md',
];
