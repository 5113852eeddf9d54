import { describe, expect, it } from 'vitest';
import { angleBetween, slerp } from '../../src/core/slerp.ts';
import { assertClose } from '../assert-close.ts';

describe('slerp', () => {
  it('slerp() hits the endpoints and keeps the norm of two equal-norm vectors', () => {
    const x = [3, 0, 4];
    const y = [0, 5, 0];
    assertClose(slerp(x, y, 0), x, { abs: 1e-15 });
    assertClose(slerp(x, y, 1), y, { abs: 1e-15 });
    for (const l of [0.1, 0.37, 0.5, 0.9]) {
      const m = slerp(x, y, l);
      assertClose(Math.hypot(...m), 5, { rel: 1e-14 });
      assertClose(angleBetween(x, m), l * angleBetween(x, y), { rel: 1e-12 });
    }
  });

  it('slerp() of parallel vectors is linear interpolation, and zero vectors are rejected', () => {
    assertClose(slerp([1, 2], [2, 4], 0.5), [1.5, 3], { rel: 1e-15 });
    expect(() => slerp([0, 0], [1, 0], 0.5)).toThrow(/non-zero/);
  });
});
