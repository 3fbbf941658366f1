/**
 * Issue 15, "the verdict where people read it": the job summary of a 6-gate umbrella run, rendered
 * by a real GFM renderer (marked) and a real headless Chromium, shows its overview table within the
 * first 900 px, naming every gate, however long the gates' own tables are.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { marked } from 'marked';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type HeadlessBrowser } from '../../../../test/support/browser.js';
import type { Gate } from '../../src/gate.js';
import { runGatesAction, selectConfiguredGates } from '../../src/runtime/action.js';
import { useRunnerEnv } from './env.js';
import { testGate, type TestConfig } from './test-gate.js';

const env = useRunnerEnv();
const IDS = [
  ['coverage', 'Coverage'],
  ['mutation', 'Mutation testing'],
  ['sarif', 'Static analysis'],
  ['license', 'Licenses'],
  ['pr-size', 'PR size'],
  ['kpi', 'KPI export'],
] as const;
const GATES: Gate<TestConfig>[] = IDS.map(([id, title]) => ({
  ...testGate,
  id,
  title,
  run: async (config, io) => ({ ...(await testGate.run(config, io)), gate: id }),
}));

let browser: HeadlessBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

/** Rows (y) of a PNG holding at least one pixel of the colour. */
function rowsWith(png: PNG, [r, g, b]: readonly [number, number, number]): number[] {
  const rows: number[] = [];
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const at = (y * png.width + x) * 4;
      if (png.data[at] === r && png.data[at + 1] === g && png.data[at + 2] === b) {
        rows.push(y);
        break;
      }
    }
  }
  return rows;
}

describe('the umbrella job summary in a browser', () => {
  it('shows the overview table above the fold, naming every gate', async () => {
    const dir = path.join(env().workspace, '.github');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'aeef-gates.yml'),
      `gates: [${IDS.map(([id]) => id).join(', ')}]\ncoverage:\n  threshold: 95\n`,
    );
    // 40 findings per gate: long tables, folded into <details> below the overview.
    const findings = Array.from({ length: 40 }, (_, i) => ({
      file: `src/f${i}.ts`,
      line: i + 1,
      message: `finding ${i}`,
    }));
    writeFileSync(path.join(env().workspace, 'report.json'), JSON.stringify({ value: 90, findings }));
    await runGatesAction(GATES, {
      select: selectConfiguredGates,
      extraInputs: [{ name: 'gates', kind: 'list', description: 'Gates.' }],
      heading: 'aeef/gates',
    });
    const html = await marked.parse(env().summary(), { gfm: true });
    const overview = /<table>[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    for (const [, title] of IDS) expect(overview).toContain(title);
    expect(html.indexOf('<table>')).toBeLessThan(html.indexOf('<h2'));

    // The first table painted magenta, everything else white: where the magenta lies is where it shows.
    const page = `<!doctype html><html><head><style>
      body { margin: 0; padding: 16px 32px; font: 14px/1.5 -apple-system, "Segoe UI", sans-serif; background: #fff; color: #fff; }
      table { border-collapse: collapse; } td, th { padding: 6px 13px; border: 1px solid #fff; }
      table:first-of-type, table:first-of-type * { background: #f0f !important; border-color: #f0f; color: #f0f; }
      </style></head><body>${html}</body></html>`;
    const shot = PNG.sync.read(
      await browser.screenshotHtml(page, { width: 1280, height: 900, fullPage: true }),
    );
    const magenta = rowsWith(shot, [255, 0, 255]);
    expect(shot.height).toBeGreaterThan(900); // the gates' sections go on below
    expect(magenta.length).toBeGreaterThan(6 * 20); // a header and six rows, each ~30 px
    expect(Math.max(...magenta)).toBeLessThan(900);
  }, 120_000);
});
