/**
 * Property tests (fast-check) over random valid configurations. Seeds are fixed so a run is
 * reproducible; a failure prints the counterexample.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DDIMScheduler } from '../../../src/core/scheduler/ddim.ts';
import { DDPMScheduler } from '../../../src/core/scheduler/ddpm.ts';
import { SchedulerConfigError } from '../../../src/core/scheduler/errors.ts';
import { tensor, type Tensor } from '../../../src/core/scheduler/tensor.ts';
import { inversionConditionNumber } from '../../../src/core/scheduler/invert.ts';
import { F64 } from '../../../src/core/scheduler/scalar.ts';
import { asType, batchArb, configArb, stepCaseArb } from './arbitraries.ts';

const RUNS = { numRuns: 300 };
const maxAbs = (a: ArrayLike<number>) => Array.from(a).reduce((m, v) => Math.max(m, Math.abs(v)), 0);
const zerosLike = (t: Tensor) => tensor(t.data instanceof Float32Array ? new Float32Array(t.data.length) : new Float64Array(t.data.length), t.shape);

/** A scheduler with timesteps set, or null when this configuration is one strict mode refuses. */
function build<S extends DDIMScheduler | DDPMScheduler>(make: () => S, n: number): S | null {
  try {
    const s = make();
    s.setTimesteps(n);
    return s;
  } catch (e) {
    if (e instanceof SchedulerConfigError) return null;
    throw e;
  }
}

describe('η = 0 steps', () => {
  it('are deterministic: the same call twice gives identical arrays', () => {
    fc.assert(
      fc.property(stepCaseArb, ({ config, numInferenceSteps, index, float32, batch: [x, m] }) => {
        const s = build(() => new DDIMScheduler(config), numInferenceSteps);
        fc.pre(s !== null);
        const t = s!.timesteps[index % s!.timesteps.length];
        const a = s!.step(asType(m, float32), t, asType(x, float32));
        const b = s!.step(asType(m, float32), t, asType(x, float32));
        expect(Array.from(a.prevSample.data)).toEqual(Array.from(b.prevSample.data));
      }),
      { ...RUNS, seed: 11 },
    );
  });

  it('can be inverted to float64 precision (float64 schedule, no clipping)', () => {
    let checked = 0;
    fc.assert(
      fc.property(stepCaseArb, ({ config, numInferenceSteps, index, batch: [x, m] }) => {
        const cfg = { ...config, clipSample: false, thresholding: false, schedulePrecision: 'float64' as const };
        const s = build(() => new DDIMScheduler(cfg), numInferenceSteps);
        fc.pre(s !== null);
        const t = s!.timesteps[index % s!.timesteps.length];
        const c = s!.coefficients(t, 0);
        const cond = inversionConditionNumber(F64, { predictionType: cfg.predictionType!, alphaProdT: c.alphaProdT, alphaProdTPrev: c.alphaProdTPrev });
        fc.pre(Number.isFinite(cond) && cond < 1e6);
        const prev = s!.step(m, t, x).prevSample;
        const back = s!.invertStep(m, t, prev);
        // A handful of roundings, amplified at most by the condition number of the inverse.
        const tol = 64 * Number.EPSILON * (1 + cond) * (1 + maxAbs(x.data) + maxAbs(m.data) + maxAbs(prev.data));
        for (let i = 0; i < x.data.length; i++) expect(Math.abs(back.data[i] - x.data[i])).toBeLessThanOrEqual(tol);
        checked++;
      }),
      { ...RUNS, seed: 12 },
    );
    expect(checked).toBeGreaterThan(150);
  });
});

describe('η = 1 single steps equal DDPM\'s posterior mean and variance', () => {
  // Leading spacing, so that DDIM's prev (t − T // N) is DDPM's previous schedule entry (except on the
  // last step when stepsOffset ≥ T // N, where DDIM goes to t = 0 and DDPM to the end; skipped). Clipping and
  // thresholding are allowed with useClippedModelOutput (DDPM's mean uses the clipped x̂_0 with x_t).
  for (const precision of ['float64', 'float32'] as const) {
    const tol = precision === 'float64' ? 1e-10 : 2e-4;
    it(`${precision} schedule: mean within ${tol} (relative to the largest term), σ² within ${tol}`, () => {
      let checked = 0;
      fc.assert(
        fc.property(stepCaseArb, ({ config, numInferenceSteps, index, batch: [x, m] }) => {
          const cfg = { ...config, timestepSpacing: 'leading' as const, schedulePrecision: precision };
          const ddim = build(() => new DDIMScheduler(cfg), numInferenceSteps);
          const ddpm = build(() => new DDPMScheduler({ ...cfg, varianceType: 'fixed_small' }), numInferenceSteps);
          fc.pre(ddim !== null && ddpm !== null);
          const t = ddim!.timesteps[index % ddim!.timesteps.length];
          fc.pre(ddpm!.previousTimestep(t) === Math.max(ddim!.prevTimestep(t), -1));
          // With ᾱ_t = 0 (zero terminal SNR) η = 1 is exactly the bound and rounding may exceed it.
          fc.pre(ddim!.maxEta(t) >= 1);
          const mean = ddim!.step(m, t, x, { eta: 1, useClippedModelOutput: true, varianceNoise: zerosLike(x) }).prevSample;
          const posterior = ddpm!.stepTrace(m, t, x, { varianceNoise: zerosLike(x) }).mean;
          const scale = 1 + maxAbs(x.data) + maxAbs(posterior.data);
          for (let i = 0; i < x.data.length; i++) expect(Math.abs(mean.data[i] - posterior.data[i])).toBeLessThanOrEqual(tol * scale);
          const sigma2 = ddim!.coefficients(t, 1).stdDevT ** 2;
          expect(Math.abs(sigma2 - ddpm!.getVariance(t))).toBeLessThanOrEqual(tol * Math.max(sigma2, 1e-12) + 1e-19);
          checked++;
        }),
        { ...RUNS, seed: 13 },
      );
      expect(checked).toBeGreaterThan(150);
    });
  }
});

describe('addNoise and getVelocity', () => {
  const noiseCase = fc.record({
    config: configArb,
    b: fc.integer({ min: 1, max: 4 }),
    perItem: fc.boolean(),
    seeds: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
  }).chain(({ config, b, perItem }) =>
    fc.record({
      config: fc.constant({ ...config, schedulePrecision: 'float64' as const }),
      timesteps: fc.array(fc.integer({ min: 0, max: config.numTrainTimesteps - 1 }), { minLength: perItem ? b : 1, maxLength: perItem ? b : 1 }),
      x0: batchArb(b, 3, false),
      eps: batchArb(b, 3, false),
    }),
  );

  it('x_t = √ᾱ_t·x_0 + √(1 − ᾱ_t)·ε and v = √ᾱ_t·ε − √(1 − ᾱ_t)·x_0, per batch item', () => {
    fc.assert(
      fc.property(noiseCase, ({ config, timesteps, x0, eps }) => {
        const s = new DDIMScheduler(config);
        const xt = s.addNoise(x0, eps, timesteps);
        const v = s.getVelocity(x0, eps, timesteps);
        const per = x0.data.length / x0.shape[0];
        for (let i = 0; i < x0.data.length; i++) {
          const a = s.alphasCumprod[timesteps.length === 1 ? timesteps[0] : timesteps[Math.floor(i / per)]];
          expect(xt.data[i]).toBeCloseTo(Math.sqrt(a) * x0.data[i] + Math.sqrt(1 - a) * eps.data[i], 12);
          expect(v.data[i]).toBeCloseTo(Math.sqrt(a) * eps.data[i] - Math.sqrt(1 - a) * x0.data[i], 12);
          // (x_t, v) is (x_0, ε) rotated by the angle φ with cos φ = √ᾱ_t: lengths agree…
          expect(xt.data[i] ** 2 + v.data[i] ** 2).toBeCloseTo(x0.data[i] ** 2 + eps.data[i] ** 2, 10);
          // …and rotating back recovers x_0 and ε (what v-prediction step() relies on).
          expect(Math.sqrt(a) * xt.data[i] - Math.sqrt(1 - a) * v.data[i]).toBeCloseTo(x0.data[i], 10);
          expect(Math.sqrt(a) * v.data[i] + Math.sqrt(1 - a) * xt.data[i]).toBeCloseTo(eps.data[i], 10);
        }
      }),
      { ...RUNS, seed: 14 },
    );
  });
});

describe('valid inputs never produce NaN', () => {
  it('DDIM: any accepted configuration, N, t, η ∈ [0, maxEta), either array type', () => {
    let checked = 0;
    fc.assert(
      fc.property(stepCaseArb, ({ config, numInferenceSteps, index, float32, etaFraction, batch: [x, m, z] }) => {
        const s = build(() => new DDIMScheduler(config), numInferenceSteps);
        fc.pre(s !== null);
        const t = s!.timesteps[index % s!.timesteps.length];
        const eta = etaFraction * Math.min(s!.maxEta(t), 4);
        const out = s!.stepTrace(asType(m, float32), t, asType(x, float32), { eta, varianceNoise: asType(z, float32), useClippedModelOutput: index % 2 === 0 });
        for (const a of [out.prevSample, out.predOriginalSample, out.direction]) expect(a.data.every(Number.isFinite)).toBe(true);
        checked++;
      }),
      { numRuns: 600, seed: 15 },
    );
    expect(checked).toBeGreaterThan(400);
  });

  it('DDPM: any accepted configuration and timestep, either array type', () => {
    fc.assert(
      fc.property(stepCaseArb, fc.constantFrom('fixed_small', 'fixed_small_log', 'fixed_large'), ({ config, numInferenceSteps, index, float32, batch: [x, m, z] }, varianceType) => {
        const s = build(() => new DDPMScheduler({ ...config, varianceType: varianceType as 'fixed_small' }), numInferenceSteps);
        fc.pre(s !== null);
        const t = s!.timesteps[index % s!.timesteps.length];
        const out = s!.step(asType(m, float32), t, asType(x, float32), { varianceNoise: asType(z, float32) });
        expect(out.prevSample.data.every(Number.isFinite)).toBe(true);
      }),
      { numRuns: 400, seed: 16 },
    );
  });

  it('configurations strict mode refuses are rare among these (the generators mostly make valid ones)', () => {
    const samples = fc.sample(stepCaseArb, { numRuns: 400, seed: 17 });
    const refused = samples.filter(({ config, numInferenceSteps }) => build(() => new DDIMScheduler(config), numInferenceSteps) === null);
    expect(refused.length).toBeLessThan(samples.length / 4);
  });
});
