/**
 * DDIM step inspector, heavy half. Runs one step of the real DDIMScheduler (through
 * src/core/scheduler/inspector-scenario.ts) and shows its scalars, every term for four 2D points,
 * and a picture of the points before and after. Settings the scheduler refuses keep the previous
 * result on screen and explain why; non-finite numbers are spelled out, never printed as NaN.
 */
import type { WidgetContext, WidgetInstance } from '../runtime/island.ts';
import type { Lookup } from '../param-messages.ts';
import { inspectStep, type InspectorResult } from '../../core/scheduler/inspector-scenario.ts';
import type { SchedulerInputError } from '../../core/scheduler/errors.ts';
import type { Tensor } from '../../core/scheduler/tensor.ts';
import type { stepInspectorParams } from './params.ts';
import type { ParamValues } from '../params.ts';
import { el, svgEl } from '../runtime/dom.ts';

type Table = typeof stepInspectorParams;

function formatter(tr: Lookup) {
  return (x: number, digits = 4): string => {
    if (Number.isNaN(x)) return tr('sched.notANumber');
    if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
    if (x === 0) return '0';
    const abs = Math.abs(x);
    const text = abs >= 1e-3 && abs < 1e5 ? String(Number(x.toPrecision(digits))) : x.toExponential(digits - 1);
    return text.replace('-', '−');
  };
}

function kvTable(rows: [string, string][]): HTMLTableElement {
  const table = el('table', { class: 'sched-kv' });
  for (const [k, v] of rows) {
    const row = el('tr');
    row.append(el('th', { scope: 'row' }, k), el('td', {}, v));
    table.append(row);
  }
  return table;
}

function scalars(r: InspectorResult, v: ParamValues<Table>, tr: Lookup, fmt: (x: number, d?: number) => string): HTMLElement {
  const c = r.trace.coefficients;
  const box = el('div', { 'data-scalars': '' });
  box.append(el('h4', {}, tr('sched.insp.scalars', { k: v.k })));
  box.append(
    kvTable([
      [tr('sched.insp.row.t'), fmt(r.t)],
      [tr('sched.insp.row.prev'), fmt(c.prevTimestep)],
      [tr('sched.insp.row.alpha'), fmt(c.alphaProdT, 6)],
      [tr('sched.insp.row.alphaPrev'), fmt(c.alphaProdTPrev, 6)],
      [tr('sched.insp.row.sigma'), fmt(c.stdDevT, 6)],
      [tr('sched.insp.row.dir'), fmt(Math.sqrt(c.directionCoeffSquared), 6)],
      [tr('sched.insp.row.etaMax'), fmt(r.maxEta, 8)],
      [tr('sched.insp.row.gain'), fmt(r.errorGain)],
    ]),
  );
  const notes: string[] = [];
  if (c.prevTimestep < 0) notes.push(tr('sched.insp.note.final', { value: fmt(c.alphaProdTPrev, 8) }));
  if (r.t < 0) notes.push(tr('sched.insp.note.minusOne', { value: fmt(c.alphaProdT, 6) }));
  const changed = Array.from(r.trace.predOriginalSample.data).filter((x, i) => x !== r.trace.unclippedOriginalSample.data[i]).length;
  if (changed > 0 && !v.clipped) notes.push(tr('sched.insp.note.mixed', { count: changed }));
  if (!r.trace.prevSample.data.every(Number.isFinite)) notes.push(tr('sched.insp.note.nan'));
  if (notes.length) {
    const ul = el('ul', { class: 'sched-notes', 'data-notes': '' });
    for (const n of notes) ul.append(el('li', {}, n));
    box.append(ul);
  }
  return box;
}

function points(r: InspectorResult, tr: Lookup, fmt: (x: number, d?: number) => string): HTMLElement {
  const pair = (t: Tensor | null, i: number) => (t ? `(${fmt(t.data[2 * i], 3)}, ${fmt(t.data[2 * i + 1], 3)})` : '0');
  const wrap = el('div', { class: 'sched-points' });
  wrap.append(el('h4', {}, tr('sched.insp.points')));
  const scroll = el('div', { class: 'sched-table-wrap', tabindex: '0', role: 'region', 'aria-label': tr('sched.insp.points') });
  const table = el('table', { class: 'sched-table', 'data-points': '' });
  const head = el('tr');
  for (const key of ['sched.insp.col.point', 'sched.insp.col.xt', 'sched.insp.col.x0raw', 'sched.insp.col.x0', 'sched.insp.col.dir', 'sched.insp.col.noise', 'sched.insp.col.prev'] as const) {
    head.append(el('th', { scope: 'col' }, tr(key)));
  }
  table.append(el('thead'), el('tbody'));
  table.tHead!.append(head);
  const { trace } = r;
  for (let i = 0; i < 4; i++) {
    const row = el('tr');
    row.append(el('td', {}, String(i + 1)));
    for (const t of [r.sample, trace.unclippedOriginalSample, trace.predOriginalSample, trace.direction, trace.noiseTerm, trace.prevSample]) row.append(el('td', {}, pair(t, i)));
    table.tBodies[0].append(row);
  }
  scroll.append(table);
  wrap.append(scroll);
  return wrap;
}

function plane(r: InspectorResult, v: ParamValues<Table>, tr: Lookup): SVGSVGElement {
  const size = 260;
  const d = (t: Tensor, i: number): [number, number] => [t.data[2 * i], t.data[2 * i + 1]];
  const finite = (p: [number, number]) => p.every(Number.isFinite);
  const all = [r.x0, r.sample, r.trace.predOriginalSample, r.trace.prevSample].flatMap((t) => Array.from(t.data)).filter(Number.isFinite);
  // Fit the points, within [1.6, 4]; anything further out is drawn on the frame.
  const lim = Math.min(4, Math.max(1.6, 1.15 * Math.max(...all.map(Math.abs))));
  const s = (x: number) => (Math.max(-lim, Math.min(lim, x)) / lim) * (size / 2 - 10) + size / 2;
  const y = (x: number) => size - s(x);
  const svg = svgEl('svg', { viewBox: `0 0 ${size} ${size}`, class: 'sched-plane', role: 'img', 'aria-label': tr('sched.insp.plotLabel', { k: v.k, t: r.t }) }) as SVGSVGElement;
  svg.append(svgEl('rect', { x: 1, y: 1, width: size - 2, height: size - 2, class: 'frame' }));
  svg.append(svgEl('line', { x1: s(0), x2: s(0), y1: 1, y2: size - 1, class: 'frame' }), svgEl('line', { y1: y(0), y2: y(0), x1: 1, x2: size - 1, class: 'frame' }));
  if (v.clip && !v.threshold) {
    const c = r.scheduler.config.clipSampleRange;
    svg.append(svgEl('rect', { x: s(-c), y: y(c), width: s(c) - s(-c), height: y(-c) - y(c), class: 'clipbox' }));
  }
  for (let i = 0; i < 4; i++) {
    const [x0, xt, hat, prev] = [d(r.x0, i), d(r.sample, i), d(r.trace.predOriginalSample, i), d(r.trace.prevSample, i)];
    svg.append(svgEl('circle', { cx: s(x0[0]), cy: y(x0[1]), r: 6, class: 'truth' }));
    svg.append(svgEl('circle', { cx: s(xt[0]), cy: y(xt[1]), r: 3, class: 'xt' }));
    if (finite(hat)) svg.append(svgEl('path', { d: `M${s(hat[0])},${y(hat[1]) - 4} l4,4 l-4,4 l-4,-4 z`, class: 'x0' }));
    if (finite(prev)) {
      svg.append(svgEl('line', { x1: s(xt[0]), y1: y(xt[1]), x2: s(prev[0]), y2: y(prev[1]), class: 'move' }));
      svg.append(svgEl('circle', { cx: s(prev[0]), cy: y(prev[1]), r: 3.2, class: 'prev' }));
    }
  }
  const label = svgEl('text', { x: size - 6, y: size - 6, 'text-anchor': 'end' });
  label.textContent = `±${Number(lim.toPrecision(2))}`;
  svg.append(label);
  return svg;
}

function figure(r: InspectorResult, v: ParamValues<Table>, tr: Lookup): HTMLElement {
  const fig = el('figure', { class: 'sched-figure' });
  fig.append(plane(r, v, tr), el('figcaption', {}, tr('sched.insp.plotDescription')));
  return fig;
}

function explain(error: SchedulerInputError, v: ParamValues<Table>, tr: Lookup, maxEta: (() => number) | null): string {
  if (error.param === 'stepIndex') return tr('sched.insp.error.k', { max: String(error.validRange.match(/to (\d+)/)?.[1] ?? ''), raw: v.k });
  if (error.param === 'eta' && maxEta) return tr('sched.insp.error.eta', { max: formatter(tr)(maxEta(), 8), t: String(error.validRange.match(/timestep (-?\d+)/)?.[1] ?? ''), raw: v.eta });
  if (error.param === 'predictionType') return tr('sched.insp.error.zeroSnr', { t: String(error.message.match(/t = (-?\d+)/)?.[1] ?? '') });
  return tr('sched.insp.error.other', { message: error.message });
}

export async function mount(ctx: WidgetContext<Table>): Promise<WidgetInstance<Table>> {
  const { output, tr } = ctx;
  const fmt = formatter(tr);
  const alert = el('p', { class: 'sched-alert', role: 'alert', 'data-alert': '' });
  const body = el('div', { class: 'sched-insp' });
  output.replaceChildren(body, alert);
  // Pure TypeScript: nothing else to load, so the "loading" status line goes.
  ctx.setStatus('');
  return {
    update(v) {
      const outcome = inspectStep({
        betaSchedule: v.schedule,
        rescaleBetasZeroSnr: v.rescale,
        predictionType: v.prediction,
        timestepSpacing: v.spacing,
        numInferenceSteps: v.n,
        stepIndex: v.k,
        eta: v.eta,
        clipSample: v.clip,
        useClippedModelOutput: v.clipped,
        setAlphaToOne: v.alphaOne,
        thresholding: v.threshold,
        sampleMaxValue: v.maxValue,
        modelError: v.error,
        strict: v.strict,
        schedulePrecision: v.precision,
      });
      if (!outcome.ok) {
        const s = outcome.scheduler;
        const t = s && s.numInferenceSteps !== null ? s.timesteps[Math.min(v.k, s.timesteps.length - 1)] : null;
        alert.textContent = explain(outcome.error, v, tr, s && t !== null ? () => s.maxEta(t) : null);
        return;
      }
      alert.textContent = '';
      const r = outcome.result;
      body.replaceChildren(scalars(r, v, tr, fmt), figure(r, v, tr), points(r, tr, fmt));
    },
  };
}
