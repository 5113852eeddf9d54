/**
 * The exercises work with plain numbers; src/core's DDIM math works on vectors. These wrappers
 * call src/core with one-element vectors, so every reference answer is computed by the same code
 * the chapters' claims check (src/core/ddim) and the lab samples with (src/core/scheduler).
 */
import { sigmaEta, sigmaHat, etaLimit, ddpmPosteriorVariance, oneMinusRatio } from '../../core/ddim/sigma.ts';
import { familyCoefficients, familyMean } from '../../core/ddim/family.ts';
import { ddimUpdate } from '../../core/ddim/update.ts';
import { predictX0 } from '../../core/ddim/predict.ts';
import { ddpmAt, ddpmMeanFromEps, ddpmPosteriorMean } from '../../core/ddim/ddpm.ts';
import { deterministicJump } from '../../core/ddim/jump.ts';
import { epsilonFromOutput, outputFromEpsilon } from '../../core/nn/prediction.ts';
import { invertDdimStep } from '../../core/scheduler/invert.ts';
import { float64Ops } from '../../core/scheduler/typed-ops.ts';
import { F64 } from '../../core/scheduler/scalar.ts';
import { tensor } from '../../core/scheduler/tensor.ts';

/** σ_t(η), eq. 16. */
export const sigma = (aT: number, aPrev: number, eta: number) => sigmaEta(eta, aT, aPrev);
/** σ̂_t, Table 1. */
export const sigmaHatOf = (aT: number, aPrev: number) => sigmaHat(aT, aPrev);
/** The largest η keeping 1 − α_prev − σ² ≥ 0. */
export const maxEta = (aT: number, aPrev: number) => etaLimit(aT, aPrev);
/** β̃_t = σ_t(1)². */
export const betaTilde = (aT: number, aPrev: number) => ddpmPosteriorVariance(aT, aPrev);
/** β_t = 1 − α_t/α_{t−1}. */
export const betaOf = (aT: number, aPrev: number) => oneMinusRatio(aT, aPrev);

/** x̂_0 = (x_t − √(1 − α_t) ε)/√α_t, eq. 9. */
export const x0Hat = (xt: number, eps: number, aT: number) => predictX0([xt], [eps], aT)[0];

/** One step of eq. 12 with noise scale σ and fresh noise z. */
export function step(xt: number, eps: number, aT: number, aPrev: number, s = 0, z = 0): number {
  return ddimUpdate([xt], [eps], { alphaT: aT, alphaPrev: aPrev, sigma: s }, [z]).prev[0];
}

/**
 * DDIM inversion of one step: x at the noisier level α_next from x_t at α_t with ε held fixed, the
 * exact inverse of the η = 0 step from α_next down to α_t (src/core/scheduler/invert.ts).
 */
export const invert = (xt: number, eps: number, aT: number, aNext: number) =>
  invertDdimStep(float64Ops, F64, { predictionType: 'epsilon', alphaProdT: aNext, alphaProdTPrev: aT }, tensor(Float64Array.of(eps), [1]), tensor(Float64Array.of(xt), [1])).data[0];

/** The σ = 0 jump x_{t−n} = √α_{t−n} x̂_0 + √(1 − α_{t−n}) z_t. */
export const jump = (xt: number, z: number, aT: number, aTn: number) => deterministicJump([x0Hat(xt, z, aT)], [z], aTn)[0];

/** Mean of q_σ(x_{t−1} | x_t, x_0), eq. 7. */
export const qMean = (x0: number, xt: number, aT: number, aPrev: number, s: number) => familyMean([xt], [x0], { alphaT: aT, alphaPrev: aPrev, sigma: s })[0];

/** Coefficients k_t (of x_t) and λ_t (of x_0) in that mean. */
export const qCoefficients = (aT: number, aPrev: number, s: number) => familyCoefficients({ alphaT: aT, alphaPrev: aPrev, sigma: s });

/** DDPM's μ̃_t(x_t, x_0) and μ_θ from ε, in DDPM notation, from DDIM's α_t, α_{t−1}. */
export const ddpmMean = (xt: number, x0: number, aT: number, aPrev: number) => ddpmPosteriorMean([xt], [x0], ddpmAt([aPrev, aT], 1))[0];
export const ddpmMeanEps = (xt: number, eps: number, aT: number, aPrev: number) => ddpmMeanFromEps([xt], [eps], ddpmAt([aPrev, aT], 1))[0];

/** x̂_0 from a v-prediction (diffusers "v_prediction"). */
export const x0FromV = (xt: number, v: number, a: number) => outputFromEpsilon('sample', xt, epsilonFromOutput('v_prediction', xt, v, a), a);
/** ε from a v-prediction. */
export const epsFromV = (xt: number, v: number, a: number) => epsilonFromOutput('v_prediction', xt, v, a);
