/**
 * Claims of the chapter "diffusers' DDIM step, line by line": the 17 displayed equations, each bound
 * to the function in src/core/scheduler/identities.ts that evaluates both of its sides (the left
 * through the scheduler port, the right from the formula on the page).
 *
 * Unlike the derivation chapters, these claims are parameterised by diffusers' configuration, not
 * by a situation (schedule, t, n, η): a random draw is a named β schedule, T ∈ [2, 1000], N ∈ [1, T],
 * a timestep spacing, a scheduled step and η ∈ [0, η_max] (scheduler/step-setting.ts), plus the
 * identity's own vectors and options. The situation the engine passes to `setup` is not read.
 *
 * Tolerances
 * - Timestep recipes and t_prev are integer arithmetic (numpy's float steps included, reproduced
 *   exactly): tolerance 0, the sides must be equal.
 * - Everything else is the float64 path of the port (schedulePrecision 'float64', Float64Array
 *   tensors): 1e−12 relative, the site's standard for float64 identities. The claims do not cover
 *   diffusers' float32 arithmetic: in float32 these equations hold only to float32 rounding, and
 *   the port's float32 path is checked bit for bit against diffusers' own numbers instead
 *   (test/core/scheduler/golden-*.test.ts).
 * - η_max and the DDPM comparison: diffusers computes σ_t(1)² (and DDPM's β_t) through
 *   1 − ᾱ_t/ᾱ_prev, which cancels when ᾱ_t/ᾱ_prev is close to 1: its relative error is about
 *   2⁻⁵³·κ with κ = ᾱ_prev/(ᾱ_prev − ᾱ_t), up to about 2.4·10⁴ in the draws (cosine schedule, a
 *   one-step jump near t = 0; the raw relative residual then reaches a few 10⁻¹³). For these three
 *   claims the residual's floor is the sides' size times κ (`scale` in identities.ts): the residual
 *   is the relative error divided by the condition number of diffusers' own formula, and the 1e−12
 *   tolerance still applies. η_max² − 1 is also a difference of numbers of size η_max², so its floor
 *   uses η_max², not the (possibly tiny) difference.
 */
import { RESIDUAL_FLOOR } from './residual.ts';
import { identity } from './helpers.ts';
import { stepIdentity, type StepSides } from '../scheduler/identities.ts';
import type { Claim } from './types.ts';

const chapter = 'diffusers-ddim-step';
/** Float64 rounding, as in every other chapter. */
const FLOAT64 = 1e-12;
/** Integer recipes: no rounding at all. */
const EXACT = 0;

function stepClaim(id: string, tolerance: number): Claim {
  const c = stepIdentity(id);
  return identity<StepSides>({
    id,
    chapter,
    // None of the (schedule, t, n, η) knobs: the claim reads a scheduler setting (see `scheduler`).
    uses: { n: false, eta: false },
    setup: (_situation, rng) => c.evaluate(rng),
    scheduler: { reads: c.reads, needs: c.needs, setupAt: (setting, rng) => c.at(setting, rng) },
    sides: [(p) => Float64Array.from(p.lhs), (p) => Float64Array.from(p.rhs)],
    floor: (p) => p.scale ?? RESIDUAL_FLOOR,
    tolerance,
    mutants: c.slips.map((slip) => ({ slip, value: (p: StepSides) => Float64Array.from(p.mutants[slip]) })),
  });
}

/** In the order the chapter shows them. */
export const diffusersDdimStepClaims: Claim[] = [
  stepClaim('ddim-step.spacing-leading', EXACT),
  stepClaim('ddim-step.spacing-trailing', EXACT),
  stepClaim('ddim-step.spacing-linspace', EXACT),
  stepClaim('ddim-step.prev', EXACT),
  stepClaim('ddim-step.sigma', FLOAT64),
  stepClaim('ddim-step.x0-epsilon', FLOAT64),
  stepClaim('ddim-step.x0-v', FLOAT64),
  stepClaim('ddim-step.eps-v', FLOAT64),
  stepClaim('ddim-step.threshold', FLOAT64),
  stepClaim('ddim-step.clipped-eps', FLOAT64),
  stepClaim('ddim-step.update', FLOAT64),
  stepClaim('ddim-step.final-step', FLOAT64),
  // These three: floor = κ × size (see above).
  stepClaim('ddim-step.eta-max', FLOAT64),
  stepClaim('ddim-step.eta-max-excess', FLOAT64),
  stepClaim('ddim-step.ddpm-posterior', FLOAT64),
  stepClaim('ddim-step.add-noise', FLOAT64),
  stepClaim('ddim-step.velocity', FLOAT64),
];
