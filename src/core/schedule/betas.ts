/**
 * β schedules (float64).
 *
 * References
 * - Ho, Jain & Abbeel (2020), §4: linear β from 1e-4 to 0.02 over T = 1000.
 * - Rombach et al. (2022) / diffusers `beta_schedule="scaled_linear"`: linear in √β, then squared.
 * - Nichol & Dhariwal (2021), eq. 17: the cosine ᾱ(t) = cos²((t/T + s)/(1 + s) · π/2) with s = 0.008,
 *   β capped at 0.999; diffusers calls it `squaredcos_cap_v2` (`betas_for_alpha_bar`).
 *
 * Notation: `betas[k]` is β_{k+1} in the papers' 1-based time, i.e. diffusers' 0-based index k.
 */

export type BetaScheduleName = 'linear' | 'scaled_linear' | 'squaredcos_cap_v2';

export const BETA_SCHEDULES: readonly BetaScheduleName[] = ['linear', 'scaled_linear', 'squaredcos_cap_v2'];

export interface BetaScheduleOptions {
  /** Number of training steps T (diffusers `num_train_timesteps`). Default 1000. */
  numTrainTimesteps?: number;
  /** β_1 (diffusers `beta_start`). Default 1e-4. Ignored by the cosine schedule. */
  betaStart?: number;
  /** β_T (diffusers `beta_end`). Default 0.02. Ignored by the cosine schedule. */
  betaEnd?: number;
  /** Cap on β for the cosine schedule (diffusers `max_beta`). Default 0.999. */
  maxBeta?: number;
}

/** `n` evenly spaced values from `start` to `end` inclusive (numpy/torch `linspace`). */
export function linspace(start: number, end: number, n: number): Float64Array {
  const out = new Float64Array(n);
  if (n === 1) {
    out[0] = start;
    return out;
  }
  const step = (end - start) / (n - 1);
  for (let i = 0; i < n; i++) out[i] = start + step * i;
  out[n - 1] = end;
  return out;
}

/** Nichol & Dhariwal's cosine ᾱ(τ) for τ ∈ [0, 1] (diffusers `alpha_bar_fn`, cosine). */
export function cosineAlphaBar(tau: number): number {
  return Math.cos(((tau + 0.008) / 1.008) * (Math.PI / 2)) ** 2;
}

/** Throw unless `name` is a known schedule, listing the valid ones. */
export function parseBetaScheduleName(name: string): BetaScheduleName {
  if ((BETA_SCHEDULES as readonly string[]).includes(name)) return name as BetaScheduleName;
  throw new RangeError(`Unknown beta schedule "${name}": expected one of ${BETA_SCHEDULES.join(', ')}`);
}

/** β_1 … β_T for a named schedule, in float64. */
export function betaSchedule(
  name: BetaScheduleName,
  { numTrainTimesteps = 1000, betaStart = 1e-4, betaEnd = 0.02, maxBeta = 0.999 }: BetaScheduleOptions = {},
): Float64Array {
  const T = numTrainTimesteps;
  if (!Number.isInteger(T) || T < 1) throw new RangeError(`numTrainTimesteps must be an integer ≥ 1, got ${T}`);
  switch (parseBetaScheduleName(name)) {
    case 'linear':
      return linspace(betaStart, betaEnd, T);
    case 'scaled_linear':
      return linspace(Math.sqrt(betaStart), Math.sqrt(betaEnd), T).map((r) => r * r);
    case 'squaredcos_cap_v2': {
      const out = new Float64Array(T);
      for (let i = 0; i < T; i++) {
        out[i] = Math.min(1 - cosineAlphaBar((i + 1) / T) / cosineAlphaBar(i / T), maxBeta);
      }
      return out;
    }
  }
}
