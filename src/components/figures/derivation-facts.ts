/**
 * Numbers quoted in the prose of the derivation chapters, computed from src/core at build time
 * (linear schedule, T = 1000, unless stated), so the text can never drift from the code.
 */
import { namedAlphas } from '../../core/claims/situation.ts';
import { etaStep, familyCoefficients } from '../../core/ddim/family.ts';
import { etaLimit, oneMinusRatio, sigmaEta, sigmaHat } from '../../core/ddim/sigma.ts';
import { effectiveSigma, pathR, type MovePath } from '../../core/ddim/jump.ts';

export const EXAMPLE = { T: 1000, t: 500, n: 20 } as const;

/** The η used for the "0 < η < 1" example of the sampler chapter. */
export const ETA_HALF = 0.5;

const alpha = namedAlphas('linear', EXAMPLE.T);

/** The one-step path t, t−1, …, t−n with σ_s(η). */
function oneStep(eta: number, t: number, n: number): MovePath {
  const alphas = Array.from({ length: n + 1 }, (_, j) => alpha[t - j]);
  const steps = alphas.slice(1).map((a, j) => etaStep(eta, alphas[j], a));
  return { alphas, sigmas: steps.map((s) => s.sigma), lefts: steps.map((s) => s.directionVariance!) };
}

export function familyFacts() {
  const { t } = EXAMPLE;
  const [aT, aP] = [alpha[t], alpha[t - 1]];
  const at = (eta: number) => {
    const step = etaStep(eta, aT, aP);
    const { k, lambda } = familyCoefficients(step);
    const c = (k * (1 - aT)) / (1 - aP);
    return { k, lambda, sigma: step.sigma, x0coef: Math.sqrt(aT) - c * Math.sqrt(aP) };
  };
  return { ...EXAMPLE, alphaT: aT, alphaPrev: aP, eta0: at(0), eta1: at(1), eta05: at(0.5) };
}

export function jumpFacts() {
  const { t, n } = EXAMPLE;
  const aN = alpha[t - n];
  const path = oneStep(1, t, n);
  const R = pathR(path);
  return { ...EXAMPLE, alphaTarget: aN, R, variance: (1 - aN) * (1 - R * R), sigmaEff: effectiveSigma(path), sigmaJump: sigmaEta(1, alpha[t], aN) };
}

export function samplerFacts() {
  const { T, t, n } = EXAMPLE;
  let etaMaxMin = Infinity;
  let etaMaxAt = 0;
  let negative = 0;
  let lastNegative = 0;
  for (let s = 1; s <= T; s++) {
    const e = etaLimit(alpha[s], alpha[s - 1]);
    // At t = 1, α_0 = 1 makes σ_1(η) = 0 for every η, so η_max = ∞ there; report the smallest over t ≥ 2.
    if (s >= 2 && e < etaMaxMin) [etaMaxMin, etaMaxAt] = [e, s];
    if (1 - alpha[s - 1] - sigmaHat(alpha[s], alpha[s - 1]) ** 2 < 0) [negative, lastNegative] = [negative + 1, s];
  }
  const half = oneStep(ETA_HALF, t, n);
  return {
    ...EXAMPLE,
    etaMaxAtOne: etaLimit(alpha[1], alpha[0]),
    // What the t ≥ 2 formula √((1 − α_t)/(1 − α_t/α_{t−1})) would say at t = 1 (a bound that binds nothing).
    etaFormulaAtOne: Math.sqrt((1 - alpha[1]) / oneMinusRatio(alpha[1], alpha[0])),
    etaMaxMin,
    etaMaxAt,
    sigmahatNegative: negative,
    sigmahatLastNegative: lastNegative,
    halfEff: effectiveSigma(half),
    halfJump: sigmaEta(ETA_HALF, alpha[t], alpha[t - n]),
    oneEff: effectiveSigma(oneStep(1, t, n)),
    oneJump: sigmaEta(1, alpha[t], alpha[t - n]),
  };
}

export { DRAW_RANGES } from '../../core/claims/situation.ts';
export { DEFAULT_DRAWS, DEFAULT_MC_DRAWS, DEFAULT_MC_SAMPLES, DEFAULT_TOLERANCE } from '../../core/claims/evaluate.ts';
export { FAMILY_FALSE_ALARM } from '../../core/claims/montecarlo.ts';
