/**
 * XML reading shared by the Cobertura and Clover parsers: a real parser (fast-xml-parser), entity
 * expansion off, no DTD ever fetched, well-formedness checked first so that a truncated or broken
 * report is refused with its position instead of yielding partial totals.
 */
import { assertTokenBudget, ReportError, XML_MAX_TAGS } from '@aeef/gate-result';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An element: attributes by name (strings), children by tag name (always arrays). */
export interface XmlElement {
  attrs: Map<string, string>;
  children: Map<string, XmlElement[]>;
  text: string;
}

const ATTRS = ':@';
type RawNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: ATTRS,
  parseAttributeValue: false,
  parseTagValue: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  maxNestedTags: 200,
});

function toElement(raw: unknown): XmlElement {
  const el: XmlElement = { attrs: new Map(), children: new Map(), text: '' };
  if (typeof raw === 'string') {
    el.text = raw;
    return el;
  }
  if (raw === null || typeof raw !== 'object') return el;
  for (const [key, value] of Object.entries(raw as RawNode)) {
    if (key === ATTRS) {
      const groups = Array.isArray(value) ? (value as unknown[]) : [value];
      for (const group of groups)
        if (group !== null && typeof group === 'object')
          for (const [name, v] of Object.entries(group as RawNode)) el.attrs.set(name, String(v));
    } else if (key === '#text') {
      el.text = Array.isArray(value) ? value.map(String).join('') : String(value);
    } else {
      const list = Array.isArray(value) ? value : [value];
      el.children.set(key, list.map(toElement));
    }
  }
  return el;
}

/** Parses an XML report and returns its root element and name; throws `ReportError` with the position. */
export function parseXml(text: string, file: string): { name: string; root: XmlElement } {
  assertTokenBudget(text, file, '<', XML_MAX_TAGS, 'XML tags');
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new ReportError(file, `${file} is not well-formed XML: line ${line}, column ${col}: ${msg}`);
  }
  let doc: unknown;
  try {
    doc = parser.parse(text);
  } catch (error) {
    throw new ReportError(
      file,
      `${file} could not be read as XML (${error instanceof Error ? error.message : 'unknown error'}).`,
    );
  }
  const top = toElement(doc);
  for (const [name, list] of top.children) {
    if (name.startsWith('!') || name.startsWith('?') || name === '#comment') continue;
    if (list.length === 1 && list[0] !== undefined) return { name, root: list[0] };
  }
  throw new ReportError(file, `${file} has no single root element.`);
}

/** Child elements by tag name (empty when absent). */
export function childrenOf(el: XmlElement | undefined, name: string): XmlElement[] {
  return el?.children.get(name) ?? [];
}

/** Elements at a path of tag names below `el`. */
export function descend(el: XmlElement, ...names: string[]): XmlElement[] {
  let level = [el];
  for (const name of names) level = level.flatMap((e) => childrenOf(e, name));
  return level;
}

const NON_NEGATIVE_INTEGER = /^\d{1,15}$/;

/**
 * A non-negative integer attribute. Locale forms (`85,5`, `1.234`), signs, NaN and exponents are
 * refused (RELIABILITY B13, B32): a report number we cannot read exactly is an error.
 */
export function intAttr(el: XmlElement, name: string, file: string, fallback?: number): number {
  const raw = el.attrs.get(name);
  if (raw === undefined || raw === '') {
    if (fallback !== undefined) return fallback;
    throw new ReportError(file, `${file} has a <line> without the attribute ${name}.`);
  }
  if (!NON_NEGATIVE_INTEGER.test(raw.trim())) {
    throw new ReportError(
      file,
      `${file} has ${name}="${raw.slice(0, 40)}", expected a non-negative whole number.`,
    );
  }
  return Number(raw.trim());
}

/**
 * A count attribute the producer wrote as a total: a whole number, or `undefined` when absent or
 * not one (MATLAB writes `NaN`), so that a bogus total is never taken for the producer's own.
 */
export function countAttr(el: XmlElement | undefined, name: string): number | undefined {
  const raw = el?.attrs.get(name)?.trim();
  return raw !== undefined && NON_NEGATIVE_INTEGER.test(raw) ? Number(raw) : undefined;
}

/** A covered/total pair of count attributes, when both are whole numbers and covered <= total. */
export function tallyAttrs(
  el: XmlElement | undefined,
  covered: string,
  total: string,
): { covered: number; total: number } | undefined {
  const c = countAttr(el, covered);
  const t = countAttr(el, total);
  return c === undefined || t === undefined || c > t ? undefined : { covered: c, total: t };
}
