// The rendering tests' browser itself: it launches from what npm ci installed, renders HTML to a
// PNG of the asked size, and never reaches the network (a local server sees no request).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type HeadlessBrowser } from '../support/browser.js';

let browser: HeadlessBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the headless browser of the rendering tests', () => {
  it('is a Chromium, from npm on Linux x64', () => {
    expect(browser.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    if (process.platform === 'linux' && process.arch === 'x64') expect(browser.source.kind).toBe('npm');
  });

  it('renders HTML to a PNG of the viewport, or of the whole page', async () => {
    const html = '<body style="margin:0;background:#ff0000"><div style="height:1500px"></div></body>';
    const shot = PNG.sync.read(await browser.screenshotHtml(html, { width: 320, height: 200 }));
    expect([shot.width, shot.height, ...shot.data.subarray(0, 3)]).toEqual([320, 200, 255, 0, 0]);
    const full = PNG.sync.read(
      await browser.screenshotHtml(html, { width: 320, height: 200, fullPage: true }),
    );
    expect([full.width, full.height]).toEqual([320, 1500]);
  });

  it('loads nothing over the network', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const url = `http://127.0.0.1:${port}`;
      await browser.screenshotHtml(
        `<img src="${url}/pixel.png"><link rel="stylesheet" href="${url}/style.css"><script src="${url}/a.js"></script>`,
        { width: 100, height: 100 },
      );
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });
});
