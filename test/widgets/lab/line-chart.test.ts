/**
 * The lab's line chart (the training loss, the noise schedule), drawn with a server-side DOM: a
 * chart with a single x value (the first point of a run) gets readable whole-number ticks, never
 * "5.000000"; a log axis labels its ticks.
 */
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineChart } from '../../../src/widgets/lab/plots.ts';

// Plot draws into window.document; the chart code reads `document`.
const g = globalThis as { document?: unknown; window?: unknown };
const saved = { document: g.document, window: g.window };
beforeAll(() => {
  const dom = parseHTML('<!doctype html><html><body></body></html>');
  g.window = dom.window;
  g.document = dom.document;
});
afterAll(() => {
  g.document = saved.document;
  g.window = saved.window;
});

function tickLabels(chart: Element, axis: 'x' | 'y'): string[] {
  return [...chart.querySelectorAll(`[aria-label="${axis}-axis tick label"] text`)].map((t) => t.textContent ?? '');
}

describe('lineChart()', () => {
  it('labels the x axis of a one-point chart (the first step of a run) with short whole numbers', () => {
    const chart = lineChart({ width: 500, label: 'loss', xLabel: 'step', yLabel: 'loss', rows: [{ x: 5, y: 0.8, series: 'loss' }], yType: 'log' });
    const x = tickLabels(chart, 'x');
    expect(x.length).toBeGreaterThan(0);
    for (const label of x) expect(label).toMatch(/^$|^[−-]?\d+$/);
    expect(x).toContain('5');
  });

  it('gives every tick of a log axis a number', () => {
    const rows = [0.9, 0.5, 0.3, 0.2, 0.15].map((y, i) => ({ x: (i + 1) * 10, y, series: 'loss' }));
    const y = tickLabels(lineChart({ width: 500, label: 'loss', xLabel: 'step', yLabel: 'loss', rows, yType: 'log' }), 'y');
    expect(y.length).toBeGreaterThanOrEqual(2);
    for (const label of y) expect(label.trim()).toMatch(/^\d/);
  });
});
