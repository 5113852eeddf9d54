/**
 * The extra row of the Table 1 analogue: the source notes' sampler as written (errata items 1, 2
 * and 6 at once; src/core/ddim/notes-formulas.ts), at η = 0.5, where all three act (at η = 1 the
 * notes' η σ(1)² equals the paper's η² σ(1)², so erratum 2 would not show). Not in the paper.
 */
import { NOTES_AS_WRITTEN } from '../ddim/notes-formulas.ts';

export const NOTES_ROW = { eta: 0.5, formulas: NOTES_AS_WRITTEN } as const;
