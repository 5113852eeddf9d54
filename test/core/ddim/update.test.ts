import { describe, expect, it } from 'vitest';
import { assertClose } from '../../assert-close.ts';
import { ddimUpdate } from '../../../src/core/ddim/update.ts';
import { etaStep } from '../../../src/core/ddim/family.ts';
import { predictX0 } from '../../../src/core/ddim/predict.ts';

const xt = [0.4, -0.9, 1.3];
const eps = [1.1, 0.2, -0.5];

describe('ddimUpdate()', () => {
  it('with η = 0 is deterministic and ignores the noise', () => {
    const step = etaStep(0, 0.5, 0.7);
    const a = ddimUpdate(xt, eps, step).prev;
    const b = ddimUpdate(xt, eps, step, [9, 9, 9]).prev;
    expect(Array.from(a)).toEqual(Array.from(b));
    assertClose(a, xt.map((_x, i) => Math.sqrt(0.7) * predictX0(xt, eps, 0.5)[i] + Math.sqrt(0.3) * eps[i]), { rel: 1e-14 });
  });
  it('with σ > 0 needs a noise vector and adds σ times it (not σ²)', () => {
    const step = etaStep(1, 0.5, 0.7);
    expect(() => ddimUpdate(xt, eps, step)).toThrow(/needs a noise vector/);
    const noise = [1, 0, 0];
    const diff = ddimUpdate(xt, eps, step, noise).prev[0] - ddimUpdate(xt, eps, step, [0, 0, 0]).prev[0];
    assertClose(diff, step.sigma, { rel: 1e-13 });
  });
  it('on the last step (α_prev = 1) returns the predicted x_0 for any η', () => {
    for (const eta of [0, 0.5, 1]) assertClose(ddimUpdate(xt, eps, etaStep(eta, 0.5, 1), [1, 2, 3]).prev, predictX0(xt, eps, 0.5), { rel: 1e-15 });
  });
});
