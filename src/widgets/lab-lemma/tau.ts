/** The τ the Lemma 1 widget runs along: a generated kind with S steps, or the list the reader typed. */
import { makeTau } from '../../core/sampling/tau.ts';
import type { ParamValues } from '../params.ts';
import type { labLemmaParams } from './params.ts';
import { LAB_T } from '../lab/common-params.ts';

export function lemmaTau(v: ParamValues<typeof labLemmaParams>): number[] {
  return v.tau === 'custom' ? [...v.customTau] : makeTau(v.tau, v.steps, { T: LAB_T, seed: v.seed });
}
