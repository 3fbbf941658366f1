/**
 * Escaping for every channel report text can reach. Reports come from the PR's own code, so a file
 * name may carry HTML, Markdown, mentions or workflow commands; these functions make it inert text.
 */

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text as HTML text or attribute content: `&<>"'` become entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/**
 * Invisible or direction-changing characters (C0/C1 controls, bidi overrides and isolates,
 * zero-width characters, line separators, lone surrogates, tag characters) shown as `<U+202E>`, so a
 * file name cannot hide or reorder what a reviewer reads (RELIABILITY E8). Tab stays.
 */
export function visibleControlChars(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udfff]|\udb40[\udc00-\udc7f]/gu,
    (c) => `<U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}

const MARKDOWN_SPECIAL = /[\\`*_[\]()!#~{}]/g;

/**
 * Report text for a Markdown table cell or inline text: one line, no HTML (every `<` is an entity,
 * so no tag or comment can open), no column break (`|` is `&vert;`), no emphasis, link, image or
 * code span, no bare-URL autolink (`https\u200b://`, `www\u200b.`: GFM links bare URLs, and a
 * report must not put a link in front of a reviewer), no mention (`@\u200b`) and no issue
 * reference (`#\u200b1`, `GH\u200b-1`). Bidi controls and other invisible characters show as `<U+202E>`.
 */
export function escapeMarkdown(text: string): string {
  const flat = visibleControlChars(text.replace(/\r\n|[\r\n\t]/g, ' '));
  // Backslash escapes first, then entities: no entity introduced here contains `#` or a digit run.
  const out = escapeHtml(flat.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`))
    .replaceAll('|', '&vert;')
    .replace(/@(?=[A-Za-z0-9])/g, '@\u200b')
    .replace(/\b(https?|ftp)(?=:\/\/)/gi, '$1\u200b')
    .replace(/\b(www)(?=\.)/gi, '$1\u200b')
    .replace(/#(?=\d)/g, '#\u200b')
    .replace(/\b(GH)-(?=\d)/gi, '$1\u200b-');
  // Block syntax only matters at the start of the text: lists, headings made of `=`/`-`, ordered lists.
  return out.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)\.(?=\s|$)/, '$1\\.');
}

/** Escapes and caps a cell to `max` characters of source text, marking the cut with an ellipsis. */
export function escapeMarkdownClipped(text: string, max: number): string {
  if (text.length <= max) return escapeMarkdown(text);
  // Never cut an astral character in half (a lone surrogate would show as `<U+D83D>`).
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return escapeMarkdown(`${text.slice(0, end)}…`);
}

/**
 * One log line that cannot be a workflow command: line breaks shown as `\n`/`\r`, controls made
 * visible, a `::` at the start (after any whitespace, NBSP and U+3000 included, which the runner
 * trims) broken as `: :`, and every `##[` broken as `## [` (RELIABILITY E1/E2).
 */
export function safeLogLine(text: string): string {
  return breakWorkflowCommands(visibleControlChars(text.replaceAll('\r', '\\r').replaceAll('\n', '\\n')));
}

/**
 * One line the runner cannot read as a workflow command, leaving everything else (ANSI colours of
 * the CLI included) as it is: a leading `::` becomes `: :` and every `##[` becomes `## [`.
 */
export function breakWorkflowCommands(line: string): string {
  const out = line.replaceAll('##[', '## [');
  const lead = /^[\s\u0085]*/.exec(out)?.[0] ?? '';
  return out.startsWith('::', lead.length) ? `${lead}: :${out.slice(lead.length + 2)}` : out;
}
