/**
 * DDIMPipeline widget, heavy half (pure TypeScript, no tfjs). Runs the port of diffusers'
 * DDIMPipeline (src/core/pipeline) on the 2D data and shows, in the order the pipeline does them:
 * the scheduler conversion, the timesteps the loop visits, the samples, and the output transform
 * `(image / 2 + 0.5).clamp(0, 1)` with output_type "np" or "pil".
 */
import type { WidgetContext, WidgetInstance } from '../runtime/island.ts';
import type { Lookup } from '../param-messages.ts';
import type { ParamValues } from '../params.ts';
import { el, svgEl } from '../runtime/dom.ts';
import { formatNumber } from '../../i18n/format.ts';
import { PipelineCancelled } from '../../core/pipeline/ddim-pipeline.ts';
import { yieldIfDue } from '../lab/yield.ts';
import { runPipeline, trainingPoints, type PipelineRun } from './run.ts';
import type { pipelineParams } from './params.ts';

type Table = typeof pipelineParams;
type Values = ParamValues<Table>;

/** A true minus sign for negative numbers. */
const num = (x: number, digits = 4) => formatNumber(x, digits).replace(/^-/, '−');
const MAX_ROWS = 8;

function conversionText(run: PipelineRun, v: Values, tr: Lookup): string {
  const c = run.pipe.conversion;
  const dropped = c.dropped.map((d) => `${d.diffusersName} = ${JSON.stringify(d.value)}`).join(', ');
  const defaulted = c.defaulted.map((key) => `${snake(key)} = ${JSON.stringify((run.pipe.scheduler.config as unknown as Record<string, unknown>)[key])}`).join(', ');
  if (v.source === 'ddim') return tr('pipe.conversion.ddim', { carried: c.carried.length });
  return tr('pipe.conversion.ddpm', { carried: c.carried.length, dropped: dropped || '—', defaulted: defaulted || '—' });
}

const snake = (camel: string) => camel.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

function timestepsText(run: PipelineRun, tr: Lookup): string {
  const ts = run.out.timesteps;
  const shown = ts.length <= 8 ? ts.map((t) => num(t, 6)).join(', ') : `${ts.slice(0, 4).map((t) => num(t, 6)).join(', ')}, …, ${ts.slice(-2).map((t) => num(t, 6)).join(', ')}`;
  // step() moves t to t − T // N (DDIMScheduler.prevTimestep), whatever the spacing.
  const prev = (t: number) => num(run.pipe.scheduler.prevTimestep(t), 6);
  const [first, last] = [ts[0], ts[ts.length - 1]];
  return tr('pipe.timesteps', { count: ts.length, list: shown, t: num(first, 6), prev: prev(first), lastT: num(last, 6), lastPrev: prev(last) });
}

function plane(run: PipelineRun, data: Float64Array, label: string, available: number): SVGSVGElement {
  const size = Math.max(240, Math.min(available || 360, 380));
  const lim = 1.6;
  const s = (x: number) => ((x + lim) / (2 * lim)) * size;
  const svg = svgEl('svg', { viewBox: `0 0 ${size} ${size}`, class: 'sched-plane pipe-plane', role: 'img', 'aria-label': label }) as SVGSVGElement;
  svg.append(svgEl('rect', { x: 0.5, y: 0.5, width: size - 1, height: size - 1, class: 'frame' }));
  svg.append(svgEl('rect', { x: s(-1), y: s(-1), width: s(1) - s(-1), height: s(1) - s(-1), class: 'clipbox' }));
  for (let i = 0; i < data.length; i += 2) svg.append(svgEl('circle', { cx: s(data[i]), cy: s(-data[i + 1]), r: 1.4, class: 'xt' }));
  const x = run.out.sample.data;
  for (let i = 0; i < x.length; i += 2) {
    const cx = Math.min(Math.max(x[i], -lim), lim);
    const cy = Math.min(Math.max(x[i + 1], -lim), lim);
    svg.append(svgEl('circle', { cx: s(cx), cy: s(-cy), r: 2.6, class: 'prev' }));
  }
  return svg;
}

function legend(tr: Lookup): HTMLUListElement {
  const ul = el('ul', { class: 'sched-legend' });
  for (const [key, style] of [['pipe.legend.data', 'background:var(--muted)'], ['pipe.legend.samples', 'background:var(--accent)'], ['pipe.legend.box', 'border:1px dashed var(--muted);border-radius:0']] as const) {
    const li = el('li');
    li.append(el('span', { style, 'aria-hidden': 'true' }), tr(key));
    ul.append(li);
  }
  return ul;
}

function transformTable(run: PipelineRun, v: Values, tr: Lookup): HTMLDivElement {
  const wrap = el('div', { class: 'sched-table-wrap', tabindex: '0', role: 'region', 'aria-label': tr('pipe.tableLabel') });
  const tbl = el('table', { class: 'sched-table', 'data-transform-table': '' });
  const head = el('tr');
  const outKey = v.output === 'pil' ? 'pipe.col.pil' : 'pipe.col.np';
  for (const key of ['pipe.col.item', 'pipe.col.generator', 'pipe.col.raw', outKey] as const) head.append(el('th', { scope: 'col' }, tr(key)));
  tbl.append(el('thead'), el('tbody'));
  tbl.tHead!.append(head);
  const x = run.out.sample.data;
  const images = run.out.images;
  const rows = Math.min(v.batch, MAX_ROWS);
  for (let b = 0; b < rows; b++) {
    const raw = [x[2 * b], x[2 * b + 1]];
    const outside = raw.some((r) => Math.abs(r) > 1);
    const shown = [images[2 * b], images[2 * b + 1]].map((p) => (v.output === 'pil' ? String(p) : num(p)));
    const row = el('tr', { class: outside ? 'bad' : '' });
    row.append(
      el('td', {}, String(b)),
      el('td', {}, v.generators === 'one' ? tr('pipe.generator.shared', { seed: run.seeds[0] }) : tr('pipe.generator.own', { seed: run.seeds[b] })),
      el('td', { class: 't' }, `(${raw.map((r) => num(r)).join(', ')})`),
      el('td', {}, `(${shown.join(', ')})`),
    );
    tbl.tBodies[0].append(row);
  }
  wrap.append(tbl);
  return wrap;
}

export async function mount(ctx: WidgetContext<Table>): Promise<WidgetInstance<Table>> {
  const { output, tr } = ctx;
  const body = el('div', { class: 'pipe-body', style: 'align-self: stretch' });
  output.replaceChildren(body);
  ctx.setStatus('');
  return {
    async update(v) {
      let run: PipelineRun;
      try {
        run = await runPipeline(v, {
          signal: { get aborted() { return ctx.current() !== v; } },
          onStep: async (done, total) => {
            if (done % 10 === 0 || done === total) ctx.setStatus(tr('pipe.running', { done, total }));
            await yieldIfDue();
          },
        });
      } catch (error) {
        if (error instanceof PipelineCancelled) return;
        throw error;
      }
      const x = run.out.sample.data;
      let outside = 0;
      for (const value of x) if (Math.abs(value) > 1) outside++;
      const data = trainingPoints(v.dataset, v.scale);
      body.replaceChildren(
        el('p', { class: 'widget-readout', 'data-conversion': '' }, conversionText(run, v, tr)),
        el('p', { class: 'widget-readout', 'data-timesteps': '' }, timestepsText(run, tr)),
        el('figure', { class: 'sched-figure pipe-figure' }),
        el('p', { class: 'widget-readout', 'data-clamped': String(outside) }, tr('pipe.clamped', { outside, total: x.length, output: v.output === 'pil' ? tr('pipe.output.pil') : tr('pipe.output.np') })),
        transformTable(run, v, tr),
      );
      const figure = body.querySelector('figure')!;
      figure.append(plane(run, data, tr('pipe.plotLabel', { batch: v.batch, steps: v.steps, eta: num(v.eta, 3) }), output.clientWidth), legend(tr));
      ctx.setStatus(tr('pipe.done', { batch: v.batch, steps: run.out.timesteps.length }));
    },
  };
}
