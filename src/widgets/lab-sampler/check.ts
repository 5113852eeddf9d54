/** Cross-check of the sampler widget: the source notes' formulas are written for σ_t(η), not for σ̂. */
import type { Constraint } from '../params.ts';
import type { labSamplerParams } from './params.ts';

export const samplerCheck: Constraint<typeof labSamplerParams> = (v) =>
  v.formula === 'notes' && v.variance !== 'eta' ? { param: 'variance', message: 'lab.formula.needEta' } : null;
