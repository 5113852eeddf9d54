/**
 * The three things a diffusion model can be trained to output (diffusers `prediction_type`):
 * - "epsilon": the noise ε (DDPM eq. 14);
 * - "sample": x_0 itself;
 * - "v_prediction": v = √α ε − √(1 − α) x_0 (Salimans & Ho 2022, §4; diffusers `get_velocity`).
 * Given x_t = √α x_0 + √(1 − α) ε, any one of them determines the others. Here: the training target
 * for a type, and the output of that type equivalent to a noise prediction ε̂ at x_t (used to drive
 * the scheduler with an exact denoiser under any prediction type).
 */

export const PREDICTION_TYPES = ['epsilon', 'sample', 'v_prediction'] as const;
export type PredictionType = (typeof PREDICTION_TYPES)[number];

/** Training target of one coordinate. */
export function predictionTarget(type: PredictionType, x0: number, eps: number, alpha: number): number {
  switch (type) {
    case 'epsilon':
      return eps;
    case 'sample':
      return x0;
    case 'v_prediction':
      return Math.sqrt(alpha) * eps - Math.sqrt(1 - alpha) * x0;
  }
}

/** The model output of `type` that corresponds to noise prediction `eps` at x_t = `xt` (one coordinate). */
export function outputFromEpsilon(type: PredictionType, xt: number, eps: number, alpha: number): number {
  const x0 = (xt - Math.sqrt(1 - alpha) * eps) / Math.sqrt(alpha);
  return predictionTarget(type, x0, eps, alpha);
}

/** The noise prediction implied by an output of `type` at x_t (inverse of outputFromEpsilon). */
export function epsilonFromOutput(type: PredictionType, xt: number, output: number, alpha: number): number {
  switch (type) {
    case 'epsilon':
      return output;
    case 'sample':
      return (xt - Math.sqrt(alpha) * output) / Math.sqrt(1 - alpha);
    case 'v_prediction':
      return Math.sqrt(alpha) * output + Math.sqrt(1 - alpha) * xt;
  }
}
