import { describe, expect, it } from 'vitest';
import { mixtureEpsStar, mixtureResponsibilities } from '../../../src/core/denoise/gmm-1d.ts';
import { mulberry32, randn } from '../../../src/core/rng.ts';
import { assertClose } from '../../assert-close.ts';

describe('mixtureEpsStar', () => {
  it('mixtureEpsStar() for one Gaussian is √(1 − α)(x_t − √α μ)/(α s² + 1 − α)', () => {
    const m = { means: [0.4], stds: [0.3] };
    for (const [xt, a] of [[0.2, 0.5], [-1.1, 0.9], [2, 0.01]]) {
      assertClose(mixtureEpsStar(xt, a, m), (Math.sqrt(1 - a) * (xt - Math.sqrt(a) * 0.4)) / (a * 0.09 + 1 - a), { rel: 1e-14 });
    }
  });

  it('mixtureEpsStar() agrees with a Monte Carlo estimate of E[ε | x_t] in a narrow window', () => {
    const m = { means: [-0.8, 0.5], stds: [0.1, 0.2], weights: [0.3, 0.7] };
    const a = 0.6;
    const rng = mulberry32(7);
    const n = 400_000;
    const z = randn(rng, 2 * n);
    let sum = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const k = rng.next() < 0.3 ? 0 : 1;
      const x0 = m.means[k] + m.stds[k] * z[2 * i];
      const xt = Math.sqrt(a) * x0 + Math.sqrt(1 - a) * z[2 * i + 1];
      if (Math.abs(xt - 0.1) < 0.01) {
        sum += z[2 * i + 1];
        count++;
      }
    }
    // Standard error of the window mean ≈ 1/√count ≈ 0.03 for count ≈ 1,000; allow 4 SE.
    expect(Math.abs(sum / count - mixtureEpsStar(0.1, a, m))).toBeLessThan(4 / Math.sqrt(count));
  });

  it('mixtureResponsibilities() sum to one and point masses give a softmax over data points', () => {
    const r = mixtureResponsibilities(0.3, 0.99, { means: [-1, 0.3, 1], stds: [0, 0, 0] });
    assertClose(r.reduce((s, v) => s + v, 0), 1, { rel: 1e-15 });
    expect(r[1]).toBeGreaterThan(0.99);
    expect(() => mixtureEpsStar(0, 1, { means: [0], stds: [1] })).toThrow(/alpha must be in \(0, 1\)/);
  });
});
