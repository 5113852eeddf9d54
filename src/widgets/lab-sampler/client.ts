/**
 * Sampler widget, heavy half. Runs the scheduler with the chosen denoiser and draws four panels:
 * samples over the data density, the paths of a few points, x̂_0 at a few steps, and the noise
 * level per step; then the distribution metrics against the known data density.
 */
import * as Plot from '@observablehq/plot';
import { tf } from '../runtime/tf-browser.ts';
import { attachBackendPicker } from '../runtime/backend-picker.ts';
import type { WidgetContext, WidgetInstance } from '../runtime/island.ts';
import { mmdPointsUsed } from '../../core/metrics/sample-quality.ts';
import { QUALITY_OPTIONS, qualityInWorker } from '../lab/quality.ts';
import { formatNumber } from '../../i18n/format.ts';
import { MissingDataError, MissingModelError, NoRealValueError, runSampler } from '../lab/runner.ts';
import { formulaSentence, formulasOf, noRealValueMessage } from '../lab/formula.ts';
import { lineChart, pathMarks, scatterOverDensity, toPoints } from '../lab/plots.ts';
import { onLabChange } from '../lab/store.ts';
import { panel } from '../lab/dom.ts';
import { yieldToBrowser } from '../lab/yield.ts';
import type { labSamplerParams } from './params.ts';

type Table = typeof labSamplerParams;

const TRACKED = 12;
/** Most sample points drawn in the main plot. */
const MAX_DRAWN = 5000;
/** Points whose x̂_0 is kept after every step, for the step-by-step view. */
const TRACED = 400;
let stepViews = 0;

/** Up to `k` step indices spread over 0 … S − 1, always including the last. */
export function recordedSteps(S: number, k = 6): number[] {
  const out = new Set<number>();
  for (let j = 0; j < k; j++) out.add(Math.round(((S - 1) * j) / Math.max(1, k - 1)));
  return [...out].sort((a, b) => a - b);
}

export async function mount(ctx: WidgetContext<Table>): Promise<WidgetInstance<Table>> {
  const { root, output, tr } = ctx;
  let last = ctx.values;
  let generation = 0;
  let runs = 0;
  let completed = 0;

  const instance: WidgetInstance<Table> = {
    async update(values) {
      last = values;
      const mine = ++generation;
      const started = performance.now();
      const width = output.clientWidth || 640;
      const S = values.steps;
      // Square facets: three on a phone, six on a wide screen.
      const facets = width < 520 ? 3 : 6;
      const x0Steps = recordedSteps(S, facets);
      const formulas = formulasOf(values);
      let run;
      try {
        run = await runSampler({ ...values, formulas }, {
          track: Array.from({ length: Math.min(TRACKED, values.n) }, (_, k) => Math.floor((k * values.n) / Math.min(TRACKED, values.n))),
          recordX0At: x0Steps,
          traceX0: TRACED,
          isCancelled: () => generation !== mine || ctx.current() !== values,
        });
      } catch (error) {
        if (error instanceof MissingDataError || error instanceof MissingModelError) {
          ctx.setStatus(tr(error instanceof MissingDataError ? 'lab.needPoints' : 'lab.needModel'));
          return;
        }
        if (error instanceof NoRealValueError) {
          // The notes' formula breaks down at this step: say where, and draw nothing (no NaN).
          const message = document.createElement('p');
          message.className = 'widget-readout';
          message.dataset.noRealValue = '';
          message.setAttribute('role', 'status');
          message.textContent = noRealValueMessage(error.step, tr);
          output.replaceChildren(message);
          root.dataset.noRealValue = `${error.step.timestep}→${error.step.prevTimestep}`;
          root.dataset.numTensors = String(tf.memory().numTensors);
          return;
        }
        throw error;
      }
      if (run.cancelled) return;
      delete root.dataset.noRealValue;
      const samples = toPoints(run.samples);
      const dropped = values.n - samples.length;
      // Drawing is linear in N but slow per point: at most MAX_DRAWN points are drawn (evenly
      // spaced, so an unbiased picture of the same distribution); the metrics use every point.
      const drawn = samples.length > MAX_DRAWN ? Array.from({ length: MAX_DRAWN }, (_, i) => samples[Math.floor((i * samples.length) / MAX_DRAWN)]) : samples;
      const mainPlot = scatterOverDensity({
        width: width >= 700 ? width / 2 - 12 : width,
        label: tr('lab.sampler.samplesLabel', { n: samples.length, steps: S }),
        mixture: run.source.mixture,
        points: drawn,
        radius: values.n > 5000 ? 0.8 : 1.4,
      });
      const grid = document.createElement('div');
      grid.className = 'lab-grid';
      grid.append(panel(mainPlot, tr('lab.sampler.samplesCaption') + (drawn.length < samples.length ? ' ' + tr('lab.sampler.drawnSubset', { m: drawn.length, n: samples.length }) : ''), 'samples'));
      output.replaceChildren(grid);
      const renderMs = performance.now() - started;
      root.dataset.renderMs = renderMs.toFixed(1);
      root.dataset.sampleMs = (run.seconds * 1000).toFixed(1);
      runs++;
      root.dataset.runs = String(runs);

      // The rest waits for the next frame so the main plot shows first.
      await new Promise((r) => setTimeout(r, 0));
      if (generation !== mine || ctx.current() !== values) return;
      const paths = run.paths.map((p) => toPoints(p));
      grid.append(
        panel(
          scatterOverDensity({ width: width >= 700 ? width / 2 - 12 : width, label: tr('lab.sampler.pathsLabel'), mixture: run.source.mixture, points: [], marks: pathMarks(paths), extent: 3 }),
          tr('lab.sampler.pathsCaption', { k: paths.length }),
          'paths',
        ),
      );
      // One panel per task: each is drawn in its own turn so the page stays responsive.
      await yieldToBrowser();
      if (generation !== mine || ctx.current() !== values) return;
      const x0Rows = x0Steps.flatMap((i) => toPoints(run.x0At.get(i) ?? [], 600).map((p) => ({ ...p, step: `t = ${run.plan.steps[i].timestep}` })));
      const facetOrder = x0Steps.map((i) => `t = ${run.plan.steps[i].timestep}`);
      grid.append(
        panel(
          Plot.plot({
            width: Math.min(width, 900),
            height: Math.round(Math.min(width, 900) / facets) + 24,
            x: { domain: [-1.5, 1.5], label: null, ticks: [] },
            y: { domain: [-1.5, 1.5], label: null, ticks: [] },
            fx: { domain: facetOrder, label: null },
            style: { background: 'transparent', color: 'currentColor' },
            marks: [Plot.frame({ strokeOpacity: 0.3 }), Plot.dot(x0Rows, { clip: true, x: 'x', y: 'y', fx: 'step', r: 0.9, fill: 'var(--accent)', fillOpacity: 0.6 })],
            ariaLabel: tr('lab.sampler.x0Label'),
          }),
          tr('lab.sampler.x0Caption'),
          'x0',
          true,
        ),
      );
      await yieldToBrowser();
      if (generation !== mine || ctx.current() !== values) return;
      grid.append(x0StepPanel(run, width, tr));
      await yieldToBrowser();
      if (generation !== mine || ctx.current() !== values) return;
      const noiseRows = run.plan.steps.flatMap((s) => [
        { x: s.timestep, y: Math.sqrt(1 - s.alphaBar), series: tr('lab.sampler.noiseTotal') },
        { x: s.timestep, y: s.sigma, series: tr('lab.sampler.noiseAdded') },
      ]);
      grid.append(panel(lineChart({ width: width >= 700 ? width / 2 - 12 : width, label: tr('lab.sampler.noiseLabel'), xLabel: 't', yLabel: tr('lab.sampler.noiseAxis'), rows: noiseRows, reverseX: true }), tr('lab.sampler.noiseCaption'), 'noise'));

      await new Promise((r) => setTimeout(r, 0));
      if (generation !== mine || ctx.current() !== values) return;
      // In a Worker: the metrics of a large N would otherwise block the page for seconds.
      const { quality: q, floor } = await qualityInWorker(run.source.mixture, run.samples, values.n);
      if (generation !== mine || ctx.current() !== values) return;
      const readout = document.createElement('p');
      readout.className = 'widget-readout';
      readout.dataset.readout = '';
      readout.textContent = tr('lab.sampler.readout', {
        n: samples.length,
        steps: S,
        seconds: run.seconds.toFixed(2),
        sw2: formatNumber(q.slicedW2, 3),
        sw2floor: formatNumber(floor.slicedW2, 3),
        mmd: formatNumber(q.mmd2, 3),
        ll: q.logLikelihood === null ? '—' : formatNumber(q.logLikelihood, 3),
        llfloor: floor.logLikelihood === null ? '—' : formatNumber(floor.logLikelihood, 3),
        model: tr(`lab.origin.${run.origin}` as Parameters<typeof tr>[0], { m: run.source.points.length / 2 }),
      });
      if (formulas) readout.textContent += ' ' + formulaSentence(formulas, tr);
      if (dropped > 0) readout.textContent += ' ' + tr('lab.droppedNonFinite', { k: dropped });
      const mmdUsed = mmdPointsUsed(run.samples.length / 2, QUALITY_OPTIONS);
      if (mmdUsed < run.samples.length / 2) readout.textContent += ' ' + tr('lab.sampler.mmdSubset', { m: mmdUsed, n: run.samples.length / 2 });
      output.append(readout);
      root.dataset.numTensors = String(tf.memory().numTensors);
      completed++;
      root.dataset.completed = String(completed);
    },
  };
  onLabChange(() => void instance.update(last));
  await attachBackendPicker(root, tr, ctx.setStatus, () => void instance.update(last));
  return instance;
}

/**
 * x̂_0 at every step, one at a time: a slider (keyboard: arrow keys) over the steps and a scatter of
 * the traced points' x̂_0 after the chosen step. Redraws only this plot; the run is not repeated.
 */
function x0StepPanel(run: Awaited<ReturnType<typeof runSampler>>, width: number, tr: WidgetContext<Table>['tr']): HTMLElement {
  const S = run.plan.steps.length;
  const m = run.x0Trace[0] ? run.x0Trace[0].length / 2 : 0;
  const box = document.createElement('div');
  box.className = 'lab-step-view';
  const id = `x0-step-${++stepViews}`;
  const label = document.createElement('label');
  label.htmlFor = id;
  const slider = document.createElement('input');
  slider.type = 'range';
  slider.id = id;
  slider.min = '1';
  slider.max = String(S);
  slider.step = '1';
  slider.value = String(S);
  slider.dataset.x0Step = '';
  const plotHolder = document.createElement('div');
  const draw = () => {
    const i = Number(slider.value);
    const t = run.plan.steps[i - 1].timestep;
    label.textContent = tr('lab.sampler.x0StepLabel', { i, steps: S, t });
    slider.setAttribute('aria-valuetext', label.textContent);
    plotHolder.replaceChildren(
      scatterOverDensity({
        width: width >= 700 ? width / 2 - 12 : width,
        label: tr('lab.sampler.x0StepPlot', { i, steps: S, m }),
        mixture: run.source.mixture,
        points: toPoints(run.x0Trace[i - 1]),
      }),
    );
  };
  slider.addEventListener('input', draw);
  draw();
  box.append(label, slider, plotHolder);
  return panel(box, tr('lab.sampler.x0StepCaption', { m }), 'x0-step');
}
