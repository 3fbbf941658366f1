/**
 * A real headless Chromium for rendering tests, with no root, no system package and no download:
 * on Linux x64 it is the Chromium that `npm ci` brings inside @sparticuz/chromium (brotli-packed,
 * unpacked once per version into .cache/chromium), driven by playwright-core. Elsewhere it is a
 * Chromium or Chrome installed on the machine; with neither, launching fails with one sentence
 * saying what to install (a rendering test never skips).
 */
import { execFileSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from './paths.js';

/** Where a browser comes from: the npm package, or an executable found on the machine. */
export type BrowserSource =
  { kind: 'npm'; binDir: string; version: string } | { kind: 'system'; executable: string };

export interface Machine {
  platform: string;
  arch: string;
  /** The PATH entries, in order. */
  pathDirs: string[];
  env: Record<string, string | undefined>;
  exists: (file: string) => boolean;
  /** The bin/ folder of @sparticuz/chromium and its version, when it is installed. */
  npmChromium: { binDir: string; version: string } | null;
}

/** @sparticuz/chromium's bin/ holds an x64 Linux build only. */
const NPM_CHROMIUM_PLATFORMS = new Set(['linux-x64']);

const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

function knownInstalls(machine: Machine): string[] {
  if (machine.platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ];
  }
  if (machine.platform === 'win32') {
    const roots = [machine.env.PROGRAMFILES, machine.env['PROGRAMFILES(X86)'], machine.env.LOCALAPPDATA];
    return roots
      .filter((root): root is string => root !== undefined && root !== '')
      .flatMap((root) => [
        path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
        path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      ]);
  }
  return [];
}

/**
 * The browser the rendering tests use on `machine`: the npm Chromium where it has a build, else
 * the first Chromium or Chrome on PATH or at its usual install path; throws when there is none.
 */
export function chooseBrowser(machine: Machine): BrowserSource {
  const target = `${machine.platform}-${machine.arch}`;
  if (machine.npmChromium !== null && NPM_CHROMIUM_PLATFORMS.has(target)) {
    return { kind: 'npm', ...machine.npmChromium };
  }
  const exe = machine.platform === 'win32' ? '.exe' : '';
  const pathCandidates = machine.pathDirs
    .filter((dir) => dir !== '')
    .flatMap((dir) => PATH_NAMES.map((name) => path.join(dir, name + exe)));
  const found = [...pathCandidates, ...knownInstalls(machine)].find((file) => machine.exists(file));
  if (found !== undefined) return { kind: 'system', executable: found };
  throw new Error(
    `No headless browser for the rendering tests on ${target}: @sparticuz/chromium (from npm ci) ` +
      `has Linux x64 builds only, and no ${PATH_NAMES.join('/')} is on PATH or installed in its ` +
      `usual place, so install Chromium or Google Chrome.`,
  );
}

function npmChromium(): { binDir: string; version: string } | null {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  } catch {
    return null;
  }
  // build/cjs/index.cjs -> the package root, whose bin/ holds the brotli files.
  const root = path.resolve(path.dirname(entry), '..', '..');
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  return { binDir: path.join(root, 'bin'), version };
}

/** The machine this process runs on. */
export function thisMachine(): Machine {
  return {
    platform: process.platform,
    arch: process.arch,
    pathDirs: (process.env.PATH ?? '').split(path.delimiter),
    env: process.env,
    exists: existsSync,
    npmChromium: npmChromium(),
  };
}

/** An executable and the environment it needs. */
interface Executable {
  executable: string;
  env: Record<string, string>;
}

/**
 * Unpacks the npm Chromium once per version: the binary, its fonts (Open Sans, so text renders the
 * same everywhere) and the NSS libraries it links (which a bare machine lacks). Unpacked into a
 * private folder that is renamed into place whole, so concurrent test workers never run a
 * half-written binary.
 */
async function unpackNpmChromium(binDir: string, version: string): Promise<Executable> {
  const dir = path.join(REPO_ROOT, '.cache', 'chromium', version);
  const ready = (): Executable => ({
    executable: path.join(dir, 'chromium'),
    env: { LD_LIBRARY_PATH: path.join(dir, 'lib'), FONTCONFIG_PATH: dir },
  });
  if (existsSync(path.join(dir, 'chromium'))) return ready();
  const work = `${dir}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(work, { recursive: true });
  try {
    await pipeline(
      createReadStream(path.join(binDir, 'chromium.br')),
      createBrotliDecompress(),
      createWriteStream(path.join(work, 'chromium'), { mode: 0o755 }),
    );
    for (const archive of ['fonts.tar.br', 'al2023.tar.br']) {
      execFileSync('tar', ['-x', '-C', work], {
        input: brotliDecompressSync(readFileSync(path.join(binDir, archive))),
      });
    }
    // The package's own fonts.conf names /tmp/fonts; this one names the unpacked copy.
    writeFileSync(
      path.join(work, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
        `  <dir>${path.join(dir, 'fonts')}</dir>\n  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>\n` +
        `</fontconfig>\n`,
    );
    try {
      renameSync(work, dir);
    } catch (error) {
      // Another worker renamed its copy into place first: use that one.
      if (!existsSync(path.join(dir, 'chromium'))) throw error;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return ready();
}

async function executableFor(source: BrowserSource): Promise<Executable> {
  if (source.kind === 'system') return { executable: source.executable, env: {} };
  return unpackNpmChromium(source.binDir, source.version);
}

/** Flags for a quiet, offline, reproducible headless run in containers without a user namespace. */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Viewport {
  width: number;
  height: number;
  /** Capture the whole page, not only the viewport (for content of unknown height). */
  fullPage?: boolean;
}

/** A launched headless browser; `close()` it in `afterAll`. */
export interface HeadlessBrowser {
  /** Chromium's version, e.g. 143.0.7499.0. */
  readonly version: string;
  readonly source: BrowserSource;
  /** PNG of `html` in a `viewport`-sized page: the visible part, as a window shows it, or `fullPage`. */
  screenshotHtml(html: string, viewport: Viewport): Promise<Buffer>;
  /** PNG of the page at `url` (file: URLs; the network is blocked). */
  screenshotUrl(url: string, viewport: Viewport): Promise<Buffer>;
  close(): Promise<void>;
}

/** Launches the browser `chooseBrowser` picks for this machine. */
export async function launchBrowser(): Promise<HeadlessBrowser> {
  const source = chooseBrowser(thisMachine());
  const { executable, env } = await executableFor(source);
  const browser: Browser = await chromium.launch({
    executablePath: executable,
    headless: true,
    args: BROWSER_ARGS,
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  async function shoot({ fullPage = false, ...viewport }: Viewport, load: (page: Page) => Promise<unknown>) {
    const page = await browser.newPage({ viewport });
    try {
      // Rendering tests render what they are given: nothing may come from the network.
      await page.route(/^(https?|wss?|ftp):/i, (route) => route.abort());
      await load(page);
      return await page.screenshot({ type: 'png', fullPage });
    } finally {
      await page.close();
    }
  }
  return {
    version: browser.version(),
    source,
    screenshotHtml: (html, viewport) =>
      shoot(viewport, (page) => page.setContent(html, { waitUntil: 'load' })),
    screenshotUrl: (url, viewport) => shoot(viewport, (page) => page.goto(url, { waitUntil: 'load' })),
    close: () => browser.close(),
  };
}
