/**
 * The float64 reference of the lab's sampler: the same scheduler (src/core/scheduler/, ᾱ and every
 * coefficient in double) driven by the exact mixture denoiser in double. The tfjs sampler
 * (src/lab/sampling/) must agree with it to float32 precision for the same seed.
 */
import type { Mixture2D } from '../data/mixture.ts';
import { mixtureEpsilon } from '../denoise/mixture-eps.ts';
import { outputFromEpsilon, type PredictionType } from '../nn/prediction.ts';
import type { BetaScheduleName } from '../schedule/betas.ts';
import { DDIMScheduler } from '../scheduler/ddim.ts';
import { DDPMScheduler } from '../scheduler/ddpm.ts';
import { tensor, type Tensor } from '../scheduler/tensor.ts';
import { labSchedulerConfig } from './lab-config.ts';

export interface ReferenceOptions {
  mixture: Mixture2D;
  betaSchedule?: BetaScheduleName;
  timestepSpacing?: 'leading' | 'trailing' | 'linspace';
  numInferenceSteps: number;
  eta?: number;
  variance?: 'eta' | 'sigmaHat';
  predictionType?: PredictionType;
  /** x_T, row-major [N × 2]. */
  xT: ArrayLike<number>;
  /** z of step i, when the run is stochastic. */
  noiseAt?: (i: number) => ArrayLike<number>;
}

/** Final samples x_0 (row-major, float64). */
export function referenceSample(o: ReferenceOptions): Float64Array {
  const { betaSchedule = 'linear', timestepSpacing = 'leading', eta = 0, variance = 'eta', predictionType = 'epsilon' } = o;
  const config = { ...labSchedulerConfig(betaSchedule, predictionType), timestepSpacing, schedulePrecision: 'float64' as const };
  const n = o.xT.length / 2;
  const ddpm = variance === 'sigmaHat' ? new DDPMScheduler({ ...config, varianceType: 'fixed_large' }) : null;
  const ddim = ddpm ? null : new DDIMScheduler(config);
  const scheduler = (ddpm ?? ddim)!;
  scheduler.setTimesteps(o.numInferenceSteps);
  let x: Tensor<Float64Array> = tensor(Float64Array.from(o.xT), [n, 2]);
  scheduler.timesteps.forEach((t, i) => {
    const a = scheduler.alphaProd(t);
    const eps = mixtureEpsilon(o.mixture, x.data, a);
    const out = tensor(eps.map((e, j) => outputFromEpsilon(predictionType, x.data[j], e, a)), [n, 2]);
    const stochastic = ddpm ? t > 0 : eta > 0;
    const varianceNoise = stochastic ? tensor(Float64Array.from(o.noiseAt!(i)), [n, 2]) : null;
    x = ddpm ? ddpm.step(out, t, x, { varianceNoise }).prevSample : ddim!.step(out, t, x, { eta, varianceNoise }).prevSample;
  });
  return x.data;
}
