/**
 * Reading report files that the PR itself produced. A report path may point anywhere (a symlink to
 * /proc/self/environ, a FIFO, a 600 MiB sparse file), so every read is checked before a byte is
 * read: lexically and really inside the workspace (or an allowlisted directory such as
 * RUNNER_TEMP), a regular file, under the size cap (RELIABILITY B15-B17, B19).
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { MissingReportError, ReportError } from '../errors.js';

/** Default size cap of one report. */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

export interface SafeReadOptions {
  /** Absolute directories reads may resolve into: the workspace first, then e.g. RUNNER_TEMP. */
  roots: readonly string[];
  maxBytes?: number;
}

/** True when `child` is `parent` or lies below it (both absolute, normalised). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** How a path is named in messages: workspace-relative POSIX when possible. */
export function displayPath(root: string, absolute: string): string {
  return isInside(root, absolute) ? path.relative(root, absolute).split(path.sep).join('/') || '.' : absolute;
}

/**
 * The absolute path a user-given report path stands for, lexically inside one of `roots`.
 * Throws `ReportError` for `~`, `..` escapes and absolute paths outside every root.
 */
export function resolveInside(given: string, roots: readonly string[]): string {
  const root = roots[0];
  if (root === undefined) throw new Error('resolveInside needs at least one root');
  const outside = (): ReportError =>
    new ReportError(given, `The report path \`${given}\` is outside the workspace.`);
  if (given.startsWith('~')) throw outside();
  const absolute = path.resolve(root, given);
  if (!roots.some((r) => isInside(r, absolute))) throw outside();
  return absolute;
}

function kindOf(stats: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  return 'a device or special file';
}

function mib(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
}

/** Reads a report as bytes after every check above; the file is opened non-blocking, never followed. */
export async function readFileSafe(given: string, options: SafeReadOptions): Promise<Buffer> {
  const { roots, maxBytes = DEFAULT_MAX_BYTES } = options;
  const absolute = resolveInside(given, roots);
  const shown = displayPath(roots[0] ?? '/', absolute);
  const notRegular = (what: string): ReportError =>
    new ReportError(
      shown,
      `The report \`${shown}\` must be a regular file inside the workspace, not ${what}.`,
    );
  try {
    await lstat(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new MissingReportError(shown, `The report \`${shown}\` was not found.`);
    }
    throw new ReportError(shown, `The report \`${shown}\` cannot be read (${code ?? 'unknown error'}).`);
  }
  const real = await realpath(absolute).catch(() => {
    throw notRegular('a broken link');
  });
  const realRoots = await Promise.all(roots.map((r) => realpath(r).catch(() => r)));
  if (!realRoots.some((r) => isInside(r, real))) throw notRegular('a link to a file outside it');
  const check = (stats: Stats): void => {
    if (!stats.isFile()) throw notRegular(kindOf(stats));
    if (stats.size > maxBytes) {
      throw new ReportError(
        shown,
        `The report \`${shown}\` is ${mib(stats.size)}, over the ${mib(maxBytes)} limit.`,
      );
    }
  };
  check(await stat(real));
  // Checked again on the open handle, opened non-blocking: a FIFO swapped in meanwhile cannot hang us.
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    check(stats);
    const buffer = Buffer.allocUnsafe(stats.size);
    let offset = 0;
    while (offset < stats.size) {
      const { bytesRead } = await handle.read(buffer, offset, stats.size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return buffer.subarray(0, offset);
  } finally {
    await handle.close();
  }
}

/**
 * Strict UTF-8 text: a UTF-8 BOM is removed; UTF-16, invalid UTF-8 and NUL bytes are refused;
 * empty, whitespace-only and BOM-only files are "empty" (RELIABILITY B3, B5).
 */
export function decodeReport(bytes: Buffer, shown: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ReportError(shown, `The report \`${shown}\` is UTF-16 encoded; expected UTF-8.`);
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch {
    throw new ReportError(shown, `The report \`${shown}\` is not valid UTF-8 text.`);
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    throw new ReportError(
      shown,
      `The report \`${shown}\` contains a NUL character (at character ${nul}); expected text.`,
    );
  }
  if (text.trim() === '') throw new ReportError(shown, `The report \`${shown}\` is empty.`);
  return text;
}
