/**
 * Maximum mean discrepancy with a fixed Gaussian kernel k(x, y) = exp(−|x − y|² / (2h²))
 * (Gretton et al. 2012, eq. 3, the unbiased estimator MMD²_u). Can be slightly negative when the
 * two sets come from the same distribution; that is the estimator, not an error.
 */

/** Unbiased MMD² between 2D point sets `a` and `b` (row-major), bandwidth `h` (default 0.1). */
export function mmdSquared(a: ArrayLike<number>, b: ArrayLike<number>, { bandwidth = 0.1 } = {}): number {
  const n = a.length / 2;
  const m = b.length / 2;
  if (n < 2 || m < 2) throw new RangeError('MMD needs at least two points in each set');
  const g = 1 / (2 * bandwidth * bandwidth);
  const kernelSum = (p: ArrayLike<number>, np: number, q: ArrayLike<number>, nq: number, same: boolean) => {
    let s = 0;
    for (let i = 0; i < np; i++) {
      const x = p[2 * i];
      const y = p[2 * i + 1];
      for (let j = same ? i + 1 : 0; j < nq; j++) {
        const dx = x - q[2 * j];
        const dy = y - q[2 * j + 1];
        s += Math.exp(-g * (dx * dx + dy * dy));
      }
    }
    return same ? 2 * s : s;
  };
  const kaa = kernelSum(a, n, a, n, true) / (n * (n - 1));
  const kbb = kernelSum(b, m, b, m, true) / (m * (m - 1));
  const kab = kernelSum(a, n, b, m, false) / (n * m);
  return kaa + kbb - 2 * kab;
}
