/**
 * Lemma 1 widget, heavy half. M chains start from x_{τ_S} ~ q(x_{τ_S} | x_0) and follow the σ-chain
 * q_σ(x_{τ_{i−1}} | x_{τ_i}, x_0) — the scheduler's generalised DDIM step with prediction type
 * "sample" and the true x_0 as model output — along τ. After each step the empirical mean and
 * variance of each coordinate are compared with √α x_0 and 1 − α (DDIM Lemma 1, Appendix B),
 * with 95% bands: mean ± 1.96 s/√M, variance ± 1.96 s²√(2/(M − 1)).
 * The bands are per pair and the pairs share the chains, so the readout also gives one joint test:
 * the largest |z| of all means and variances (src/core/claims/montecarlo.ts, the claims' own
 * statistic) against the Bonferroni limit for a 5% chance of any false alarm.
 */
import { tf } from '../runtime/tf-browser.ts';
import { attachBackendPicker } from '../runtime/backend-picker.ts';
import type { WidgetContext, WidgetInstance } from '../runtime/island.ts';
import { familyZLimit, momentsAgainstNormal } from '../../core/claims/montecarlo.ts';
import { formatNumber } from '../../i18n/format.ts';
import { joinSentences } from '../param-messages.ts';
import { mulberry32, randn } from '../../core/rng.ts';
import { buildPlanAlong } from '../../lab/sampling/scheduler-plan.ts';
import { tensorFrom } from '../../lab/tensors.ts';
import { streamSeed } from '../lab/noise.ts';
import { lineChart, type LineSeries } from '../lab/plots.ts';
import { panel } from '../lab/dom.ts';
import type { labLemmaParams } from './params.ts';
import { lemmaTau } from './tau.ts';
import { yieldIfDue } from '../lab/yield.ts';

type Table = typeof labLemmaParams;

export interface LemmaRow {
  timestep: number;
  alpha: number;
  coord: number;
  mean: number;
  variance: number;
  meanHalfWidth: number;
  varianceHalfWidth: number;
}

export async function mount(ctx: WidgetContext<Table>): Promise<WidgetInstance<Table>> {
  const { root, output, tr } = ctx;
  let last = ctx.values;
  let generation = 0;

  const instance: WidgetInstance<Table> = {
    async update(v) {
      last = v;
      const mine = ++generation;
      const M = v.chains;
      const x0 = [v.x0x, v.x0y];
      const tau = lemmaTau(v);
      const plan = buildPlanAlong(tau, { eta: v.eta, predictionType: 'sample' });
      const a0 = plan.steps[0].alphaBar;
      const rows: LemmaRow[] = [];
      let maxZ = 0;
      const x0Data = new Float64Array(2 * M);
      for (let i = 0; i < M; i++) x0Data.set(x0, 2 * i);
      const z = randn(mulberry32(streamSeed(v.seed, 0)), 2 * M);
      const start = x0Data.map((x, i) => Math.sqrt(a0) * x + Math.sqrt(1 - a0) * z[i]);
      const oracle = tensorFrom(x0Data, [M, 2]);
      let x = tensorFrom(start, [M, 2]);
      const record = async (timestep: number, alpha: number) => {
        const data = await x.data();
        for (let c = 0; c < 2; c++) {
          const values = new Float64Array(M);
          for (let i = 0; i < M; i++) values[i] = data[2 * i + c];
          const { mean, variance, zMean, zVariance } = momentsAgainstNormal(values, Math.sqrt(alpha) * x0[c], 1 - alpha);
          maxZ = Math.max(maxZ, Math.abs(zMean), Math.abs(zVariance));
          rows.push({ timestep, alpha, coord: c, mean, variance, meanHalfWidth: 1.96 * Math.sqrt(variance / M), varianceHalfWidth: 1.96 * variance * Math.sqrt(2 / (M - 1)) });
        }
      };
      try {
        await record(plan.steps[0].timestep, a0);
        for (let i = 0; i < plan.steps.length; i++) {
          if (generation !== mine || ctx.current() !== v) return;
          const noise = plan.stochastic ? tensorFrom(randn(mulberry32(streamSeed(v.seed, 1000 + i)), 2 * M), [M, 2]) : null;
          const out = plan.step(i, oracle, x, noise);
          noise?.dispose();
          out.predOriginalSample.dispose();
          x.dispose();
          x = out.prevSample;
          const s = plan.steps[i];
          // The last step lands on ᾱ = 1: x_0 itself, variance 0, nothing to estimate.
          if (s.prevTimestep >= 0) await record(s.prevTimestep, s.alphaBarPrev);
          await yieldIfDue();
        }
      } finally {
        x.dispose();
        oracle.dispose();
      }
      if (generation !== mine || ctx.current() !== v) return;
      const width = output.clientWidth || 640;
      const half = width >= 700 ? width / 2 - 12 : width;
      const c0 = rows.filter((r) => r.coord === 0);
      const meanRows: LineSeries[] = c0.flatMap((r) => [
        { x: r.timestep, y: r.mean, lo: r.mean - r.meanHalfWidth, hi: r.mean + r.meanHalfWidth, series: tr('lab.lemma.empirical') },
        { x: r.timestep, y: Math.sqrt(r.alpha) * x0[0], series: tr('lab.lemma.theoryMean') },
      ]);
      const varRows: LineSeries[] = c0.flatMap((r) => [
        { x: r.timestep, y: r.variance, lo: r.variance - r.varianceHalfWidth, hi: r.variance + r.varianceHalfWidth, series: tr('lab.lemma.empirical') },
        { x: r.timestep, y: 1 - r.alpha, series: tr('lab.lemma.theoryVar') },
      ]);
      let meanIn = 0;
      let varIn = 0;
      for (const r of rows) {
        if (Math.abs(r.mean - Math.sqrt(r.alpha) * x0[r.coord]) <= r.meanHalfWidth) meanIn++;
        if (Math.abs(r.variance - (1 - r.alpha)) <= r.varianceHalfWidth) varIn++;
      }
      const grid = document.createElement('div');
      grid.className = 'lab-grid';
      grid.append(
        panel(lineChart({ width: half, label: tr('lab.lemma.meanLabel'), xLabel: 't', yLabel: tr('lab.lemma.meanAxis'), rows: meanRows, reverseX: true }), tr('lab.lemma.meanCaption'), 'mean'),
        panel(lineChart({ width: half, label: tr('lab.lemma.varLabel'), xLabel: 't', yLabel: tr('lab.lemma.varAxis'), rows: varRows, reverseX: true }), tr('lab.lemma.varCaption'), 'variance'),
      );
      const readout = document.createElement('p');
      readout.className = 'widget-readout';
      readout.dataset.readout = '';
      // Two z tests (mean, variance) per (step, coordinate) pair.
      const zLimit = familyZLimit(2 * rows.length, 0.05);
      const joint = maxZ <= zLimit ? 'lab.lemma.jointPass' : 'lab.lemma.jointFail';
      readout.textContent = joinSentences(
        tr('lab.lemma.readout', { m: M, steps: tau.length, tau: tau.length > 12 ? `${tau.slice(0, 6).join(', ')}, …, ${tau.slice(-3).join(', ')}` : tau.join(', '), meanIn, varIn, total: rows.length, eta: v.eta }),
        tr(joint, { z: formatNumber(maxZ, 3), limit: formatNumber(zLimit, 3), tests: 2 * rows.length }),
      );
      root.dataset.maxZ = String(maxZ);
      root.dataset.zLimit = String(zLimit);
      root.dataset.meanInside = String(meanIn);
      root.dataset.varianceInside = String(varIn);
      root.dataset.checked = String(rows.length);
      output.replaceChildren(grid, readout);
      root.dataset.numTensors = String(tf.memory().numTensors);
    },
  };
  await attachBackendPicker(root, tr, ctx.setStatus, () => void instance.update(last));
  return instance;
}
