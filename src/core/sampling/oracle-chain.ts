/**
 * The σ = 0 chain with the true x_0 ("oracle") in float64: from x_t through the timesteps `path`
 * (each a target of one generalised DDIM step, prediction type "sample", model output x_0), using
 * the scheduler's own `ddimCoefficients` and `ddimStepCore` in double. One step to t − n and n steps
 * of 1 must agree: with x̂_0 = x_0 the implied ε = (x_t − √α_t x_0)/√(1 − α_t) never changes
 * (the n-step jump of DDIM §4.2 / the source notes' induction).
 */
import { DDIMScheduler } from '../scheduler/ddim.ts';
import { ddimCoefficients, ddimStepCore } from '../scheduler/ddim-step.ts';
import { F64 } from '../scheduler/scalar.ts';
import { tensor, type Tensor } from '../scheduler/tensor.ts';
import { float64Ops } from '../scheduler/typed-ops.ts';
import { labSchedulerConfig } from './lab-config.ts';

/** x after stepping from `from` through each timestep of `path` (descending; −1 means ᾱ = 1). */
export function oracleChain(x0: Float64Array, xt: Float64Array, from: number, path: readonly number[]): Float64Array {
  const ddim = new DDIMScheduler({ ...labSchedulerConfig('linear', 'sample'), schedulePrecision: 'float64' });
  const alpha = (t: number) => (t >= 0 ? ddim.alphaProd(t) : ddim.finalAlphaCumprod);
  const n = x0.length / 2;
  const model: Tensor<Float64Array> = tensor(x0, [n, 2]);
  let x: Tensor<Float64Array> = tensor(Float64Array.from(xt), [n, 2]);
  let t = from;
  for (const prev of path) {
    const c = ddimCoefficients(F64, t, prev, alpha(t), alpha(prev), 0);
    x = ddimStepCore(float64Ops, F64, c, model, x, {
      predictionType: 'sample', thresholding: false, clipSample: false, clipSampleRange: 1,
      dynamicThresholdingRatio: 0.995, sampleMaxValue: 1, useClippedModelOutput: false, eta: 0,
    }).prevSample;
    t = prev;
  }
  return x.data;
}

/** ᾱ at a timestep of the lab's linear schedule, in double. */
export function labAlphaBar(t: number): number {
  const ddim = new DDIMScheduler({ ...labSchedulerConfig('linear', 'sample'), schedulePrecision: 'float64' });
  return t >= 0 ? ddim.alphaProd(t) : ddim.finalAlphaCumprod;
}
