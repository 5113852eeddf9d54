/**
 * The scheduler configuration the lab uses, and checks on it that need no tensors.
 * clip_sample is off (the lab's data live in [−1, 1]², so clipping x̂_0 would hide the denoiser's
 * errors) and strict checks are off inside loops (the widgets validate their parameters up front).
 */
import type { BetaScheduleName } from '../schedule/betas.ts';
import type { PredictionType } from '../nn/prediction.ts';
import { DDIMScheduler } from '../scheduler/ddim.ts';
import { ddimCoefficients } from '../scheduler/ddim-step.ts';
import { scalarMath } from '../scheduler/scalar.ts';

/** diffusers' default β range (Stable Diffusion's for scaled_linear), T = 1000. */
export function labSchedulerConfig(betaSchedule: BetaScheduleName, predictionType: PredictionType) {
  const range = betaSchedule === 'scaled_linear' ? { betaStart: 0.00085, betaEnd: 0.012 } : { betaStart: 0.0001, betaEnd: 0.02 };
  return { clipSample: false, strict: false, ...range, betaSchedule, predictionType, numTrainTimesteps: 1000 } as const;
}

/**
 * The largest η along τ (descending, the last step landing on ᾱ = 1) for which every
 * 1 − ᾱ_prev − σ_t(η)² ≥ 0, i.e. min over steps of √((1 − ᾱ_prev)/σ_t(1)²), with the step that limits it.
 */
export function maxEtaAlong(tau: readonly number[], betaSchedule: BetaScheduleName = 'linear'): { eta: number; timestep: number; prevTimestep: number } {
  const ddim = new DDIMScheduler(labSchedulerConfig(betaSchedule, 'sample'));
  const S = scalarMath('float32');
  const alpha = (t: number) => (t >= 0 ? ddim.alphaProd(t) : ddim.finalAlphaCumprod);
  let best = { eta: Infinity, timestep: -1, prevTimestep: -1 };
  tau.forEach((t, i) => {
    const prev = i + 1 < tau.length ? tau[i + 1] : -1;
    const c = ddimCoefficients(S, t, prev, alpha(t), alpha(prev), 1);
    if (c.variance > 0) {
      const max = Math.sqrt((1 - c.alphaProdTPrev) / c.variance);
      if (max < best.eta) best = { eta: max, timestep: t, prevTimestep: prev };
    }
  });
  return best;
}
