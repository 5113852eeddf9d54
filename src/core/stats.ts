/** Sample statistics used by the Monte Carlo checks and the widgets. */

/** Sample mean and unbiased sample variance (Welford's algorithm, stable in one pass). */
export function meanVariance(values: ArrayLike<number>): { mean: number; variance: number; n: number } {
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < values.length; i++) {
    const delta = values[i] - mean;
    mean += delta / (i + 1);
    m2 += delta * (values[i] - mean);
  }
  const n = values.length;
  return { mean, variance: n > 1 ? m2 / (n - 1) : NaN, n };
}
