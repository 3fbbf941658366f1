// The rendering tests' browser: npm's Chromium where it has a build, else the machine's own, else
// one sentence saying what to install. Never a silent skip.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseBrowser, thisMachine, type Machine } from '../support/browser.js';

const NPM = { binDir: '/repo/node_modules/@sparticuz/chromium/bin', version: '143.0.4' };

function machine(overrides: Partial<Machine> & { files?: string[] }): Machine {
  const files = new Set(overrides.files ?? []);
  return {
    platform: 'linux',
    arch: 'x64',
    pathDirs: ['/usr/local/bin', '/usr/bin'],
    env: {},
    exists: (file) => files.has(file),
    npmChromium: NPM,
    ...overrides,
  };
}

describe(chooseBrowser.name, () => {
  it('takes the npm Chromium on Linux x64, even with a system Chromium on PATH', () => {
    expect(chooseBrowser(machine({ files: ['/usr/bin/chromium'] }))).toEqual({ kind: 'npm', ...NPM });
  });

  it('takes the first Chromium or Chrome on PATH where the npm package has no build', () => {
    const arm = machine({ arch: 'arm64', files: ['/usr/bin/google-chrome', '/usr/bin/chromium'] });
    expect(chooseBrowser(arm)).toEqual({ kind: 'system', executable: path.join('/usr/bin', 'chromium') });
  });

  it("finds Chrome in macOS's Applications folder", () => {
    const mac = machine({
      platform: 'darwin',
      arch: 'arm64',
      files: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
    });
    expect(chooseBrowser(mac)).toEqual({
      kind: 'system',
      executable: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    });
  });

  it('finds chrome.exe under Program Files on Windows', () => {
    const chrome = path.win32.join('C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe');
    const win = machine({
      platform: 'win32',
      pathDirs: [],
      env: { PROGRAMFILES: 'C:\\Program Files' },
      files: [chrome],
    });
    expect(chooseBrowser(win)).toEqual({ kind: 'system', executable: chrome });
  });

  it('says what to install when there is no browser at all', () => {
    expect(() => chooseBrowser(machine({ platform: 'darwin', arch: 'arm64' }))).toThrow(
      /^No headless browser for the rendering tests on darwin-arm64: .* so install Chromium or Google Chrome\.$/,
    );
    expect(() => chooseBrowser(machine({ npmChromium: null }))).toThrow(/on linux-x64/);
  });

  it('sees the npm Chromium that npm ci installed here', () => {
    const here = thisMachine();
    expect(here.npmChromium?.version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
