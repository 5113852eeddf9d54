/**
 * Lemma 1 widget, heavy half. M chains start from x_{τ_S} ~ q(x_{τ_S} | x_0) and follow the σ-chain
 * q_σ(x_{τ_{i−1}} | x_{τ_i}, x_0) — the scheduler's generalised DDIM step with prediction type
 * "sample" and the true x_0 as model output — along τ. After each step the empirical mean and
 * variance of each coordinate are compared with √α x_0 and 1 − α (DDIM Lemma 1, Appendix B),
 * with 95% bands: mean ± 1.96 s/√M, variance ± 1.96 s²√(2/(M − 1)).
 * The bands are per pair and the pairs share the chains, so the readout also gives one joint test:
 * the largest |z| of all means and variances (src/core/claims/montecarlo.ts, the claims' own
 * statistic) against the Bonferroni limit for a 5% chance of any false alarm.
 * With "formula: the source notes" the chains follow the notes' step (src/core/ddim/notes-formulas.ts,
 * errata items 1, 2 and 6, each switchable) and, on the same seeds, the paper's step beside it, so the
 * readout gives both joint tests and a third panel shows variance ÷ (1 − α) for both.
 */
import { tf } from '../runtime/tf-browser.ts';
import { attachBackendPicker } from '../runtime/backend-picker.ts';
import type { WidgetContext, WidgetInstance } from '../runtime/island.ts';
import { familyZLimit, momentsAgainstNormal } from '../../core/claims/montecarlo.ts';
import { formatNumber } from '../../i18n/format.ts';
import { joinSentences } from '../param-messages.ts';
import { mulberry32, randn } from '../../core/rng.ts';
import { buildPlanAlong } from '../../lab/sampling/scheduler-plan.ts';
import { buildNotesPlanAlong } from '../../lab/sampling/notes-plan.ts';
import type { SamplingPlan } from '../../lab/sampling/plan.ts';
import type { NoRealValue } from '../../core/ddim/notes-formulas.ts';
import { labAlpha } from '../../core/sampling/notes-moves.ts';
import { formulaSentence, formulasOf, noRealValueMessage } from '../lab/formula.ts';
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
      const formulas = formulasOf(v);
      // The chosen formula's plan, and with the notes' formulas the paper's on the same chains beside it.
      const plan: SamplingPlan & { noRealValue?: NoRealValue | null } = formulas
        ? buildNotesPlanAlong(tau, { eta: v.eta, predictionType: 'sample', formulas })
        : buildPlanAlong(tau, { eta: v.eta, predictionType: 'sample' });
      const paper = formulas ? buildNotesPlanAlong(tau, { eta: v.eta, predictionType: 'sample', formulas: {} }) : null;
      const a0 = labAlpha()(tau[0]);
      const cancelled = () => generation !== mine || ctx.current() !== v;
      const chosen = await runChains(plan, { x0, M, seed: v.seed, t0: tau[0], a0, cancelled });
      const compare = chosen && paper ? await runChains(paper, { x0, M, seed: v.seed, t0: tau[0], a0, cancelled }) : null;
      if (!chosen || (paper && !compare) || cancelled()) return;
      const { rows, maxZ } = chosen;
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
      if (compare) grid.append(ratioPanel(rows, compare.rows, half, tr));
      const readout = document.createElement('p');
      readout.className = 'widget-readout';
      readout.dataset.readout = '';
      // Two z tests (mean, variance) per (step, coordinate) pair.
      const zLimit = familyZLimit(2 * rows.length, 0.05);
      const joint = maxZ <= zLimit ? 'lab.lemma.jointPass' : formulas ? 'lab.lemma.jointFailNotes' : 'lab.lemma.jointFail';
      const lastRows = rows.slice(-2);
      const ratio = lastRows.reduce((sum, r) => sum + r.variance / (1 - r.alpha), 0) / Math.max(1, lastRows.length);
      readout.textContent = [
        tr('lab.lemma.readout', { m: M, steps: tau.length, tau: tau.length > 12 ? `${tau.slice(0, 6).join(', ')}, …, ${tau.slice(-3).join(', ')}` : tau.join(', '), meanIn, varIn, total: rows.length, eta: v.eta }),
        formulaSentence(formulas, tr),
        tr(joint, { z: formatNumber(maxZ, 3), limit: formatNumber(zLimit, 3), tests: 2 * rows.length }),
        compare ? tr('lab.lemma.varianceRatio', { t: lastRows[0].timestep, ratio: formatNumber(ratio, 3) }) : '',
        compare ? tr('lab.lemma.paperJoint', { z: formatNumber(compare.maxZ, 3), limit: formatNumber(familyZLimit(2 * compare.rows.length, 0.05), 3) }) : '',
      ]
        .filter((sentence) => sentence !== '')
        .reduce(joinSentences);
      const children: Node[] = [grid, readout];
      if (plan.noRealValue) {
        // The notes' formula breaks down at this step: the chains stop before it and it is named.
        const message = document.createElement('p');
        message.className = 'widget-readout';
        message.dataset.noRealValue = '';
        message.textContent = noRealValueMessage(plan.noRealValue, tr);
        children.push(message);
        root.dataset.noRealValue = `${plan.noRealValue.timestep}→${plan.noRealValue.prevTimestep}`;
      } else delete root.dataset.noRealValue;
      root.dataset.maxZ = String(maxZ);
      root.dataset.zLimit = String(zLimit);
      root.dataset.meanInside = String(meanIn);
      root.dataset.varianceInside = String(varIn);
      root.dataset.checked = String(rows.length);
      root.dataset.varianceRatio = String(ratio);
      if (compare) root.dataset.maxZPaper = String(compare.maxZ);
      else delete root.dataset.maxZPaper;
      output.replaceChildren(...children);
      root.dataset.numTensors = String(tf.memory().numTensors);
    },
  };
  await attachBackendPicker(root, tr, ctx.setStatus, () => void instance.update(last));
  return instance;
}

interface ChainOptions {
  x0: number[];
  M: number;
  seed: number;
  /** τ's first timestep, where the chains start from q(x_t | x_0), and ᾱ there. */
  t0: number;
  a0: number;
  cancelled: () => boolean;
}

/**
 * M chains along the plan with the true x_0 as the model's "sample" prediction, from
 * x_{τ_S} ~ q(x_{τ_S} | x_0); the empirical moments of each coordinate at τ_S and after every step
 * (up to a step with no real value, where the plan ends), with their z against N(√α x_0, (1 − α) I).
 * Seeds per step index, so two plans on the same τ share x_{τ_S} and every z. Null when cancelled.
 */
async function runChains(plan: SamplingPlan, { x0, M, seed, t0, a0, cancelled }: ChainOptions): Promise<{ rows: LemmaRow[]; maxZ: number } | null> {
  const rows: LemmaRow[] = [];
  let maxZ = 0;
  const x0Data = new Float64Array(2 * M);
  for (let i = 0; i < M; i++) x0Data.set(x0, 2 * i);
  const z = randn(mulberry32(streamSeed(seed, 0)), 2 * M);
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
    await record(t0, a0);
    for (let i = 0; i < plan.steps.length; i++) {
      if (cancelled()) return null;
      const noise = plan.stochastic ? tensorFrom(randn(mulberry32(streamSeed(seed, 1000 + i)), 2 * M), [M, 2]) : null;
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
  return { rows, maxZ };
}

/** Sample variance ÷ (1 − α_t) of the first coordinate, for the chosen formula and for the paper's: 1 is Lemma 1. */
function ratioPanel(rows: LemmaRow[], paper: LemmaRow[], width: number, tr: WidgetContext<Table>['tr']): HTMLElement {
  const series = (rs: LemmaRow[], name: string): LineSeries[] =>
    rs.filter((r) => r.coord === 0).map((r) => ({ x: r.timestep, y: r.variance / (1 - r.alpha), lo: (r.variance - r.varianceHalfWidth) / (1 - r.alpha), hi: (r.variance + r.varianceHalfWidth) / (1 - r.alpha), series: name }));
  const chart = lineChart({
    width,
    label: tr('lab.lemma.ratioLabel'),
    xLabel: 't',
    yLabel: tr('lab.lemma.ratioAxis'),
    rows: [...series(rows, tr('lab.lemma.empirical')), ...series(paper, tr('lab.lemma.empiricalPaper'))],
    reverseX: true,
  });
  return panel(chart, tr('lab.lemma.ratioCaption'), 'ratio');
}
