/**
 * Reading report files that the PR itself produced. A report path may point anywhere (a symlink to
 * /proc/self/environ, a FIFO, a 600 MiB sparse file), so every read is checked before a byte is
 * read: lexically and really inside the workspace (or an allowlisted directory such as
 * RUNNER_TEMP, but only for a path that names it: a workspace link into RUNNER_TEMP is refused), a
 * regular file, under the size cap, and the opened handle itself is checked again, so a directory
 * swapped for a link between the checks and the open cannot be read (RELIABILITY B15-B17, B19).
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readlinkSync,
  readSync,
  type Stats,
} from 'node:fs';
import { lstat, open, readlink, realpath, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { MissingReportError, ReportError } from '../errors.js';
import { decodeUtf8 } from '../json/read.js';

/** Default size cap of one report. */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

export interface SafeReadOptions {
  /** Absolute directories reads may resolve into: the workspace first, then e.g. RUNNER_TEMP. */
  roots: readonly string[];
  maxBytes?: number;
  /** Called with the stats of the opened handle (e.g. for its mtime). */
  onOpened?: (stats: Stats) => void;
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
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
}

/**
 * Real paths of the roots, resolved once per process: the roots are the workspace and RUNNER_TEMP,
 * which a report cannot move (a report can only change what lies inside them). A root swapped
 * anyway fails closed: the opened handle's real path is then outside the cached real root.
 */
const realRoots = new Map<string, Promise<string>>();
function realRootOf(root: string): Promise<string> {
  let real = realRoots.get(root);
  if (real === undefined) {
    real = realpath(root).catch(() => {
      realRoots.delete(root); // not cached: a root that appears later is resolved then
      return root;
    });
    realRoots.set(root, real);
  }
  return real;
}

/** Files up to this size take the synchronous path below; larger ones are read asynchronously. */
const SMALL_FILE_BYTES = 1024 * 1024;

/**
 * The common case in a few synchronous system calls (lstat, open, fstat, readlink of the
 * descriptor, read, close), no thread-pool round trips: a regular file, not a link, on Linux where
 * `/proc/self/fd` names the file really opened. The same checks as the general path: lstat says
 * regular before anything is opened, O_NOFOLLOW|O_NONBLOCK on the open, the handle's stats and
 * its real path inside the real root. Returns undefined whenever the general path must decide
 * (a link, a special file, an error, a large file), so every refusal keeps its one sentence.
 */
function readSmallFileFast(absolute: string, realRoot: string, options: SafeReadOptions): Buffer | undefined {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let fd: number;
  try {
    const before = lstatSync(absolute);
    if (!before.isFile() || before.size > Math.min(maxBytes, SMALL_FILE_BYTES)) return undefined;
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > Math.min(maxBytes, SMALL_FILE_BYTES)) return undefined;
    // Any directory above the file may have become a link since lstat: the kernel's name for the
    // descriptor is what was really opened, and it must lie inside the real root.
    const opened = readlinkSync(`/proc/self/fd/${fd}`);
    if (!isInside(realRoot, opened)) return undefined;
    options.onOpened?.(stats);
    const buffer = Buffer.allocUnsafe(stats.size);
    let offset = 0;
    while (offset < stats.size) {
      const bytesRead = readSync(fd, buffer, offset, stats.size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return buffer.subarray(0, offset);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Reads a report as bytes after every check above; the file is opened non-blocking, never followed. */
export async function readFileSafe(given: string, options: SafeReadOptions): Promise<Buffer> {
  const { roots, maxBytes = DEFAULT_MAX_BYTES } = options;
  const absolute = resolveInside(given, roots);
  // The root the given path names lexically (the most specific one): links may not leave it, so a
  // workspace link cannot reach RUNNER_TEMP even though RUNNER_TEMP is allowed by name.
  const lexicalRoot = roots
    .filter((r) => isInside(r, absolute))
    .reduce((a, b) => (b.length > a.length ? b : a), '');
  const realRoot = await realRootOf(lexicalRoot);
  if (process.platform === 'linux') {
    const fast = readSmallFileFast(absolute, realRoot, options);
    if (fast !== undefined) return fast;
  }
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
  if (!isInside(realRoot, real)) throw notRegular('a link to a file outside it');
  const check = (stats: Stats): void => {
    if (!stats.isFile()) throw notRegular(kindOf(stats));
    if (stats.size > maxBytes) {
      throw new ReportError(
        shown,
        `The report \`${shown}\` is ${mib(stats.size)}, over the ${mib(maxBytes)} limit.`,
      );
    }
  };
  // The file may change between the checks and the open (that is what the checks guard against):
  // whatever the system says then is a refusal naming the report, never an internal error.
  const vanished = (error: unknown): ReportError =>
    new ReportError(
      shown,
      `The report \`${shown}\` cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}); it changed while it was read.`,
    );
  check(
    await stat(real).catch((error: unknown) => {
      throw vanished(error);
    }),
  );
  // Checked again on the open handle, opened non-blocking: a FIFO swapped in meanwhile cannot hang us.
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch(
    (error: unknown) => {
      throw vanished(error);
    },
  );
  try {
    const stats = await handle.stat();
    check(stats);
    // O_NOFOLLOW guards the last component only: a directory above it may have become a link
    // since realpath. The handle names the file really opened; it must still be inside the root.
    if (!(await openedInside(handle, stats, real, realRoot))) {
      throw notRegular('a file reached through a link that changed while it was read');
    }
    options.onOpened?.(stats);
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
 * True when the open handle is the file at `real` inside `realRoot`: on Linux by the path the
 * kernel holds for the descriptor; elsewhere by device and inode of a fresh lookup of `real`.
 */
async function openedInside(
  handle: FileHandle,
  stats: Stats,
  real: string,
  realRoot: string,
): Promise<boolean> {
  if (process.platform === 'linux') {
    const opened = await readlink(`/proc/self/fd/${handle.fd}`).catch(() => undefined);
    if (opened !== undefined) return opened === real && isInside(realRoot, opened);
  }
  const again = await realpath(real).catch(() => undefined);
  if (again !== real) return false;
  const current = await lstat(real).catch(() => undefined);
  return current !== undefined && current.dev === stats.dev && current.ino === stats.ino;
}

/**
 * Strict UTF-8 text: a UTF-8 BOM is removed; UTF-16, invalid UTF-8 and NUL bytes are refused;
 * empty, whitespace-only and BOM-only files are "empty" (RELIABILITY B3, B5). The suite's one decoder.
 */
export function decodeReport(bytes: Buffer, shown: string): string {
  return decodeUtf8(bytes, shown, undefined, `\`${shown}\``);
}
