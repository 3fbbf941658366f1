/**
 * A static HTML dashboard with one trend chart per KPI, rendered to inline SVG at build time: no
 * script, no external resource, so it works on GitHub Pages and under a strict CSP. Every string
 * from result files is HTML-escaped.
 */
import { escapeHtml } from '@aeef/gate-result';
import type { KpiReport } from './kpi-report.js';

const WIDTH = 560;
const HEIGHT = 180;
const PAD = { left: 56, right: 16, top: 16, bottom: 28 };
/**
 * Points drawn per chart at most: a long history is drawn from per-bucket extremes (the first and
 * last runs always), so the page stays small and no spike is lost. Below it, every run is a dot.
 */
export const MAX_DRAWN_POINTS = 600;

interface Series {
  id: string;
  label: string;
  unit: string;
  /** A KPI split by provenance: the KPI it splits, and which side this series is. */
  splitOf?: string;
  aiInvolved?: boolean;
  points: { x: number; value: number; commit: string | null; timestamp: string | null }[];
}

export function renderDashboard(records: readonly KpiReport[], title: string): string {
  const series = collectSeries(records);
  const charts = series
    .filter((s) => s.splitOf === undefined)
    .map((s) => renderChart(s))
    .join('\n');
  const pairs = renderPairs(series.filter((s) => s.splitOf !== undefined));
  const latest = records.at(-1);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:24px;color:#1f2328;background:#fff}
h1{font-size:20px}.grid{display:flex;flex-wrap:wrap;gap:16px}
figure{margin:0;border:1px solid #d0d7de;border-radius:6px;padding:8px}
figcaption{font-size:14px;font-weight:600;margin-bottom:4px}
.axis{stroke:#8c959f;stroke-width:1}.line{fill:none;stroke:#0969da;stroke-width:2}
.dot{fill:#0969da}.label{font-size:11px;fill:#57606a}
h2{font-size:16px;margin-top:24px}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${records.length} run(s)${latest?.timestamp ? `; latest ${escapeHtml(latest.timestamp)}` : ''}${
    latest?.commit ? ` at ${escapeHtml(latest.commit.slice(0, 12))}` : ''
  }.</p>
<div class="grid">
${charts || '<p>No numeric KPI recorded yet.</p>'}
</div>
${pairs}</body>
</html>
`;
}

function collectSeries(records: readonly KpiReport[]): Series[] {
  const byId = new Map<string, Series>();
  records.forEach((record, x) => {
    for (const kpi of record.kpis) {
      const value = kpi.p50 ?? kpi.value;
      if (value === null || value === undefined || !Number.isFinite(value)) continue;
      let s = byId.get(kpi.id);
      if (!s) {
        s = {
          id: kpi.id,
          label: kpi.label,
          unit: kpi.unit,
          ...(kpi.splitOf !== undefined && { splitOf: kpi.splitOf }),
          ...(kpi.aiInvolved !== undefined && { aiInvolved: kpi.aiInvolved }),
          points: [],
        };
        byId.set(kpi.id, s);
      }
      s.points.push({ x, value, commit: record.commit, timestamp: record.timestamp });
    }
  });
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The KPIs split by provenance: for each, the AI-involved and the human-only chart side by side,
 * on one scale so the two can be compared at a glance.
 */
function renderPairs(split: readonly Series[]): string {
  const bySplit = new Map<string, Series[]>();
  for (const s of split) bySplit.set(s.splitOf ?? s.id, [...(bySplit.get(s.splitOf ?? s.id) ?? []), s]);
  if (bySplit.size === 0) return '';
  const rows = [...bySplit.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([of, pair]) => {
      const sides = [...pair].sort((a, b) => Number(b.aiInvolved ?? false) - Number(a.aiInvolved ?? false));
      const { min, max } = rangeOf(sides.flatMap((s) => s.points));
      return `<div class="grid" data-split="${escapeHtml(of)}">
${sides.map((s) => renderChart(s, { min, max })).join('\n')}
</div>`;
    });
  return `<h2>By provenance: AI-involved and human-only pull requests</h2>
${rows.join('\n')}
`;
}

function rangeOf(points: readonly { value: number }[]): { min: number; max: number } {
  // Loops, not Math.min(...values): a spread of a million arguments overflows the stack.
  let min = Infinity;
  let max = -Infinity;
  for (const p of points) {
    if (p.value < min) min = p.value;
    if (p.value > max) max = p.value;
  }
  return { min, max };
}

function renderChart(series: Series, scale?: { min: number; max: number }): string {
  let { min, max } = scale ?? rangeOf(series.points);
  if (series.unit === 'percent') {
    min = Math.min(min, 0);
    max = Math.max(max, 100);
  }
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const x0 = series.points[0]?.x ?? 0;
  const x1 = series.points.at(-1)?.x ?? 0;
  const drawn = downsample(series.points, MAX_DRAWN_POINTS);
  const sx = (x: number): number =>
    PAD.left +
    (x1 === x0
      ? (WIDTH - PAD.left - PAD.right) / 2
      : ((x - x0) / (x1 - x0)) * (WIDTH - PAD.left - PAD.right));
  const sy = (v: number): number => PAD.top + (1 - (v - min) / (max - min)) * (HEIGHT - PAD.top - PAD.bottom);
  const path = drawn.map((p) => `${sx(p.x).toFixed(1)},${sy(p.value).toFixed(1)}`).join(' ');
  const dots = (drawn.length === series.points.length ? drawn : [])
    .map(
      (p) =>
        `<circle class="dot" cx="${sx(p.x).toFixed(1)}" cy="${sy(p.value).toFixed(1)}" r="3"><title>${escapeHtml(
          `${format(p.value)} ${p.commit?.slice(0, 12) ?? ''} ${p.timestamp ?? ''}`.trim(),
        )}</title></circle>`,
    )
    .join('');
  const last = series.points.at(-1);
  return `<figure data-kpi="${escapeHtml(series.id)}">
<figcaption>${escapeHtml(series.label)} <span class="label">(${escapeHtml(series.id)}, ${escapeHtml(series.unit)})</span></figcaption>
<svg width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(series.label)} trend">
<line class="axis" x1="${PAD.left}" y1="${HEIGHT - PAD.bottom}" x2="${WIDTH - PAD.right}" y2="${HEIGHT - PAD.bottom}"/>
<line class="axis" x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${HEIGHT - PAD.bottom}"/>
<text class="label" x="${PAD.left - 6}" y="${PAD.top + 4}" text-anchor="end">${format(max)}</text>
<text class="label" x="${PAD.left - 6}" y="${HEIGHT - PAD.bottom}" text-anchor="end">${format(min)}</text>
<text class="label" x="${WIDTH - PAD.right}" y="${HEIGHT - 8}" text-anchor="end">${
    drawn.length < series.points.length ? `${series.points.length} runs; ` : ''
  }latest ${last ? format(last.value) : ''}</text>
<polyline class="line" points="${path}"/>${dots}
</svg>
</figure>`;
}

/**
 * At most `limit` points, in order: the range is cut into buckets and each keeps its lowest and
 * highest point, the first and last points included. Points are in x order already.
 */
export function downsample<P extends { x: number; value: number }>(points: readonly P[], limit: number): P[] {
  if (points.length <= limit) return [...points];
  const buckets = Math.max(1, Math.floor((limit - 2) / 2));
  const size = (points.length - 2) / buckets;
  const first = points[0];
  const last = points.at(-1);
  const out: P[] = first === undefined ? [] : [first];
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor(b * size);
    const end = Math.min(points.length - 1, 1 + Math.floor((b + 1) * size));
    let low: P | undefined;
    let high: P | undefined;
    for (let i = start; i < end; i++) {
      const p = points[i];
      if (p === undefined) continue;
      if (low === undefined || p.value < low.value) low = p;
      if (high === undefined || p.value > high.value) high = p;
    }
    if (low === undefined || high === undefined) continue;
    if (low === high) out.push(low);
    else out.push(...(low.x < high.x ? [low, high] : [high, low]));
  }
  if (last !== undefined && points.length > 1) out.push(last);
  return out;
}

function format(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
