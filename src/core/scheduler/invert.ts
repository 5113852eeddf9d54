/**
 * Undoing a deterministic (η = 0) DDIM step. With η = 0 and no clipping or thresholding, the step
 * is an affine map of x_t for a fixed model output m, so x_t can be recovered from x_{t−Δ}:
 *
 *   a = √ᾱ_t, b = √(1 − ᾱ_t), A = √ᾱ_prev, D = √(1 − ᾱ_prev)
 *   ε-prediction:  x_{t−Δ} = A(x_t − b m)/a + D m           ⇒  x_t = a(x_{t−Δ} − D m)/A + b m
 *   x_0-prediction: x_{t−Δ} = A m + D(x_t − a m)/b           ⇒  x_t = b(x_{t−Δ} − A m)/D + a m
 *   v-prediction:  x_{t−Δ} = (Aa + Db) x_t + (Da − Ab) m     ⇒  x_t = (x_{t−Δ} − (Da − Ab) m)/(Aa + Db)
 *
 * The first needs ᾱ_prev > 0, the second ᾱ_prev < 1 (a final step to ᾱ = 1 with x_0-prediction
 * returns m whatever x_t was). This is the exact inverse of one step with the same m; "DDIM
 * inversion" in practice re-evaluates the model at the other end, which this does not do.
 */
import type { ArrayOps } from './ops.ts';
import type { ScalarMath } from './scalar.ts';

export interface InvertibleStep {
  predictionType: string;
  alphaProdT: number;
  alphaProdTPrev: number;
}

/** The factor by which an error in x_{t−Δ} is amplified in the recovered x_t (∞ when not invertible). */
export function inversionConditionNumber(S: ScalarMath, s: InvertibleStep): number {
  const a = S.sqrt(s.alphaProdT);
  const b = S.sqrt(S.sub(1, s.alphaProdT));
  const A = S.sqrt(s.alphaProdTPrev);
  const D = S.sqrt(S.sub(1, s.alphaProdTPrev));
  if (s.predictionType === 'epsilon') return A > 0 ? a / A : Infinity;
  if (s.predictionType === 'sample') return D > 0 ? b / D : Infinity;
  return 1 / (A * a + D * b);
}

/** x_t from x_{t−Δ} and the model output m of a deterministic step (η = 0, no clipping). */
export function invertDdimStep<A>(ops: ArrayOps<A>, S: ScalarMath, s: InvertibleStep, modelOutput: A, prevSample: A): A {
  const a = S.sqrt(s.alphaProdT);
  const b = S.sqrt(S.sub(1, s.alphaProdT));
  const A_ = S.sqrt(s.alphaProdTPrev);
  const D = S.sqrt(S.sub(1, s.alphaProdTPrev));
  if (!Number.isFinite(inversionConditionNumber(S, s))) throw new RangeError('this step is not invertible (its output does not depend on x_t)');
  if (s.predictionType === 'epsilon') {
    return ops.add(ops.scale(ops.divide(ops.sub(prevSample, ops.scale(modelOutput, D)), A_), a), ops.scale(modelOutput, b));
  }
  if (s.predictionType === 'sample') {
    return ops.add(ops.scale(ops.divide(ops.sub(prevSample, ops.scale(modelOutput, A_)), D), b), ops.scale(modelOutput, a));
  }
  if (s.predictionType === 'v_prediction') {
    const cross = S.sub(S.mul(D, a), S.mul(A_, b));
    return ops.divide(ops.sub(prevSample, ops.scale(modelOutput, cross)), S.add(S.mul(A_, a), S.mul(D, b)));
  }
  throw new RangeError(`predictionType must be one of "epsilon", "sample", "v_prediction"; got "${s.predictionType}".`);
}
