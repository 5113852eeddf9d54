/** The jump must land at t − n ≥ −1 (−1 is "past the last step", ᾱ = 1). */
import type { CrossCheck } from '../runtime/island.ts';
import type { labChecksParams } from './params.ts';

export const checksCheck: CrossCheck<typeof labChecksParams> = (v, tr) =>
  v.jump <= v.t + 1 ? null : { param: 'jump', message: tr('lab.checks.jumpTooFar', { n: v.jump, t: v.t, max: v.t + 1 }) };
