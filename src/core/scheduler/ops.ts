/**
 * The small set of array operations a scheduler step needs, so that `step()` is written once and
 * runs on plain typed arrays (src/core/scheduler/typed-ops.ts) and on tfjs tensors (src/lab/scheduler-ops.ts).
 *
 * Arrays are batches: axis 0 is the batch, everything after it is one item. A coefficient is either
 * one number for the whole batch or one number per batch item (`Coef`), which is how diffusers
 * broadcasts `alphas_cumprod[timesteps]` in `add_noise` and `s` in `_threshold_sample`.
 *
 * Each operation is one tensor operation in diffusers, applied in the same order; an implementation
 * rounds each result to its element precision (float32 arrays after every operation).
 */
import type { Rng } from '../rng.ts';
import type { Precision } from './scalar.ts';

export type Coef = number | readonly number[];

export interface ArrayOps<A> {
  /** Element precision of the arrays these ops produce. */
  readonly precision: Precision;
  /** The array's shape; axis 0 is the batch. */
  shape(a: A): readonly number[];
  /** Batch size (length of axis 0). */
  batchSize(a: A): number;
  /** a + b, elementwise (same shape). */
  add(a: A, b: A): A;
  /** a − b, elementwise (same shape). */
  sub(a: A, b: A): A;
  /** c · a. */
  scale(a: A, c: Coef): A;
  /** a / c (a true division, as diffusers writes it, not a multiplication by 1/c). */
  divide(a: A, c: Coef): A;
  /** min(max(a, lo), hi) elementwise (torch.clamp: when lo > hi every element becomes hi). */
  clamp(a: A, lo: Coef, hi: Coef): A;
  /**
   * Per batch item, the q-quantile of |a| over the item's elements with linear interpolation
   * (torch.quantile(abs, q, dim=1), computed in the array's precision).
   */
  quantileAbs(a: A, q: number): number[];
  /** True when every element is finite. */
  allFinite(a: A): boolean;
  /** Standard normal draws from `rng` (src/core/rng.ts `randn`), shaped and typed like `like`. */
  normalLike(like: A, rng: Rng): A;
}
