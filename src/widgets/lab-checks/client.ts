/**
 * Identity checks on samples, heavy half.
 * 1. n-step jump (σ = 0, true x_0): one generalised DDIM step t → t − n against n steps of 1, on
 *    tensors (float32) and in float64 (src/core/sampling/oracle-chain.ts); with the exact denoiser
 *    in place of the true x_0 the two differ, which shows the identity is about q_σ, not the sampler.
 * 2. η = 1 DDIM against DDPM ancestral sampling (DDPMScheduler, fixed_small) from the same x_T with
 *    the same z at every step and the exact denoiser: equal up to float32 rounding.
 * 3. Backend parity (on demand): the same seeded DDIM run (η = 1) on webgl, wasm and cpu and the
 *    float64 reference sampler.
 */
import { tf, trySetBackend } from '../runtime/tf-browser.ts';
import { attachBackendPicker } from '../runtime/backend-picker.ts';
import type { WidgetContext, WidgetInstance } from '../runtime/island.ts';
import { mulberry32, randn } from '../../core/rng.ts';
import { sampleMixture } from '../../core/data/mixture.ts';
import { labAlphaBar, oracleChain } from '../../core/sampling/oracle-chain.ts';
import { referenceSample } from '../../core/sampling/reference-sampler.ts';
import { formatNumber } from '../../i18n/format.ts';
import { BACKENDS, type BackendName } from '../../lab/backend-order.ts';
import { mixtureDenoiser } from '../../lab/denoisers/mixture.ts';
import { sampleLoop } from '../../lab/sampling/sample-loop.ts';
import { buildPlan, buildPlanAlong } from '../../lab/sampling/scheduler-plan.ts';
import { tensorFrom } from '../../lab/tensors.ts';
import { MissingDataError, MissingModelError, requireData } from '../lab/runner.ts';
import { initialNoise, stepNoise, streamSeed } from '../lab/noise.ts';
import { addButton, table } from '../lab/dom.ts';
import { yieldIfDue } from '../lab/yield.ts';
import type { labChecksParams } from './params.ts';

/** `oracleChain` one step at a time, giving the browser a turn whenever a slice of work is used up. */
async function oracleChainYielding(x0: Float64Array, xt: Float64Array, from: number, path: readonly number[]): Promise<Float64Array> {
  let x = xt;
  let t = from;
  for (const prev of path) {
    x = oracleChain(x0, x, t, [prev]);
    t = prev;
    await yieldIfDue();
  }
  return x;
}

type Table = typeof labChecksParams;

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= m)) m = d; // NaN propagates
  }
  return m;
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

/** x after following `path` from x_t at `from` on tensors, with model output x_0 (oracle) or the denoiser's x̂_0. */
async function chainOnTensors(x0: Float64Array, xt: Float64Array, from: number, path: number[], denoise: ((x: tf.Tensor, alpha: number) => tf.Tensor) | null): Promise<Float32Array> {
  const n = x0.length / 2;
  const plan = buildPlanAlong([from, ...path.slice(0, -1)], { predictionType: 'sample' }, path);
  const oracle = tensorFrom(x0, [n, 2]);
  let x = tensorFrom(xt, [n, 2]);
  for (let i = 0; i < plan.steps.length; i++) {
    const model = denoise ? denoise(x, plan.steps[i].alphaBar) : oracle;
    const out = plan.step(i, model, x, null);
    if (model !== oracle) model.dispose();
    out.predOriginalSample.dispose();
    x.dispose();
    x = out.prevSample;
    await yieldIfDue();
  }
  const data = Float32Array.from(await x.data());
  tf.dispose([x, oracle]);
  return data;
}

export async function mount(ctx: WidgetContext<Table>): Promise<WidgetInstance<Table>> {
  const { root, output, tr } = ctx;
  let last = ctx.values;
  const results = document.createElement('div');
  const parity = document.createElement('div');
  parity.dataset.parity = '';
  output.replaceChildren(results, parity);
  const parityButton = addButton(root, tr('lab.checks.parityRun'), 'parity');

  const instance: WidgetInstance<Table> = {
    async update(v) {
      last = v;
      let source;
      try {
        source = requireData(v.dataset, v.seed);
      } catch (e) {
        if (e instanceof MissingDataError || e instanceof MissingModelError) return ctx.setStatus(tr(e instanceof MissingDataError ? 'lab.needPoints' : 'lab.needModel'));
        throw e;
      }
      const x0 = sampleMixture(source.mixture, mulberry32(streamSeed(v.seed, 7)), v.n);
      const eps = randn(mulberry32(streamSeed(v.seed, 8)), 2 * v.n);
      const a = labAlphaBar(v.t);
      const xt = x0.map((x, i) => Math.sqrt(a) * x + Math.sqrt(1 - a) * eps[i]);
      const target = v.t - v.jump;
      const single = Array.from({ length: v.jump }, (_, k) => v.t - 1 - k);
      // 1. The jump: float32 on tensors, float64 in core, and with the exact denoiser instead of x_0.
      const oneF32 = await chainOnTensors(x0, xt, v.t, [target], null);
      const manyF32 = await chainOnTensors(x0, xt, v.t, single, null);
      const jump32 = maxAbsDiff(oneF32, manyF32);
      const jump64 = maxAbsDiff(await oracleChainYielding(x0, xt, v.t, [target]), await oracleChainYielding(x0, xt, v.t, single));
      const den = mixtureDenoiser(source.mixture);
      const x0hat = (x: tf.Tensor, alpha: number) =>
        tf.tidy(() => {
          const e = den.epsilon(x, { timestep: 0, alphaBar: alpha });
          return tf.div(tf.sub(x, tf.mul(e, Math.sqrt(1 - alpha))), Math.sqrt(alpha));
        });
      const oneDen = await chainOnTensors(x0, xt, v.t, [target], x0hat);
      const manyDen = await chainOnTensors(x0, xt, v.t, single, x0hat);
      const jumpDen = maxAbsDiff(oneDen, manyDen);
      // 2. η = 1 DDIM against DDPM on the same x_T and the same z.
      const xT = initialNoise(v.seed, v.n);
      const noiseAt = (i: number) => stepNoise(v.seed, i, v.n);
      const ddim = await sampleLoop({ plan: buildPlan({ numInferenceSteps: v.steps, eta: 1 }), denoiser: den, xT, noiseAt, yieldFn: yieldIfDue, yieldEvery: 1 });
      const ddpm = await sampleLoop({ plan: buildPlan({ numInferenceSteps: v.steps, scheduler: 'ddpm' }), denoiser: den, xT, noiseAt, yieldFn: yieldIfDue, yieldEvery: 1 });
      den.dispose();
      const ddpmDiff = maxAbsDiff(ddim.samples, ddpm.samples);
      const scale = maxAbs(ddpm.samples);
      const f = (x: number) => formatNumber(x, 2);
      results.replaceChildren(
        table(
          [tr('lab.checks.colCheck'), tr('lab.checks.colDiff'), tr('lab.checks.colScale')],
          [
            [tr('lab.checks.rowJump32', { t: v.t, target, n: v.jump }), f(jump32), f(maxAbs(oneF32))],
            [tr('lab.checks.rowJump64'), f(jump64), f(maxAbs(oneF32))],
            [tr('lab.checks.rowJumpDen'), f(jumpDen), f(maxAbs(oneDen))],
            [tr('lab.checks.rowDdpm', { steps: v.steps }), f(ddpmDiff), f(scale)],
          ],
          tr('lab.checks.caption', { n: v.n }),
        ),
      );
      root.dataset.jump32 = String(jump32);
      root.dataset.jump64 = String(jump64);
      root.dataset.jumpDenoiser = String(jumpDen);
      root.dataset.ddpm = String(ddpmDiff);
      root.dataset.numTensors = String(tf.memory().numTensors);
    },
  };

  parityButton.addEventListener('click', async () => {
    parityButton.disabled = true;
    const v = last;
    const previous = tf.getBackend() as BackendName;
    try {
      const source = requireData(v.dataset, v.seed);
      const n = Math.min(v.n, 500);
      const steps = 20;
      const xT = initialNoise(v.seed, n);
      const noiseAt = (i: number) => stepNoise(v.seed, i, n);
      const reference = referenceSample({ mixture: source.mixture, numInferenceSteps: steps, eta: 1, xT, noiseAt });
      const rows: (string | number)[][] = [];
      const samples: Partial<Record<BackendName, Float32Array>> = {};
      for (const backend of BACKENDS) {
        parity.textContent = tr('lab.running', { done: backend, total: BACKENDS.join(', ') });
        if (!(await trySetBackend(backend))) {
          rows.push([backend, tr('lab.checks.unavailable'), '']);
          continue;
        }
        const den = mixtureDenoiser(source.mixture);
        const r = await sampleLoop({ plan: buildPlan({ numInferenceSteps: steps, eta: 1 }), denoiser: den, xT, noiseAt });
        den.dispose();
        samples[backend] = r.samples;
        rows.push([backend, formatNumber(maxAbsDiff(r.samples, reference), 2), '']);
        root.dataset[`parity${backend[0].toUpperCase()}${backend.slice(1)}`] = String(maxAbsDiff(r.samples, reference));
      }
      // The last column compares each backend with cpu, once all have run.
      for (const row of rows) {
        const mine = samples[row[0] as BackendName];
        if (mine && samples.cpu) row[2] = row[0] === 'cpu' ? '—' : formatNumber(maxAbsDiff(mine, samples.cpu), 2);
      }
      parity.replaceChildren(table([tr('lab.checks.colBackend'), tr('lab.checks.colVsRef'), tr('lab.checks.colVsCpu')], rows, tr('lab.checks.parityCaption', { n, steps, scale: formatNumber(maxAbs(reference), 3) })));
      root.dataset.parityDone = 'true';
    } catch (e) {
      parity.textContent = e instanceof MissingDataError ? tr('lab.needPoints') : e instanceof MissingModelError ? tr('lab.needModel') : String(e);
    } finally {
      await trySetBackend(previous);
      document.dispatchEvent(new CustomEvent('tf-backend'));
      parityButton.disabled = false;
    }
  });

  await attachBackendPicker(root, tr, ctx.setStatus, () => void instance.update(last));
  return instance;
}
