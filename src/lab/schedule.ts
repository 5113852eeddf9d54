/**
 * The noise schedule the lab's models are trained with: diffusers' default DDPM/DDIM configuration,
 * linear β from 1e-4 to 0.02 over T = 1000 steps (Ho et al. 2020, §4).
 */
import { betaSchedule } from '../core/schedule/betas.ts';
import { alphasFromBetas } from '../core/schedule/alphas.ts';

export const LAB_SCHEDULE = { betaSchedule: 'linear', numTrainTimesteps: 1000, betaStart: 1e-4, betaEnd: 0.02 } as const;

let cached: Float64Array | null = null;

/** diffusers' 0-based `alphas_cumprod` of the training schedule (float64, length T). */
export function labAlphasCumprod(): Float64Array {
  cached ??= alphasFromBetas(betaSchedule('linear', { numTrainTimesteps: LAB_SCHEDULE.numTrainTimesteps, betaStart: LAB_SCHEDULE.betaStart, betaEnd: LAB_SCHEDULE.betaEnd })).subarray(1);
  return cached;
}
