/**
 * Numbers quoted in the chapter "diffusers' DDIM step, line by line", all computed at build time
 * from the scheduler port (src/core/scheduler), never typed in.
 */
import { DDIMScheduler } from '../../core/scheduler/ddim.ts';
import { DDPMScheduler } from '../../core/scheduler/ddpm.ts';
import { DDIM_FULL_LOOP_CONSTANTS, DDIM_VARIANCE_CONSTANTS, ddimFullLoop } from '../../core/scheduler/diffusers-fixtures.ts';
import { linspaceFloat, arangeFloat, rint } from '../../core/scheduler/numpy.ts';
import { inferenceTimesteps, prevMismatches } from '../../core/scheduler/timesteps.ts';
import { torchLinspaceFloat32 } from '../../core/scheduler/torch-linspace.ts';
import { inspectStep } from '../../core/scheduler/inspector-scenario.ts';

const T = 1000;
const spacing = (timestepSpacing: 'leading' | 'trailing' | 'linspace', N: number) => inferenceTimesteps(N, { numTrainTimesteps: T, timestepSpacing, stepsOffset: 0 });

/** How torch's float32 linspace differs from the naive float32 formula, and float32 ᾱ from float64 ᾱ. */
export function precisionFacts() {
  const torch = torchLinspaceFloat32(0.0001, 0.02, T);
  const step = (0.02 - 0.0001) / (T - 1);
  const naive = Float32Array.from({ length: T }, (_, i) => 0.0001 + step * i);
  const differing = torch.filter((b, i) => b !== naive[i]).length;
  const f32 = new DDIMScheduler();
  const f64 = new DDIMScheduler({ schedulePrecision: 'float64' });
  let maxRel = 0;
  for (let k = 0; k < T; k++) maxRel = Math.max(maxRel, Math.abs(f32.alphasCumprod[k] - f64.alphasCumprod[k]) / f64.alphasCumprod[k]);
  return { differing, maxRel, alphaLast32: f32.alphasCumprod[T - 1], alphaLast64: f64.alphasCumprod[T - 1] };
}

/** Round half to even in linspace (N = 7) and trailing (N = 16). */
export function roundingFacts() {
  const raw7 = Array.from(linspaceFloat(0, T - 1, 7)).reverse();
  const raw16 = Array.from(arangeFloat(T, 0, -T / 16));
  const halfIndex16 = raw16.findIndex((x) => rint(x) !== Math.round(x));
  return {
    linspace7: spacing('linspace', 7),
    linspace7Raw: raw7,
    linspace7MathRound: raw7.map(Math.round),
    trailing16Raw: raw16[halfIndex16],
    trailing16: spacing('trailing', 16)[halfIndex16],
    trailing16MathRound: Math.round(raw16[halfIndex16]) - 1,
  };
}

/** Trailing spacing's extra −1. */
export function minusOneFacts() {
  const withMinusOne = Array.from({ length: T }, (_, i) => i + 1).filter((N) => spacing('trailing', N).includes(-1));
  const t61 = spacing('trailing', 61);
  const s = new DDIMScheduler({ timestepSpacing: 'trailing' });
  s.setTimesteps(61);
  const a = s.alphaProd(-1);
  const lastRealT = t61[t61.length - 2];
  return { count: withMinusOne.length, first: withMinusOne.slice(0, 6), length61: t61.length, tail61: t61.slice(-3), alpha: a, gain: 1 / Math.sqrt(a), gainBefore: 1 / Math.sqrt(s.alphaProd(lastRealT)), lastRealT, prevOfLastReal: s.prevTimestep(lastRealT) };
}

/**
 * The converse of the extra −1: with trailing spacing the last scheduled step can go exactly to
 * t_prev = 0, so the final update reads ᾱ_0 (not finalAlphaCumprod) and setAlphaToOne has no effect.
 */
export function trailingEndFacts() {
  const s = new DDIMScheduler({ timestepSpacing: 'trailing' });
  const endsAtZero: number[] = [];
  for (let N = 1; N <= T; N++) {
    const ts = spacing('trailing', N);
    const last = ts[ts.length - 1];
    s.setTimesteps(N);
    if (last >= 0 && s.prevTimestep(last) === 0) endsAtZero.push(N);
  }
  const example = endsAtZero[0];
  const ts = spacing('trailing', example);
  return { count: endsAtZero.length, first: endsAtZero.slice(0, 5), example, exampleLast: ts[ts.length - 1], exampleSteps: ts };
}

/** DDIM's prev against the next schedule entry. */
export function prevFacts() {
  const lin = spacing('linspace', 10);
  const s = new DDIMScheduler({ timestepSpacing: 'linspace' });
  s.setTimesteps(10);
  const d = new DDPMScheduler({ timestepSpacing: 'linspace' });
  d.setTimesteps(10);
  return {
    linspace10: lin,
    prev: lin.map((t) => s.prevTimestep(t)),
    next: lin.map((t) => d.previousTimestep(t)),
    mismatches: prevMismatches(lin, T, 10).length,
    leadingMismatches: prevMismatches(spacing('leading', 10), T, 10).length,
  };
}

/** set_alpha_to_one: the tests' pair of full loops (β_start = 0.01, so ᾱ_0 = 0.99). */
export function alphaOneFacts() {
  const one = ddimFullLoop({ setAlphaToOne: true, betaStart: 0.01 });
  const zero = ddimFullLoop({ setAlphaToOne: false, betaStart: 0.01 });
  const s = new DDIMScheduler({ betaStart: 0.01, setAlphaToOne: false });
  return { sumOne: one.sum, sumZero: zero.sum, alpha0: s.finalAlphaCumprod };
}

/** η_max along a 10-step linear schedule, and the zero-terminal-SNR case where η = 1 is the bound. */
export function etaFacts() {
  const s = new DDIMScheduler();
  s.setTimesteps(10);
  const rows = s.timesteps.map((t) => ({ t, max: s.maxEta(t) }));
  const sd = { betaSchedule: 'scaled_linear', betaStart: 0.00085, betaEnd: 0.012, rescaleBetasZeroSnr: true, timestepSpacing: 'trailing', predictionType: 'v_prediction' } as const;
  const zeroSnr = [2, 5, 10, 20, 25, 50].map((N) => {
    const z = new DDIMScheduler({ ...sd, strict: false });
    z.setTimesteps(N);
    return { N, value: z.coefficients(999, 1).directionCoeffSquared, maxEta: z.maxEta(999) };
  });
  return { rows, zeroSnr };
}

/** The inspector's default scenario with clipping on: how many coordinates clipping changes. */
export function clippingFacts() {
  const base = { betaSchedule: 'linear', rescaleBetasZeroSnr: false, predictionType: 'epsilon', timestepSpacing: 'leading', numInferenceSteps: 10, stepIndex: 5, eta: 0, clipSample: true, setAlphaToOne: true, thresholding: false, sampleMaxValue: 1, modelError: 0.1, strict: true, schedulePrecision: 'float32' } as const;
  const mixed = inspectStep({ ...base, useClippedModelOutput: false });
  const consistent = inspectStep({ ...base, useClippedModelOutput: true });
  if (!mixed.ok || !consistent.ok) throw new Error('inspector scenario failed');
  const a = mixed.result.trace.prevSample.data;
  const b = consistent.result.trace.prevSample.data;
  const changed = Array.from(mixed.result.trace.predOriginalSample.data).filter((x, i) => x !== mixed.result.trace.unclippedOriginalSample.data[i]).length;
  return { t: mixed.result.t, changed, maxDiff: Math.max(...Array.from(a, (x, i) => Math.abs(x - b[i]))) };
}

/** diffusers' DDIM test constants next to this port's values. */
export function constantsTable() {
  const s = new DDIMScheduler({ numTrainTimesteps: 1000, betaStart: 0.0001, betaEnd: 0.02, betaSchedule: 'linear', clipSample: true });
  const variance = DDIM_VARIANCE_CONSTANTS.filter((c, i, all) => all.findIndex((d) => d[0] === c[0] && d[1] === c[1]) === i).map(([t, p, want]) => ({ what: `_get_variance(${t}, ${p})`, diffusers: want, ours: s.getVariance(t, p), tol: 1e-5 }));
  const loops = DDIM_FULL_LOOP_CONSTANTS.map((c) => ({ what: c.test, diffusers: c.sum, ours: ddimFullLoop(c.config, { noiseFrom: c.noiseFrom }).sum, tol: 1e-2 }));
  return [...variance, ...loops];
}
