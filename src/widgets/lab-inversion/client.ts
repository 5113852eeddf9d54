/**
 * DDIM inversion, heavy half. Data points x_0 are encoded by running the η = 0 step forwards in
 * time (the generalised step from τ_i to τ_{i+1}, with ε̂ evaluated at x_{τ_i}: the Euler step of
 * the probability-flow ODE, DDIM eq. 14) up the leading schedule, then decoded by DDIMScheduler with
 * the same S. The mean squared error per coordinate is reported for each S, next to the paper's
 * CIFAR-10 Table 2.
 */
import { tf } from '../runtime/tf-browser.ts';
import { attachBackendPicker } from '../runtime/backend-picker.ts';
import type { WidgetContext, WidgetInstance } from '../runtime/island.ts';
import { sampleMixture } from '../../core/data/mixture.ts';
import { mulberry32 } from '../../core/rng.ts';
import { PAPER_TABLE2_CIFAR10, PAPER_TABLE2_S } from '../../core/experiments/paper-tables.ts';
import { formatNumber } from '../../i18n/format.ts';
import { sampleLoop } from '../../lab/sampling/sample-loop.ts';
import { buildPlan, buildPlanAlong } from '../../lab/sampling/scheduler-plan.ts';
import { buildDenoiser, requireData, runErrorMessage } from '../lab/runner.ts';
import { streamSeed } from '../lab/noise.ts';
import { addButton, panel, table } from '../lab/dom.ts';
import { lineChart } from '../lab/plots.ts';
import type { labInversionParams } from './params.ts';
import { yieldIfDue } from '../lab/yield.ts';

type Table = typeof labInversionParams;

export async function mount(ctx: WidgetContext<Table>): Promise<WidgetInstance<Table>> {
  const { root, output, tr } = ctx;
  let values = ctx.values;
  let generation = 0;
  const run = addButton(root, tr('lab.inversion.run'), 'run');
  const status = document.createElement('p');
  status.className = 'widget-readout';
  status.setAttribute('aria-live', 'polite');
  status.textContent = tr('lab.inversion.idle');
  const body = document.createElement('div');
  output.replaceChildren(status, body);

  run.addEventListener('click', async () => {
    const v = values;
    const me = ++generation;
    run.disabled = true;
    root.dataset.inversion = 'running';
    try {
      const source = requireData(v.dataset, v.seed);
      const { denoiser } = await buildDenoiser(v, source);
      const x0 = sampleMixture(source.mixture, mulberry32(streamSeed(v.seed, 5)), v.n);
      const errors: number[] = [];
      try {
        for (const S of PAPER_TABLE2_S) {
          if (generation !== me || ctx.current() !== v) return void (status.textContent = tr('lab.table1.stopped'));
          status.textContent = tr('lab.running', { done: errors.length + 1, total: PAPER_TABLE2_S.length });
          const decode = buildPlan({ numInferenceSteps: S });
          const up = decode.steps.map((s) => s.timestep).reverse(); // τ ascending, from 0
          const encode = buildPlanAlong(up.slice(0, -1), { eta: 0 }, up.slice(1));
          const enc = await sampleLoop({ plan: encode, denoiser, xT: x0, yieldFn: yieldIfDue, yieldEvery: 1 });
          const dec = await sampleLoop({ plan: decode, denoiser, xT: enc.samples, yieldFn: yieldIfDue, yieldEvery: 1 });
          let se = 0;
          for (let i = 0; i < x0.length; i++) se += (dec.samples[i] - x0[i]) ** 2;
          errors.push(se / x0.length);
          const f = (x: number) => formatNumber(x, 2);
          body.replaceChildren(
            table([tr('lab.inversion.colS'), tr('lab.inversion.colLab'), tr('lab.inversion.colPaper')], errors.map((e, k) => [String(PAPER_TABLE2_S[k]), f(e), String(PAPER_TABLE2_CIFAR10[k])]), tr('lab.inversion.caption', { n: v.n })),
            panel(
              lineChart({ width: Math.min(output.clientWidth || 640, 640), label: tr('lab.inversion.plotLabel'), xLabel: 'S', yLabel: tr('lab.inversion.axis'), yType: 'log', xType: 'log', rows: errors.map((e, k) => ({ x: PAPER_TABLE2_S[k], y: e, series: tr('lab.inversion.colLab') })).concat(PAPER_TABLE2_CIFAR10.slice(0, errors.length).map((e, k) => ({ x: PAPER_TABLE2_S[k], y: e, series: tr('lab.inversion.colPaper') }))) }),
              tr('lab.inversion.plotCaption'),
              'inversion',
            ),
          );
        }
      } finally {
        denoiser.dispose();
      }
      status.textContent = tr('lab.inversion.done');
      root.dataset.inversion = 'done';
      root.dataset.errors = JSON.stringify(errors);
    } catch (e) {
      status.textContent = runErrorMessage(e, tr);
    } finally {
      run.disabled = false;
      root.dataset.numTensors = String(tf.memory().numTensors);
    }
  });

  await attachBackendPicker(root, tr, ctx.setStatus, () => undefined);
  return {
    update(v) {
      values = v;
    },
  };
}
