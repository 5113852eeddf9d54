/**
 * One step of the DDIM generative process (DDIM eq. 12), or one jump τ_i → τ_{i−1} (App. C.1):
 *
 *   x_prev = √α_prev · x̂_0  +  √(1 − α_prev − σ²) · ε_θ  +  σ · ε
 *            "predicted x_0"   "direction pointing to x_t"   "random noise"
 *
 * with x̂_0 = (x_t − √(1 − α_t) ε_θ)/√α_t (eq. 9). Float64, the paper's math; the float32 port of
 * diffusers' DDIMScheduler lives in src/core/scheduler/.
 */
import { combine, type Vec } from '../vec.ts';
import { leftOf, type FamilyStep } from './family.ts';
import { predictX0 } from './predict.ts';

export interface DdimUpdateParts {
  /** x̂_0, the predicted clean sample. */
  x0: Float64Array;
  /** √(1 − α_prev − σ²) · ε_θ */
  direction: Float64Array;
  /** x_prev */
  prev: Float64Array;
}

/**
 * x_prev from x_t and the predicted noise ε_θ. `noise` (standard normal) is required when σ > 0
 * and ignored when σ = 0.
 */
export function ddimUpdate(xt: Vec, epsTheta: Vec, step: FamilyStep, noise?: Vec): DdimUpdateParts {
  const x0 = predictX0(xt, epsTheta, step.alphaT);
  const direction = combine([Math.sqrt(leftOf(step)), epsTheta]);
  const terms: [number, Vec][] = [
    [Math.sqrt(step.alphaPrev), x0],
    [1, direction],
  ];
  if (step.sigma > 0) {
    if (!noise) throw new RangeError('ddimUpdate: σ > 0 needs a noise vector');
    terms.push([step.sigma, noise]);
  }
  return { x0, direction, prev: combine(...terms) };
}
