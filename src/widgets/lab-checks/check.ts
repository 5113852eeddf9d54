/** The jump must land at t − n ≥ −1 (−1 is "past the last step", ᾱ = 1). */
import type { Constraint } from '../params.ts';
import type { labChecksParams } from './params.ts';

export const checksCheck: Constraint<typeof labChecksParams> = (v) =>
  v.jump <= v.t + 1 ? null : { param: 'jump', message: 'lab.checks.jumpTooFar', vars: { n: v.jump, t: v.t, max: v.t + 1 } };
