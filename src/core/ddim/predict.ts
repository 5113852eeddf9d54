/**
 * Between x_t, x_0 and the noise: x_t = √α_t x_0 + √(1 − α_t) ε (DDIM eq. 4 reparameterised).
 * References: DDIM eq. 9 (f_θ, the predicted x_0); diffusers DDIMScheduler.step() step 3
 * (`pred_original_sample` for prediction_type "epsilon").
 */
import { combine, type Vec } from '../vec.ts';

/** x̂_0 = (x_t − √(1 − α_t) ε)/√α_t  (DDIM eq. 9). */
export function predictX0(xt: Vec, eps: Vec, alphaT: number): Float64Array {
  return combine([1 / Math.sqrt(alphaT), xt], [-Math.sqrt(1 - alphaT) / Math.sqrt(alphaT), eps]);
}

/** The standardised noise u = (x_t − √α_t x_0)/√(1 − α_t), i.e. the ε that makes x_t from x_0. */
export function noiseOf(xt: Vec, x0: Vec, alphaT: number): Float64Array {
  return combine([1 / Math.sqrt(1 - alphaT), xt], [-Math.sqrt(alphaT) / Math.sqrt(1 - alphaT), x0]);
}

/** x_t = √α_t x_0 + √(1 − α_t) ε. */
export function noisy(x0: Vec, eps: Vec, alphaT: number): Float64Array {
  return combine([Math.sqrt(alphaT), x0], [Math.sqrt(1 - alphaT), eps]);
}
