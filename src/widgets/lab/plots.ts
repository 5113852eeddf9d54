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
    render(index, _scales, values, _dimensions, context) {
      const xs = values.x as ArrayLike<number>;
      const ys = values.y as ArrayLike<number>;
      const d: string[] = [];
      for (const i of index) d.push(`M${(xs[i] - r).toFixed(1)},${ys[i].toFixed(1)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`);
      const path = context.document.createElementNS('http://www.w3.org/2000/svg', 'path');
      path.setAttribute('d', d.join(''));
      path.setAttribute('fill', fill);
      path.setAttribute('fill-opacity', String(fillOpacity));
      const g = context.document.createElementNS('http://www.w3.org/2000/svg', 'g');
      g.setAttribute('aria-hidden', 'true');
      g.append(path);
      return g;
    },
  });
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
    color: { scheme: 'blues', type: 'sqrt' },
    style: { background: 'transparent', color: 'currentColor' },
    marks: [
      // One canvas pixel per grid cell or so (pixelSize), smoothed when scaled: a full-resolution
      // canvas would cost ~50 times more (and its PNG encoding) for the same 72 × 72 grid.
      d
        ? Plot.raster(d.data, { width: d.size, height: d.size, x1: d.lo, x2: d.hi, y1: d.lo, y2: d.hi, fill: (v: number) => v, imageRendering: 'auto', interpolate: 'nearest', pixelSize: Math.max(1, Math.floor(size / d.size)) } as Plot.RasterOptions)
        : null,
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
    Plot.line(rows, { x: 'x', y: 'y', z: 'k', stroke: 'var(--fg)', strokeOpacity: 0.55, strokeWidth: 1 }),
    Plot.dot(starts, { x: 'x', y: 'y', r: 2.5, fill: 'var(--muted)' }),
    Plot.dot(ends, { x: 'x', y: 'y', r: 3, fill: 'var(--accent-3)', stroke: 'var(--bg)' }),
  ];
}

export interface LineSeries {
  x: number;
  y: number;
  series: string;
  lo?: number;
  hi?: number;
}

/** A line chart with optional bands (lo/hi). */
export function lineChart({ width, label, xLabel, yLabel, rows, height = 240, yType = 'linear', xType = 'linear', reverseX = false }: { width: number; label: string; xLabel: string; yLabel: string; rows: LineSeries[]; height?: number; yType?: 'linear' | 'log'; xType?: 'linear' | 'log'; reverseX?: boolean }): Element {
  // Series keep the colours of their first appearance, so the same series looks the same in every chart.
  const order = [...new Set(rows.map((r) => r.series))];
  const finite = rows.filter((r) => Number.isFinite(r.x) && Number.isFinite(r.y) && (yType !== 'log' || r.y > 0));
  const banded = finite.filter((r) => Number.isFinite(r.lo) && Number.isFinite(r.hi));
  return Plot.plot({
    width: Math.max(260, Math.min(width, 640)),
    height,
    marginLeft: 56,
    x: { label: xLabel, reverse: reverseX, type: xType, ...(xType === 'log' ? { tickFormat: (d: number) => formatNumber(d, 2) } : {}) },
    y: { label: yLabel, grid: true, type: yType, ...(yType === 'log' ? { tickFormat: (d: number) => (Number.isInteger(Math.log10(d)) ? formatNumber(d, 1) : '') } : {}) },
    color: { legend: true, domain: order, range: ['var(--accent)', 'var(--accent-2)', 'var(--accent-3)', 'var(--muted)'] },
    style: { background: 'transparent', color: 'currentColor' },
    marks: [
      banded.length > 0 ? Plot.areaY(banded, { x: 'x', y1: 'lo', y2: 'hi', fill: 'series', fillOpacity: 0.18 }) : null,
      Plot.line(finite, { x: 'x', y: 'y', stroke: 'series', strokeWidth: 1.8, marker: finite.length < 60 ? 'dot' : null }),
    ],
    ariaLabel: label,
  });
}
