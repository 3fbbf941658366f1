/**
 * One report file's text to the model: detect the format by content, then hand it to its parser.
 * Pure: the caller reads the file (through GateIO) and passes its text.
 */
import { parseJsonText, ReportError } from '@aeef/gate-result';
import { parseClover } from './clover.js';
import { parseCobertura } from './cobertura.js';
import { detectTextKind, stripBom, unrecognisedFormat } from './detect.js';
import { parseGoCoverprofile } from './go-coverprofile.js';
import { parseJacoco } from './jacoco.js';
import { looksLikeIstanbulMap, readIstanbulMap, type IstanbulReport } from './istanbul-final.js';
import { looksLikeIstanbulSummary, parseIstanbulSummary } from './istanbul-summary.js';
import { parseLcov } from './lcov.js';
import type { ParseContext, ParsedReport } from './model.js';
import { childrenOf, parseXml } from './xml.js';

/** An istanbul map is kept raw until all shards are in, so istanbul-lib-coverage can merge them. */
export interface IstanbulParsed {
  format: 'istanbul';
  detected: string;
  istanbul: IstanbulReport;
}

export type AnyParsed = ParsedReport | IstanbulParsed;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parseJsonReport(text: string, ctx: ParseContext): AnyParsed {
  const json = parseJsonText(text, ctx.file);
  if (!isObject(json)) throw unrecognisedFormat(ctx.file);
  if (
    isObject(json.coverageMap) &&
    ('testResults' in json || 'numTotalTests' in json || looksLikeIstanbulMap(json.coverageMap))
  ) {
    return {
      format: 'istanbul',
      detected: 'jest --json report (coverageMap)',
      istanbul: readIstanbulMap(json.coverageMap, ctx),
    };
  }
  if (looksLikeIstanbulSummary(json)) return parseIstanbulSummary(json, ctx);
  if (looksLikeIstanbulMap(json)) {
    return {
      format: 'istanbul',
      detected: 'istanbul coverage-final.json',
      istanbul: readIstanbulMap(json, ctx),
    };
  }
  if ('testResults' in json) {
    throw new ReportError(
      ctx.file,
      `${ctx.file} is a jest --json report without a coverageMap; run jest with --coverage.`,
    );
  }
  if (Object.keys(json).length === 0)
    throw new ReportError(ctx.file, `${ctx.file} is an empty JSON object: no coverage data.`);
  throw unrecognisedFormat(ctx.file);
}

function parseXmlReport(text: string, ctx: ParseContext): ParsedReport {
  const { name, root } = parseXml(text, ctx.file);
  if (name === 'report') return parseJacoco(root, ctx);
  if (name !== 'coverage') throw unrecognisedFormat(ctx.file);
  if (childrenOf(root, 'project').length > 0) return parseClover(root, ctx);
  if (
    childrenOf(root, 'packages').length > 0 ||
    childrenOf(root, 'sources').length > 0 ||
    root.attrs.has('line-rate')
  ) {
    return parseCobertura(root, ctx);
  }
  throw unrecognisedFormat(ctx.file);
}

/** Detects and parses one report; throws `ReportError` naming the file and what was expected. */
export function parseReport(rawText: string, ctx: ParseContext): AnyParsed {
  const text = stripBom(rawText);
  if (text.trim() === '')
    throw new ReportError(ctx.file, `${ctx.file} is empty: expected a coverage report.`);
  switch (detectTextKind(text)) {
    case 'json':
      return parseJsonReport(text, ctx);
    case 'xml':
      return parseXmlReport(text, ctx);
    case 'lcov':
      return parseLcov(text, ctx);
    case 'go-coverprofile':
      return parseGoCoverprofile(text, ctx);
    case 'unknown':
      throw unrecognisedFormat(ctx.file);
  }
}
