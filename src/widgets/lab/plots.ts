/**
 * Observable Plot figures shared by the lab widgets. Every builder takes plain arrays and returns an
 * element; non-finite values are dropped before plotting (and counted) so a plot never shows NaN.
 */
import * as Plot from '@observablehq/plot';
import { mixtureDensityGrid, type Mixture2D } from '../../core/data/mixture.ts';
import { formatNumber } from '../../i18n/format.ts';

export interface XY {
  x: number;
  y: number;
}

/** Finite points of a row-major array, at most `limit` of them. */
export function toPoints(values: ArrayLike<number>, limit = Infinity): XY[] {
  const out: XY[] = [];
  for (let i = 0; i + 1 < values.length && out.length < limit; i += 2) {
    const x = values[i];
    const y = values[i + 1];
    if (Number.isFinite(x) && Number.isFinite(y)) out.push({ x, y });
  }
  return out;
}

type Grid = { data: number[]; size: number; lo: number; hi: number };
/**
 * Many dots as ONE path element (a pair of arcs per dot) instead of one <circle> each: the same
 * picture, about five times faster to build for thousands of points, which keeps a slider responsive.
 */
export function fastDots(points: XY[], { r = 1.4, fill = 'var(--accent-2)', fillOpacity = 0.7 } = {}): Plot.Markish {
  return Plot.dot(points, {
    x: 'x',
    y: 'y',
    r,
    render(index, _scales, values, dimensions, context) {
      const xs = values.x as ArrayLike<number>;
      const ys = values.y as ArrayLike<number>;
      const d: string[] = [];
      for (const i of index) d.push(`M${(xs[i] - r).toFixed(1)},${ys[i].toFixed(1)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`);
      const svg = 'http://www.w3.org/2000/svg';
      const path = context.document.createElementNS(svg, 'path');
      path.setAttribute('d', d.join(''));
      path.setAttribute('fill', fill);
      path.setAttribute('fill-opacity', String(fillOpacity));
      // A nested <svg> over the frame clips the dots to it (points far outside the domain stay inside the plot).
      const frame = context.document.createElementNS(svg, 'svg');
      const x = dimensions.marginLeft;
      const y = dimensions.marginTop;
      const w = Math.max(0, dimensions.width - dimensions.marginLeft - dimensions.marginRight);
      const h = Math.max(0, dimensions.height - dimensions.marginTop - dimensions.marginBottom);
      for (const [k, v] of Object.entries({ x, y, width: w, height: h, viewBox: `${x} ${y} ${w} ${h}`, overflow: 'hidden', 'aria-hidden': 'true' })) frame.setAttribute(k, String(v));
      frame.append(path);
      return frame;
    },
  });
}

/**
 * A colour of the site's palette as the browser resolves it now (light or dark theme): canvas-drawn
 * marks such as rasters cannot use CSS variables. Falls back to `fallback` outside a page.
 */
export function themeColor(cssColor: string, fallback = '#1f63a8'): string {
  if (typeof document === 'undefined' || !document.body) return fallback;
  const probe = document.createElement('span');
  probe.style.color = cssColor;
  probe.hidden = true;
  document.body.append(probe);
  const resolved = getComputedStyle(probe).color;
  probe.remove();
  return resolved || fallback;
}

const densityCache = new WeakMap<Mixture2D, Map<number, Grid>>();

/** The density on a grid covering [−extent, extent]², cached per mixture and extent. */
function density(mix: Mixture2D, extent: number): Grid {
  let byExtent = densityCache.get(mix);
  if (!byExtent) densityCache.set(mix, (byExtent = new Map()));
  let d = byExtent.get(extent);
  if (!d) {
    const grid = mixtureDensityGrid(mix, { size: Math.round(48 * extent), lo: -extent, hi: extent });
    d = { data: Array.from(grid.values), size: grid.size, lo: grid.lo, hi: grid.hi };
    byExtent.set(extent, d);
  }
  return d;
}

/** The most opaque the density gets (at its peak), and how opacity grows with it (square root). */
const DENSITY_ALPHA = 0.75;
const densityImages = new WeakMap<Grid, Map<string, string>>();

/**
 * The density grid as a PNG data URL: the colour `rgb` with opacity DENSITY_ALPHA·√(p / max p),
 * row 0 of the image at the top (the grid's last row, y = hi). Encoded once per grid and colour:
 * the same mixture is drawn in several panels and on every run.
 */
function densityDataUrl(d: Grid, rgb: string): string {
  let byColour = densityImages.get(d);
  if (!byColour) densityImages.set(d, (byColour = new Map()));
  const cached = byColour.get(rgb);
  if (cached) return cached;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = d.size;
  // A CPU-backed canvas: encoding it needs no read-back from the GPU.
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = rgb;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
  const image = ctx.createImageData(d.size, d.size);
  let max = 0;
  for (const v of d.data) if (v > max) max = v;
  for (let row = 0; row < d.size; row++) {
    for (let col = 0; col < d.size; col++) {
      const v = d.data[(d.size - 1 - row) * d.size + col];
      const k = 4 * (row * d.size + col);
      image.data[k] = r;
      image.data[k + 1] = g;
      image.data[k + 2] = b;
      image.data[k + 3] = max > 0 && v > 0 ? Math.round(255 * DENSITY_ALPHA * Math.sqrt(v / max)) : 0;
    }
  }
  ctx.putImageData(image, 0, 0);
  const url = canvas.toDataURL();
  byColour.set(rgb, url);
  return url;
}

/** The density as `rgb`'s opacity over the page (no bright panel in the dark theme), stretched over [lo, hi]², smoothed when scaled. */
function densityImage(d: Grid, rgb: string): Plot.RenderFunction {
  return (_index, scales, _values, _dimensions, context) => {
    const x = scales.x!;
    const y = scales.y!;
    const [x0, x1, y0, y1] = [x(d.lo) as number, x(d.hi) as number, y(d.hi) as number, y(d.lo) as number];
    const image = context.document.createElementNS('http://www.w3.org/2000/svg', 'image');
    for (const [k, v] of Object.entries({ x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0), preserveAspectRatio: 'none', href: densityDataUrl(d, rgb), 'aria-hidden': 'true' })) image.setAttribute(k, String(v));
    image.style.imageRendering = 'auto';
    return image;
  };
}

export interface ScatterOptions {
  width: number;
  label: string;
  description?: string;
  /** Domain of both axes. Default [−1.5, 1.5]. */
  extent?: number;
  mixture?: Mixture2D | null;
  points: XY[];
  /** Extra marks drawn on top. */
  marks?: Plot.Markish[];
  radius?: number;
}

/** Points over the data density (a raster of the exact mixture density). */
export function scatterOverDensity({ width, label, description, extent = 1.5, mixture, points, marks = [], radius = 1.4 }: ScatterOptions): Element {
  const size = Math.max(220, Math.min(width, 520));
  const d = mixture ? density(mixture, extent) : null;
  return Plot.plot({
    width: size,
    height: size,
    x: { domain: [-extent, extent], label: 'x₁' },
    y: { domain: [-extent, extent], label: 'x₂' },
      style: { background: 'transparent', color: 'currentColor' },
    marks: [
      d ? densityImage(d, themeColor('var(--accent)')) : null,
      Plot.frame({ strokeOpacity: 0.3 }),
      fastDots(points, { r: radius }),
      ...marks,
    ],
    ariaLabel: label,
    ariaDescription: description,
  });
}

/** Paths (lists of points) as lines with a dot at the end. */
export function pathMarks(paths: XY[][]): Plot.Markish[] {
  const rows = paths.flatMap((p, k) => p.map((pt, step) => ({ ...pt, k, step })));
  const ends = paths.map((p) => p[p.length - 1]).filter(Boolean);
  const starts = paths.map((p) => p[0]).filter(Boolean);
  return [
    Plot.line(rows, { clip: true, x: 'x', y: 'y', z: 'k', stroke: 'var(--fg)', strokeOpacity: 0.55, strokeWidth: 1 }),
    Plot.dot(starts, { clip: true, x: 'x', y: 'y', r: 2.5, fill: 'var(--muted)' }),
    Plot.dot(ends, { clip: true, x: 'x', y: 'y', r: 3, fill: 'var(--accent-3)', stroke: 'var(--bg)' }),
  ];
}

export interface LineSeries {
  x: number;
  y: number;
  series: string;
  lo?: number;
  hi?: number;
}

/**
 * Tick values for a log axis over [lo, hi]: the 1-2-5 values of each decade inside the range,
 * or, past `max` of them, the powers of ten (every k-th decade if still too many); when fewer than two fall inside, the ends themselves. Every tick gets
 * a label, whatever the span (a span under one decade has no power of ten to label).
 */
export function logTicks(lo: number, hi: number, max = 6): number[] {
  if (!(lo > 0) || !(hi >= lo)) return [];
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) ticks.push(v);
    }
  }
  if (ticks.length < 2) return lo === hi ? [lo] : [lo, hi];
  if (ticks.length <= max) return ticks;
  // Too many: powers of ten only, then every k-th decade.
  const decades = ticks.filter((v) => Number.isInteger(Math.round(Math.log10(v) * 1e9) / 1e9));
  const every = Math.ceil(decades.length / max);
  return decades.filter((_, i) => i % every === 0);
}

/** An axis domain that is never a single point (d3 prints "5.000000" ticks for [5, 5]). */
function spread([lo, hi]: [number, number], type: 'linear' | 'log'): [number, number] {
  if (lo < hi) return [lo, hi];
  return type === 'log' ? [lo / 2, lo * 2] : [lo - 1, lo + 1];
}

function extent(values: number[]): [number, number] {
  return [Math.min(...values), Math.max(...values)];
}

/** A line chart with optional bands (lo/hi). */
export function lineChart({ width, label, xLabel, yLabel, rows, height = 240, yType = 'linear', xType = 'linear', reverseX = false }: { width: number; label: string; xLabel: string; yLabel: string; rows: LineSeries[]; height?: number; yType?: 'linear' | 'log'; xType?: 'linear' | 'log'; reverseX?: boolean }): Element {
  // Series keep the colours of their first appearance, so the same series looks the same in every chart.
  const order = [...new Set(rows.map((r) => r.series))];
  const finite = rows.filter((r) => Number.isFinite(r.x) && Number.isFinite(r.y) && (yType !== 'log' || r.y > 0) && (xType !== 'log' || r.x > 0));
  const banded = finite.filter((r) => Number.isFinite(r.lo) && Number.isFinite(r.hi));
  const xs = finite.map((r) => r.x);
  const ys = finite.flatMap((r) => [r.y, ...(Number.isFinite(r.lo) && Number.isFinite(r.hi) ? [r.lo!, r.hi!] : [])]).filter((v) => yType !== 'log' || v > 0);
  const xDomain = xs.length ? spread(extent(xs), xType) : undefined;
  const yDomain = ys.length ? spread(extent(ys), yType) : undefined;
  // Whole-number x (steps, timesteps): whole-number ticks only.
  const integerX = xs.length > 0 && xs.every(Number.isInteger);
  const xTicks = xType === 'log' && xDomain ? { ticks: logTicks(...xDomain), tickFormat: (d: number) => formatNumber(d, 2) } : integerX ? { tickFormat: (d: number) => (Number.isInteger(d) ? formatNumber(d, 6) : '') } : {};
  const yTicks = yType === 'log' && yDomain ? { ticks: logTicks(...yDomain), tickFormat: (d: number) => formatNumber(d, 2) } : {};
  return Plot.plot({
    width: Math.max(260, Math.min(width, 640)),
    height,
    marginLeft: 56,
    x: { label: xLabel, reverse: reverseX, type: xType, domain: xDomain, ...xTicks },
    y: { label: yLabel, grid: true, type: yType, domain: yDomain, ...(yType === 'linear' ? { nice: true } : {}), ...yTicks },
    color: { legend: true, domain: order, range: ['var(--accent)', 'var(--accent-2)', 'var(--accent-3)', 'var(--fg)'] },
    style: { background: 'transparent', color: 'currentColor' },
    marks: [
      banded.length > 0 ? Plot.areaY(banded, { clip: true, x: 'x', y1: 'lo', y2: 'hi', z: 'series', fill: 'series', fillOpacity: 0.18 }) : null,
      Plot.line(finite, { clip: true, x: 'x', y: 'y', z: 'series', stroke: 'series', strokeWidth: 1.8, marker: finite.length < 60 ? 'dot' : null }),
    ],
    ariaLabel: label,
  });
}

export interface LegendItem {
  label: string;
  /** A CSS colour (variables allowed: the swatch is inline SVG). */
  color: string;
  dashed?: boolean;
}

/** A legend of line styles, for charts whose series are drawn with constant strokes. */
export function lineLegend(items: LegendItem[]): HTMLElement {
  const legend = document.createElement('ul');
  legend.className = 'plot-legend';
  for (const item of items) {
    const li = document.createElement('li');
    li.innerHTML = `<svg width="28" height="10" aria-hidden="true"><line x1="1" y1="5" x2="27" y2="5" stroke-width="2"${item.dashed ? ' stroke-dasharray="4 3"' : ''}></line></svg>`;
    li.querySelector('line')!.setAttribute('stroke', item.color);
    li.append(document.createTextNode(item.label));
    legend.append(li);
  }
  return legend;
}
