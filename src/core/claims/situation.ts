/**
 * Situations (schedule, t, n, η): random valid draws for the checks, and the validation that the
 * live re-run applies to the reader's own. Every rule has a code, so a page can name the broken
 * constraint in its own language.
 */
import { betaSchedule, BETA_SCHEDULES, type BetaScheduleName } from '../schedule/betas.ts';
import { alphasFromBetas } from '../schedule/alphas.ts';
import { randint, uniform, type Rng } from '../rng.ts';
import { etaLimit, sigmaEta } from '../ddim/sigma.ts';
import type { Needs, Situation } from './types.ts';

export type ViolationCode =
  | 'alphaRange'
  | 'alphaOrder'
  | 'tooShort'
  | 'tRange'
  | 'nRange'
  | 'targetMin'
  | 'etaNegative'
  | 'etaPositive'
  | 'etaAboveOne'
  | 'varianceNegative'
  | 'chainVarianceNegative';

export interface Violation {
  code: ViolationCode;
  vars: Record<string, number>;
}

/** The first rule the situation breaks, or null. Rules are checked in the order of the list above. */
export function checkSituation({ alpha, t, n, eta }: Situation, needs: Needs = {}): Violation | null {
  const T = alpha.length - 1;
  if (alpha[0] !== 1) return { code: 'alphaRange', vars: { k: 0, value: alpha[0] } };
  for (let k = 1; k <= T; k++) {
    if (!(alpha[k] > 0 && alpha[k] <= 1)) return { code: 'alphaRange', vars: { k, value: alpha[k] } };
    if (!(alpha[k] < alpha[k - 1])) return { code: 'alphaOrder', vars: { k, value: alpha[k], prev: alpha[k - 1] } };
  }
  const { tMin = 1, targetMin = 0, nMin = 1 } = needs;
  const tLow = Math.max(tMin, nMin + targetMin);
  if (T < tLow) return { code: 'tooShort', vars: { T, min: tLow } };
  if (!Number.isInteger(t) || t < tLow || t > T) return { code: 'tRange', vars: { t, min: tLow, T } };
  if (!Number.isInteger(n) || n < nMin || n > t) return { code: 'nRange', vars: { n, min: nMin, t } };
  if (t - n < targetMin) return { code: 'targetMin', vars: { target: t - n, min: targetMin } };
  if (!(eta >= 0) || !Number.isFinite(eta)) return { code: 'etaNegative', vars: { eta } };
  if (needs.etaAtMostOne && eta > 1) return { code: 'etaAboveOne', vars: { eta } };
  const left = 1 - alpha[t - n] - sigmaEta(eta, alpha[t], alpha[t - n]) ** 2;
  if (left < 0) return { code: 'varianceNegative', vars: { eta, value: left, etaMax: etaLimit(alpha[t], alpha[t - n]), target: t - n } };
  const steps: [number, number][] = [];
  if (needs.oneStepChain) steps.push([t, t - n + 1]);
  if (needs.fromTop) steps.push([T, t + 1]);
  for (const [from, to] of steps) {
    for (let s = from; s >= to; s--) {
      const v = 1 - alpha[s - 1] - sigmaEta(eta, alpha[s], alpha[s - 1]) ** 2;
      if (v < 0) return { code: 'chainVarianceNegative', vars: { eta, s, value: v, etaMax: etaLimit(alpha[s], alpha[s - 1]) } };
    }
  }
  if (needs.etaPositive && !(eta > 0 && alpha[t - n] < 1)) return { code: 'etaPositive', vars: { eta } };
  return null;
}

/** The ranges random schedules are drawn from (quoted on the pages). */
export const DRAW_RANGES = { maxT: 1000, betaMin: 1e-5, betaMax: 0.5, randomBetaMaxT: 200, randomAlphaMaxT: 40 } as const;

const named = new Map<string, Float64Array>();

/** α_0 … α_T of a named β schedule (cached). */
export function namedAlphas(name: BetaScheduleName, T: number): Float64Array {
  const key = `${name}:${T}`;
  if (!named.has(key)) named.set(key, alphasFromBetas(betaSchedule(name, { numTrainTimesteps: T })));
  return named.get(key)!;
}

/**
 * A random valid schedule with 2 ≤ T ≤ maxT, one of three families in turn:
 * a named diffusers schedule (linear, scaled linear, cosine) with random T; random β_s, log-uniform
 * in [1e−5, 0.5]; or α_1 > … > α_T drawn uniformly from (0, 1) and sorted.
 */
export function drawSchedule(rng: Rng, maxT: number = DRAW_RANGES.maxT): Float64Array {
  const family = randint(rng, 0, 2);
  if (family === 0) {
    const name = BETA_SCHEDULES[randint(rng, 0, BETA_SCHEDULES.length - 1)];
    return namedAlphas(name, randint(rng, 2, maxT));
  }
  if (family === 1) {
    const T = randint(rng, 2, Math.min(maxT, DRAW_RANGES.randomBetaMaxT));
    const betas = new Float64Array(T);
    for (let s = 0; s < T; s++) betas[s] = Math.exp(uniform(rng, Math.log(DRAW_RANGES.betaMin), Math.log(DRAW_RANGES.betaMax)));
    return alphasFromBetas(betas);
  }
  const T = randint(rng, 2, Math.min(maxT, DRAW_RANGES.randomAlphaMaxT));
  for (;;) {
    const values = Array.from({ length: T }, () => rng.next()).sort((a, b) => b - a);
    const alpha = Float64Array.from([1, ...values]);
    if (values.every((v, i) => v > 0 && v < alpha[i])) return alpha;
  }
}

/** η: uniform in [0, 1], exactly 0 or exactly 1 one time in ten each; in (0.05, 1] when σ > 0 is needed. */
function drawEta(rng: Rng, positive: boolean): number {
  if (positive) return uniform(rng, 0.05, 1);
  const r = rng.next();
  if (r < 0.1) return 0;
  if (r < 0.2) return 1;
  return rng.next();
}

/** A random situation satisfying the basic rules and `needs`. */
export function drawSituation(rng: Rng, needs: Needs = {}): Situation {
  const { tMin = 1, targetMin = 0, nMin = 1, maxT = DRAW_RANGES.maxT } = needs;
  for (let attempt = 0; attempt < 1000; attempt++) {
    const alpha = drawSchedule(rng, maxT);
    const T = alpha.length - 1;
    const tLow = Math.max(tMin, nMin + targetMin);
    if (T < tLow) continue;
    const t = randint(rng, tLow, T);
    const n = randint(rng, nMin, t - targetMin);
    const s: Situation = { alpha, t, n, eta: drawEta(rng, needs.etaPositive === true), free: true };
    if (checkSituation(s, needs) === null) return s;
  }
  throw new Error(`no valid situation found for needs ${JSON.stringify(needs)}`);
}
