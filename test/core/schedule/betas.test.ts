import { describe, expect, it } from 'vitest';
import { betaSchedule, cosineAlphaBar, linspace, parseBetaScheduleName } from '../../../src/core/schedule/betas.ts';
import { alphasFromBetas } from '../../../src/core/schedule/alphas.ts';
import { assertClose } from '../../assert-close.ts';

describe('betaSchedule()', () => {
  it('linear runs from betaStart to betaEnd in equal steps (DDPM §4)', () => {
    const b = betaSchedule('linear', { numTrainTimesteps: 1000 });
    expect(b.length).toBe(1000);
    expect(b[0]).toBe(1e-4);
    expect(b[999]).toBe(0.02);
    const step = (0.02 - 1e-4) / 999;
    for (let i = 1; i < 1000; i++) assertClose(b[i] - b[i - 1], step, { rel: 1e-9 });
  });

  it('scaled_linear is linear in √β', () => {
    const b = betaSchedule('scaled_linear', { numTrainTimesteps: 50, betaStart: 0.00085, betaEnd: 0.012 });
    assertClose(b[0], 0.00085, { rel: 1e-14 });
    assertClose(b[49], 0.012, { rel: 1e-14 });
    const r = Array.from(b, Math.sqrt);
    for (let i = 2; i < 50; i++) assertClose(r[i] - r[i - 1], r[1] - r[0], { rel: 1e-10 });
  });

  it('squaredcos_cap_v2 telescopes to ᾱ(t/T)/ᾱ(0) wherever β is below the 0.999 cap', () => {
    const T = 1000;
    const b = betaSchedule('squaredcos_cap_v2', { numTrainTimesteps: T });
    const alpha = alphasFromBetas(b);
    let uncapped = 0;
    for (let t = 1; t <= T; t++) {
      if (b[t - 1] >= 0.999) break;
      uncapped = t;
      assertClose(alpha[t], cosineAlphaBar(t / T) / cosineAlphaBar(0), { rel: 1e-11 });
    }
    expect(uncapped).toBeGreaterThan(990);
    expect(b[T - 1]).toBe(0.999);
  });

  it('rejects an unknown schedule, listing the valid names', () => {
    expect(() => parseBetaScheduleName('quadratic')).toThrow(/Unknown beta schedule "quadratic": expected one of linear, scaled_linear, squaredcos_cap_v2/);
    expect(() => betaSchedule('quadratic' as never)).toThrow(RangeError);
  });

  it('rejects a non-integer or non-positive number of steps', () => {
    expect(() => betaSchedule('linear', { numTrainTimesteps: 0 })).toThrow(/numTrainTimesteps must be an integer ≥ 1/);
    expect(() => betaSchedule('linear', { numTrainTimesteps: 2.5 })).toThrow(/numTrainTimesteps/);
  });
});

describe('linspace()', () => {
  it('includes both end points exactly and handles a single point', () => {
    expect(Array.from(linspace(0, 1, 5))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(linspace(3, 7, 1))).toEqual([3]);
  });
});
