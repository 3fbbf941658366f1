/**
 * The KPI dashboard rendered by a real headless Chromium (the one npm ci brings, see
 * test/support/browser.ts): the screenshot must show one chart per KPI, with the trend line drawn
 * in its colour.
 */
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDashboard } from '../../actions/kpi/src/dashboard.js';
import { KPI_SCHEMA, type KpiReport } from '../../actions/kpi/src/kpi-report.js';
import { launchBrowser, type HeadlessBrowser } from '../support/browser.js';
const LINE = { r: 0x09, g: 0x69, b: 0xda }; // the chart line colour in dashboard.ts

function record(i: number, lines: number, findings: number): KpiReport {
  return {
    schema: KPI_SCHEMA,
    repository: 'aeef/sample',
    ref: 'main',
    commit: `c${i}`.padEnd(40, '0'),
    event: 'push',
    pullNumber: null,
    timestamp: `2026-11-0${i + 1}T00:00:00.000Z`,
    gates: [],
    kpis: [
      {
        id: 'coverage.lines',
        label: 'Line coverage',
        value: lines,
        unit: 'percent',
        direction: 'higher-is-better',
      },
      {
        id: 'sarif.findings',
        label: 'Findings',
        value: findings,
        unit: 'count',
        direction: 'lower-is-better',
      },
    ],
    conflicts: [],
  };
}

/** Pixels close to the line colour between rows `from` and `to`. */
function linePixels(png: PNG, from: number, to: number): number {
  let count = 0;
  for (let y = from; y < Math.min(to, png.height); y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      if (Math.abs(r - LINE.r) < 40 && Math.abs(g - LINE.g) < 40 && Math.abs(b - LINE.b) < 40) {
        count++;
      }
    }
  }
  return count;
}

describe('the KPI dashboard in headless Chromium', () => {
  let browser: HeadlessBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws a trend chart per KPI', async () => {
    const html = renderDashboard(
      [record(0, 70, 5), record(1, 78, 3), record(2, 85, 4)],
      'KPIs of aeef/sample',
    );
    const png = PNG.sync.read(await browser.screenshotHtml(html, { width: 640, height: 700 }));
    expect(png.width).toBe(640);
    // At 640 px wide the two figures stack: the first spans about rows 100-320, the second 337-558
    // (seen in the screenshot). Each must hold a drawn line; the page below them holds none.
    expect(linePixels(png, 90, 330), 'line pixels of the first chart').toBeGreaterThan(300);
    expect(linePixels(png, 330, 570), 'line pixels of the second chart').toBeGreaterThan(300);
    expect(linePixels(png, 580, 700), 'line pixels below the charts').toBe(0);
  });
});
