/**
 * DDIMScheduler behaviours, quirks included, each as diffusers has it.
 */
import { describe, expect, it } from 'vitest';
import { DDIMScheduler } from '../../../src/core/scheduler/ddim.ts';
import { tensor } from '../../../src/core/scheduler/tensor.ts';
import { assertClose } from '../../assert-close.ts';

const x = () => tensor(Float64Array.from([0.9, -0.4, 2.5, -3.1, 0.2, 1.7]), [3, 2]);
const eps = () => tensor(Float64Array.from([-1.2, 0.3, 0.8, 0.5, -0.1, 2.2]), [3, 2]);
const TIGHT = { rel: 1e-12, abs: 1e-14 };

function ready(config = {}, n = 10) {
  const s = new DDIMScheduler({ schedulePrecision: 'float64', ...config });
  s.setTimesteps(n);
  return s;
}

describe('step()', () => {
  it('with eta = 0 is eq. 12 of the DDIM paper: √ᾱ_prev·x̂_0 + √(1 − ᾱ_prev)·ε', () => {
    const s = ready({ clipSample: false });
    const out = s.step(eps(), 700, x());
    const [a, ap] = [s.alphaProd(700), s.alphaProd(600)];
    const want = x().data.map((xi, i) => {
      const x0 = (xi - Math.sqrt(1 - a) * eps().data[i]) / Math.sqrt(a);
      return Math.sqrt(ap) * x0 + Math.sqrt(1 - ap) * eps().data[i];
    });
    assertClose(out.prevSample.data, want, TIGHT);
  });

  it('uses prev = t − T // N even when the schedule\'s next entry is elsewhere (linspace)', () => {
    const s = ready({ timestepSpacing: 'linspace', clipSample: false });
    expect(s.timesteps.slice(0, 2)).toEqual([999, 888]);
    const trace = s.stepTrace(eps(), 999, x());
    expect(trace.coefficients.prevTimestep).toBe(899);
    expect(trace.coefficients.alphaProdTPrev).toBe(s.alphaProd(899));
    expect(trace.coefficients.alphaProdTPrev).not.toBe(s.alphaProd(888));
  });

  it('steps t = −1 (trailing, N = 61) with ᾱ_{T−1}, the noisiest ᾱ, read the Python way', () => {
    const s = ready({ timestepSpacing: 'trailing', clipSample: false }, 61);
    expect(s.timesteps.at(-1)).toBe(-1);
    const trace = s.stepTrace(eps(), -1, x());
    expect(trace.coefficients.alphaProdT).toBe(s.alphasCumprod[999]);
    expect(trace.coefficients.prevTimestep).toBe(-17);
    expect(trace.coefficients.alphaProdTPrev).toBe(1);
    // x̂_0 = (x − √(1 − ᾱ_999)·ε)/√ᾱ_999 is enormous: ᾱ_999 ≈ 4e-5.
    expect(Math.max(...Array.from(trace.predOriginalSample.data, Math.abs))).toBeGreaterThan(100);
  });

  it('ends on x̂_0 itself when setAlphaToOne (ᾱ_prev = 1), on √ᾱ_0·x̂_0 + √(1 − ᾱ_0)·ε otherwise', () => {
    const one = ready({ setAlphaToOne: true, clipSample: false });
    const last = one.step(eps(), 0, x());
    assertClose(last.prevSample.data, last.predOriginalSample.data, TIGHT);
    const zero = ready({ setAlphaToOne: false, clipSample: false });
    const a0 = zero.alphasCumprod[0];
    expect(zero.finalAlphaCumprod).toBe(a0);
    const out = zero.step(eps(), 0, x());
    const want = out.predOriginalSample.data.map((v, i) => Math.sqrt(a0) * v + Math.sqrt(1 - a0) * eps().data[i]);
    assertClose(out.prevSample.data, want, TIGHT);
  });

  it('clips x̂_0 but keeps the unclipped ε in the direction term unless useClippedModelOutput', () => {
    const s = ready({ clipSample: true, clipSampleRange: 1 });
    const t = 300;
    const [a, ap] = [s.alphaProd(t), s.alphaProd(200)];
    const mixed = s.stepTrace(eps(), t, x());
    expect(Array.from(mixed.predOriginalSample.data).every((v) => Math.abs(v) <= 1)).toBe(true);
    expect(Array.from(mixed.unclippedOriginalSample.data).some((v) => Math.abs(v) > 1)).toBe(true);
    expect(mixed.predEpsilon.data).toEqual(eps().data);
    const consistent = s.stepTrace(eps(), t, x(), { useClippedModelOutput: true });
    const rederived = x().data.map((xi, i) => (xi - Math.sqrt(a) * consistent.predOriginalSample.data[i]) / Math.sqrt(1 - a));
    assertClose(consistent.predEpsilon.data, rederived, TIGHT);
    // Where x̂_0 was not clipped the two agree; where it was, they differ.
    for (let i = 0; i < 6; i++) {
      const clipped = mixed.unclippedOriginalSample.data[i] !== mixed.predOriginalSample.data[i];
      const same = Math.abs(mixed.prevSample.data[i] - consistent.prevSample.data[i]) < 1e-12;
      expect(same).toBe(!clipped);
    }
    expect(ap).toBeGreaterThan(a);
  });

  it('thresholding replaces clipping; with sampleMaxValue < 1 it stretches x̂_0 to fill [−1, 1]', () => {
    const s = ready({ thresholding: true, sampleMaxValue: 0.5, dynamicThresholdingRatio: 0.995, clipSample: true, clipSampleRange: 0.1 });
    const trace = s.stepTrace(eps(), 300, x());
    const raw = Array.from(trace.unclippedOriginalSample.data);
    // s = clamp(quantile, min = 1, max = 0.5) = 0.5 for every item: clamp to ±0.5, then divide by 0.5.
    const want = raw.map((v) => Math.min(Math.max(v, -0.5), 0.5) / 0.5);
    assertClose(trace.predOriginalSample.data, want, TIGHT);
    expect(Math.max(...Array.from(trace.predOriginalSample.data, Math.abs))).toBe(1);
  });

  it('results keep the input array type', () => {
    const s = new DDIMScheduler();
    s.setTimesteps(10);
    const f32 = tensor(Float32Array.from(x().data), [3, 2]);
    expect(s.step(tensor(Float32Array.from(eps().data), [3, 2]), 500, f32).prevSample.data).toBeInstanceOf(Float32Array);
    expect(s.step(eps(), 500, x()).prevSample.data).toBeInstanceOf(Float64Array);
  });
});

describe('getVariance()', () => {
  it('is (1 − ᾱ_prev)/(1 − ᾱ_t)·(1 − ᾱ_t/ᾱ_prev), with finalAlphaCumprod for a negative prev', () => {
    const s = new DDIMScheduler({ schedulePrecision: 'float64' });
    const [a, ap] = [s.alphaProd(420), s.alphaProd(400)];
    expect(s.getVariance(420, 400)).toBeCloseTo(((1 - ap) / (1 - a)) * (1 - a / ap), 15);
    expect(s.getVariance(50, -50)).toBe(0);
  });
});

describe('maxEta()', () => {
  it('is √((1 − ᾱ_t)·ᾱ_prev/(ᾱ_prev − ᾱ_t)) > 1 for ᾱ_t > 0, and ∞ on a final step to ᾱ = 1', () => {
    const s = ready();
    const [a, ap] = [s.alphaProd(500), s.alphaProd(400)];
    expect(s.maxEta(500)).toBeCloseTo(Math.sqrt(((1 - a) * ap) / (ap - a)), 12);
    expect(s.maxEta(500)).toBeGreaterThan(1);
    expect(s.maxEta(0)).toBe(Infinity);
  });
});

describe('invertStep()', () => {
  it('recovers x_t from x_{t−Δ} for a deterministic step, and refuses when clipping is on', () => {
    const s = ready({ clipSample: false });
    const prev = s.step(eps(), 600, x()).prevSample;
    assertClose(s.invertStep(eps(), 600, prev).data, x().data, { rel: 1e-12, abs: 1e-12 });
    expect(() => ready().invertStep(eps(), 600, prev)).toThrow(/clipSample must be false/);
  });
});
