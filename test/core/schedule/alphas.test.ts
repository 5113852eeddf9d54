import { describe, expect, it } from 'vitest';
import { BETA_SCHEDULES, betaSchedule } from '../../../src/core/schedule/betas.ts';
import { alphasFromBetas, snr } from '../../../src/core/schedule/alphas.ts';
import { assertClose } from '../../assert-close.ts';

describe('alphasFromBetas()', () => {
  it.each(BETA_SCHEDULES)('%s: α_0 = 1, α_t = ∏(1 − β_s), α_t/α_{t−1} = 1 − β_t, strictly decreasing in (0, 1]', (name) => {
    const betas = betaSchedule(name, { numTrainTimesteps: 1000 });
    const alpha = alphasFromBetas(betas);
    expect(alpha.length).toBe(1001);
    expect(alpha[0]).toBe(1);
    let product = 1;
    for (let t = 1; t <= 1000; t++) {
      product *= 1 - betas[t - 1];
      assertClose(alpha[t], product, { rel: 1e-12 });
      assertClose(alpha[t] / alpha[t - 1], 1 - betas[t - 1], { rel: 1e-12 });
      expect(alpha[t]).toBeLessThan(alpha[t - 1]);
      expect(alpha[t]).toBeGreaterThan(0);
    }
  });
});

describe('snr()', () => {
  it('is α/(1 − α): infinite at α = 1, zero at α = 0, 1 at α = ½', () => {
    expect(snr(1)).toBe(Infinity);
    expect(snr(0)).toBe(0);
    expect(snr(0.5)).toBe(1);
  });
});
