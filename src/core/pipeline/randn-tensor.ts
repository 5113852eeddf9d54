/**
 * diffusers' `randn_tensor(shape, generator)` (utils/torch_utils.py) on this port's seeded generators
 * (src/core/rng.ts): one generator draws the whole tensor; a list draws item b of the batch from
 * generator b, with shape (1, …rest), and concatenates, so that an item's noise depends only on its
 * own generator. A list of length 1 is treated as that one generator, as diffusers does.
 *
 * torch's normal stream is not reproduced (torch.randn and this port's Box–Muller draw different
 * numbers from the same seed); what carries over is which generator feeds which item.
 */
import { randn, type Rng } from '../rng.ts';
import { SchedulerInputError } from '../scheduler/errors.ts';
import type { Precision } from '../scheduler/scalar.ts';
import { tensor, type Tensor } from '../scheduler/tensor.ts';

/** One seeded generator, or one per batch item (diffusers `generator`). */
export type Generators = Rng | readonly Rng[];

export function isGenerator(g: unknown): g is Rng {
  return typeof g === 'object' && g !== null && typeof (g as Rng).next === 'function';
}

/** Standard normal draws of `shape` ([batch, …item]) in `precision`. */
export function randnTensor(shape: readonly number[], generator: Generators, precision: Precision = 'float32'): Tensor {
  const batch = shape[0];
  const itemSize = shape.slice(1).reduce((a, b) => a * b, 1);
  const data = precision === 'float32' ? new Float32Array(batch * itemSize) : new Float64Array(batch * itemSize);
  const list = Array.isArray(generator) ? (generator.length === 1 ? generator[0] : generator) : generator;
  if (Array.isArray(list)) {
    if (list.length !== batch) throw new SchedulerInputError('generator', `a list of ${batch} generators (one per batch item)`, list);
    list.forEach((g: Rng, b: number) => data.set(randn(g, itemSize), b * itemSize));
  } else if (isGenerator(list)) {
    data.set(randn(list, batch * itemSize));
  } else {
    throw new SchedulerInputError('generator', 'a seeded generator or a list of them (src/core/rng.ts)', generator);
  }
  return tensor(data, shape);
}
