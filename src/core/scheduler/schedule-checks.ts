/**
 * Checks on the computed schedule, run by strict schedulers (the default). Each catches a case
 * where diffusers would go on and later return NaN or ±Infinity without a word:
 *
 * - a β so small that 1 − β rounds to 1 in the schedule's precision (then 1 − ᾱ_t = 0 and step()
 *   divides by it), or β ≥ 1 before the last step (then ᾱ is 0 or negative from there on);
 * - ᾱ underflowing to 0 before the last step (the same 0/0 in σ_t);
 * - `leading` timesteps pushed to T or beyond by stepsOffset (diffusers raises IndexError mid-loop);
 * - ε-prediction at a timestep with ᾱ_t = 0 (x̂_0 = (x_t − ε)/0; rescaleBetasZeroSnr makes ᾱ_{T−1} = 0).
 */
import { SchedulerConfigError } from './errors.ts';
import type { ResolvedConfig } from './config.ts';

/** Smallest β (exclusive) with 1 − β < 1 in each precision: half an ulp of 1 below 1. */
export const MIN_BETA = { float32: 2 ** -25, float64: 2 ** -54 } as const;

function betaParam(config: ResolvedConfig, k: number): string {
  if (config.trainedBetas) return `trainedBetas[${k}]`;
  return k === 0 ? 'betaStart' : 'betaEnd';
}

export function checkBetas(config: ResolvedConfig, betas: ArrayLike<number>, alphasCumprod: ArrayLike<number>): void {
  const T = betas.length;
  const minBeta = MIN_BETA[config.schedulePrecision];
  for (let k = 0; k < T; k++) {
    const b = betas[k];
    const last = k === T - 1;
    if (!(b > minBeta) || b > 1 || (b === 1 && !last)) {
      const param = config.betaSchedule === 'squaredcos_cap_v2' && !config.trainedBetas ? 'numTrainTimesteps' : betaParam(config, k);
      const range = `such that every β is in (${minBeta.toExponential(3)}, 1) (β = 1 is allowed only for the last step) in ${config.schedulePrecision}`;
      throw new SchedulerConfigError(param, range, (config as unknown as Record<string, unknown>)[param] ?? b, `β at index ${k} is ${b}.`);
    }
    if (!last && !(alphasCumprod[k] > 0)) {
      throw new SchedulerConfigError(
        betaParam(config, config.trainedBetas ? k : T - 1),
        `small enough that ᾱ stays positive until the last step`,
        config.trainedBetas ? b : config.betaEnd,
        `ᾱ underflows to 0 at index ${k} of ${T}.`,
      );
    }
  }
}

/** Leading timesteps must stay below T. */
export function checkStepsOffset(config: ResolvedConfig, numInferenceSteps: number, timesteps: readonly number[]): void {
  const T = config.numTrainTimesteps;
  const top = Math.max(...timesteps);
  if (top >= T) {
    const room = T - 1 - (top - config.stepsOffset);
    throw new SchedulerConfigError('stepsOffset', `an integer in [0, ${room}] for ${numInferenceSteps} leading steps of ${T}`, config.stepsOffset, `It would schedule timestep ${top}, and alphasCumprod has indices 0 to ${T - 1}.`);
  }
}

/** ε-prediction divides by √ᾱ_t: no scheduled timestep may have ᾱ_t = 0. */
export function checkEpsilonAtZeroAlpha(config: ResolvedConfig, timesteps: readonly number[], alphaProd: (t: number) => number): void {
  if (config.predictionType !== 'epsilon') return;
  const bad = timesteps.find((t) => alphaProd(t) === 0);
  if (bad !== undefined) {
    throw new SchedulerConfigError(
      'predictionType',
      '"v_prediction" or "sample" when a scheduled timestep has ᾱ_t = 0',
      config.predictionType,
      `ᾱ_t = 0 at t = ${bad}${config.rescaleBetasZeroSnr ? ' (rescaleBetasZeroSnr makes the last ᾱ exactly 0)' : ''}, where ε-prediction gives x̂_0 = (x_t − ε)/0.`,
    );
  }
}
