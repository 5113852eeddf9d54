import { describe, expect, it } from 'vitest';
import { assertClose } from '../../assert-close.ts';
import { datasetMixture } from '../../../src/core/data/datasets.ts';
import { empiricalMixture, mixtureLogDensity, type Mixture2D } from '../../../src/core/data/mixture.ts';
import { mixtureEpsilon, mixturePosteriorMean } from '../../../src/core/denoise/mixture-eps.ts';

/** The noised mixture p_t: means √α μ_k, variances α s_k² + 1 − α. */
function noised(mix: Mixture2D, alpha: number): Mixture2D {
  return {
    weights: mix.weights,
    means: mix.means.map((m) => Math.sqrt(alpha) * m),
    variances: mix.variances.map((s) => alpha * s + 1 - alpha),
  };
}

describe('mixtureEpsilon', () => {
  it('equals −√(1 − α) ∇ log p_t, the gradient taken by central differences of the exact density', () => {
    const mix = datasetMixture('moons');
    for (const alpha of [0.999, 0.9, 0.5, 0.05]) {
      const pts = [0.3, -0.2, -0.7, 0.4, 0.05, 0.01];
      const eps = mixtureEpsilon(mix, pts, alpha);
      const pt = noised(mix, alpha);
      const h = 1e-5;
      const fd = pts.map((_, i) => {
        const plus = pts.slice();
        const minus = pts.slice();
        plus[i] += h;
        minus[i] -= h;
        const j = Math.floor(i / 2);
        const lp = mixtureLogDensity(pt, plus)[j];
        const lm = mixtureLogDensity(pt, minus)[j];
        return -Math.sqrt(1 - alpha) * ((lp - lm) / (2 * h));
      });
      assertClose(Array.from(eps), fd, { rel: 1e-5, abs: 1e-6 });
    }
  });

  it('for one data point is exactly the noise that was added', () => {
    const x0 = [0.4, -0.3];
    const alpha = 0.37;
    const xt = [Math.sqrt(alpha) * 0.4 + Math.sqrt(1 - alpha) * 1.5, Math.sqrt(alpha) * -0.3 + Math.sqrt(1 - alpha) * -0.25];
    assertClose(Array.from(mixtureEpsilon(empiricalMixture(Float64Array.from(x0)), xt, alpha)), [1.5, -0.25], { abs: 1e-12 });
  });

  it('of the empirical mixture snaps x̂_0 to the nearest data point at low noise (memorisation)', () => {
    const data = Float64Array.from([0.5, 0.5, -0.5, -0.5, 0.5, -0.5]);
    const x0hat = mixturePosteriorMean(empiricalMixture(data), [0.45, 0.6, -0.2, -0.6], 0.999);
    assertClose(Array.from(x0hat), [0.5, 0.5, -0.5, -0.5], { abs: 1e-9 });
  });

  it('rejects α outside (0, 1)', () => {
    expect(() => mixtureEpsilon(datasetMixture('ring'), [0, 0], 1)).toThrow(/alpha must be in \(0, 1\)/);
  });
});
