/**
 * The trained MLP as a denoiser. The model speaks its training schedule's timesteps; each sampling
 * step is mapped to the training timestep with the same noise level (src/core/nn/model-time.ts),
 * so a model trained on one schedule can be sampled with another. Its output is converted to a
 * noise prediction when it was trained for another prediction type.
 */
import * as tf from '@tensorflow/tfjs-core';
import { matchTrainingTimestep } from '../../core/nn/model-time.ts';
import type { PredictionType } from '../../core/nn/prediction.ts';
import { embeddingTensor, type MlpModel } from '../mlp/model.ts';
import type { StepInfo, TensorDenoiser } from './types.ts';

export interface MlpDenoiserOptions {
  /** The training schedule's `alphas_cumprod` (0-based). */
  trainAlphasCumprod: ArrayLike<number>;
  /** What the model was trained to output. Default "epsilon". */
  predictionType?: PredictionType;
  /** Dispose the model with the denoiser. Default false. */
  ownsModel?: boolean;
}

export function mlpDenoiser(model: MlpModel, { trainAlphasCumprod, predictionType = 'epsilon', ownsModel = false }: MlpDenoiserOptions): TensorDenoiser {
  return {
    epsilon(x: tf.Tensor, { alphaBar }: StepInfo) {
      const u = matchTrainingTimestep(alphaBar, trainAlphasCumprod);
      return tf.tidy(() => {
        const out = model.apply(x, embeddingTensor([u], model.config.embedDim));
        const a = alphaBar;
        switch (predictionType) {
          case 'epsilon':
            return out;
          case 'sample': // ε = (x_t − √α x̂_0) / √(1 − α)
            return tf.div(tf.sub(x, tf.mul(out, Math.sqrt(a))), Math.sqrt(1 - a));
          case 'v_prediction': // ε = √α v + √(1 − α) x_t
            return tf.add(tf.mul(out, Math.sqrt(a)), tf.mul(x, Math.sqrt(1 - a)));
        }
      });
    },
    dispose() {
      if (ownsModel) model.dispose();
    },
  };
}
