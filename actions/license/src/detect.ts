/**
 * Format detection by content, never by file name: a lockfile renamed or an SBOM with any name is
 * read by what it is, and something else is refused with the formats we do read.
 */
import { parseJsonText, ReportError } from '@aeef/gate-result';
import { isCycloneDx, readCycloneDx } from './cyclonedx.js';
import type { Inventory } from './model.js';
import { isNpmLock, readNpmLock } from './npm-lock.js';
import { isPnpmLock, readPnpmLock } from './pnpm-lock.js';
import { isSpdx2, isSpdx3, readSpdx, refuseSpdx3 } from './spdx-sbom.js';
import { parseLastYamlDocument } from './yaml-document.js';
import { isYarnLock, readYarnLock } from './yarn-lock.js';

const EXPECTED =
  'package-lock.json (v2/v3), npm-shrinkwrap.json, pnpm-lock.yaml, yarn.lock, CycloneDX JSON or SPDX 2.x JSON';

/** Reads any supported source; `rootManifest` is the project's package.json, for yarn's roots. */
export function readSource(text: string, file: string, rootManifest?: Record<string, unknown>): Inventory {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new ReportError(file, `${file} is empty; expected ${EXPECTED}.`);
  const start = body.trimStart()[0];
  if (start === '{' || start === '[') {
    const json = parseJsonText(body, file);
    if (isNpmLock(json)) return readNpmLock(json as Record<string, unknown>, file);
    if (isCycloneDx(json)) return readCycloneDx(json as Record<string, unknown>, file);
    if (isSpdx2(json)) return readSpdx(json as Record<string, unknown>, file);
    if (isSpdx3(json)) refuseSpdx3(file);
    throw new ReportError(file, `${file} is JSON but not a format this gate reads; expected ${EXPECTED}.`);
  }
  if (isYarnLock(body)) return readYarnLock(body, file, rootManifest);
  const doc = parseLastYamlDocument(body, file);
  if (isPnpmLock(doc)) return readPnpmLock(doc as Record<string, unknown>, file);
  throw new ReportError(file, `${file} is not a format this gate reads; expected ${EXPECTED}.`);
}
