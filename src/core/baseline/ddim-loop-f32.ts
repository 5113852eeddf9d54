/**
 * The benchmark's baseline sampler: DDIM (η = 0) through the project's DDIMScheduler on its
 * Float32Array ops (plain loops, src/core/scheduler/typed-ops.ts), with a plain-loop denoiser.
 */
import { DDIMScheduler } from '../scheduler/ddim.ts';
import { tensor, type Tensor } from '../scheduler/tensor.ts';
import { labSchedulerConfig } from '../sampling/lab-config.ts';

/** Run `steps` DDIM steps from x_T; `epsilon(x, alphaBar, t)` is the denoiser. Returns x_0. */
export function ddimLoopF32(xT: Float32Array, steps: number, epsilon: (x: Float32Array, alphaBar: number, t: number) => Float32Array): Float32Array {
  const ddim = new DDIMScheduler(labSchedulerConfig('linear', 'epsilon'));
  ddim.setTimesteps(steps);
  const n = xT.length / 2;
  let x: Tensor<Float32Array> = tensor(Float32Array.from(xT), [n, 2]);
  for (const t of ddim.timesteps) {
    const eps = tensor(epsilon(x.data, ddim.alphaProd(t), t), [n, 2]);
    x = ddim.step(eps, t, x, { eta: 0 }).prevSample;
  }
  return x.data;
}
