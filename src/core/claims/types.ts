/**
 * A claim is an equation shown on a page, bound to code that evaluates both of its sides.
 *
 * Kinds
 * - identity:     every line of `sides` equals the first, to `tolerance` (relative residual, see
 *                 residual.ts), at every random valid draw. A two-sided equation has two sides; a
 *                 derivation chain has one side per line.
 * - inequality:   lhs ≤ rhs at every draw (violation measured like a residual).
 * - distribution: a statement about a law, checked by seeded Monte Carlo: samples of a scalar
 *                 (or of each coordinate) against a normal law with stated mean and variance; the
 *                 tolerance is derived from the sample size (see montecarlo.ts).
 * - erratum:      a formula from the source notes that is false. `wrong` must differ from
 *                 `reference` by more than `threshold` (relative), while `corrected` must agree with
 *                 it to `tolerance`. So an erratum cannot be quietly "fixed" in the code.
 *
 * Every kind draws its parameters through `setup(situation, rng)`: the situation is a schedule,
 * t, n and η (random for the tests and the page, the reader's own in the live re-run).
 *
 * Routes (`route`)
 * - A check (the default): the sides are computed by different routes (a recursion against a
 *   closed form, Gaussian conditioning against a product of kernels, quadrature of the integrand
 *   against the algebra), so a slip in either would show. Identities and inequalities that are
 *   checks declare `mutants`: plausible slips of the displayed formula that the check must catch.
 * - `definition`: the equation defines its left side (σ̂_t, SNR, DDIM's α as DDPM's ᾱ). The code
 *   still evaluates both sides, but agreement only says the code uses the definition.
 * - `construction`: the equation holds because of how its symbols were built (α_t/α_{t−1} = 1 − β_t
 *   when α is the product of the 1 − β_s). Neither kind is counted as a check.
 */
import type { Rng } from '../rng.ts';
import type { SettingNeeds, StepSetting, StepSettingField } from '../scheduler/step-setting.ts';

export type Value = number | Float64Array;

export const CHAPTERS = ['forward-process', 'non-markovian-family', 'n-step-jump', 'sampler-family', 'errata', 'diffusers-ddim-step', 'ddim-pipeline', 'toy-lab', 'experiments'] as const;
export type ChapterSlug = (typeof CHAPTERS)[number];

/** Schedule (α_0 = 1, α_1, …, α_T, decreasing), time t, jump length n and η. */
export interface Situation {
  alpha: Float64Array;
  t: number;
  n: number;
  eta: number;
  /**
   * Set on random draws: claims that hold "for every σ" may then draw σ over its whole valid range
   * [0, √(1 − α_prev)] instead of using σ(η). Unset for the reader's own situation.
   */
  free?: boolean;
}

/**
 * What a claim needs from a situation beyond the basic rules (0 < α ≤ 1 decreasing, 1 ≤ t ≤ T,
 * 1 ≤ n ≤ t, η ≥ 0, and 1 − α_{t−n} − σ_{t→t−n}(η)² ≥ 0).
 */
export interface Needs {
  /** Smallest allowed t (default 1). */
  tMin?: number;
  /** Smallest allowed t − n (default 0). 1 when the claim divides by 1 − α_{t−n}. */
  targetMin?: number;
  /** Smallest allowed n (default 1). */
  nMin?: number;
  /** The claim needs σ > 0 (η > 0 and α_{t−n} < 1) to have densities. */
  etaPositive?: boolean;
  /** Largest T used by the random draws (long chains make Monte Carlo slow). */
  maxT?: number;
  /** Every one-step σ_s(η) along t, t−1, …, t−n must leave 1 − α_{s−1} − σ_s² ≥ 0. */
  oneStepChain?: boolean;
  /** The same for every step T, T−1, …, t+1 (claims that run the family down from x_T). */
  fromTop?: boolean;
  /** η ≤ 1: the claim jumps through random intermediate times, and η ≤ 1 keeps every jump valid. */
  etaAtMostOne?: boolean;
}

/** Which of the reader's knobs the claim reads; the others are ignored (η may be fixed). */
export interface Uses {
  n: boolean;
  /** true: reads the reader's η; false: no η; a number: uses that fixed η. */
  eta: boolean | number;
  /** The claim is about one named schedule: it uses only the length T of the reader's schedule. */
  schedule?: 'cosine';
}

/**
 * A claim about diffusers' scheduler is parameterised by the scheduler's own configuration (named β
 * schedule, T, N, spacing, which step, η: see scheduler/step-setting.ts), not by a situation. Its
 * `setup` ignores the situation and draws a setting; `setupAt` evaluates at a given one (live re-run).
 */
export interface SchedulerParameters<P> {
  /** The fields of the setting the claim reads. */
  reads: readonly StepSettingField[];
  /** What it fixes or restricts (spacings, last step, η). */
  needs: SettingNeeds;
  setupAt(setting: StepSetting, rng: Rng): P;
}

/** How the sides of a claim relate: see "Routes" above. */
export type Route = 'check' | 'definition' | 'construction';

/**
 * A plausible slip of a displayed formula (t − 1 for t − n, σ for σ², η for η², a dropped term, a
 * flipped sign, DDPM's α for DDIM's α). The mutant replaces one side and the claim is evaluated as
 * usual, same draws, same seed: the mutant is killed when the claim then fails. A surviving mutant
 * is a check that could not have failed for that slip.
 */
export interface Mutant<P> {
  /** The slip, in words ("σ for σ²"). */
  slip: string;
  /**
   * Which side it replaces: an index into `sides` (identity; default the last line), or 0 = lhs,
   * 1 = rhs (inequality; default rhs).
   */
  line?: number;
  value(p: P): Value;
}

interface ClaimBase<P> {
  id: string;
  chapter: ChapterSlug;
  /** Default 'check'. A definition or an equation true by construction is shown but not counted. */
  route?: Exclude<Route, 'check'>;
  uses: Uses;
  needs?: Needs;
  /** Parameters for one draw: vectors, σ's, … derived from the situation. */
  setup(s: Situation, rng: Rng): P;
  /** Set when the claim is parameterised by a scheduler configuration instead of the situation. */
  scheduler?: SchedulerParameters<P>;
  /** Random draws used on the page and in the tests (default 1000; Monte Carlo default 12). */
  draws?: number;
  /**
   * The residual's floor (see residual.ts). Default: effectively 0, a pure relative error. Claims
   * about numbers in [0, 1] that are differences of numbers near 1 (variances such as 1 − α_t) set 1:
   * their inputs carry absolute rounding errors of ~1e−16, so the residual becomes an absolute error.
   */
  floor?: number | ((p: P) => number);
}

export interface IdentityClaim<P = any> extends ClaimBase<P> {
  kind: 'identity';
  /** Two or more expressions that must all be equal (each line of a chain, in order). */
  sides: readonly ((p: P) => Value)[];
  /** Largest allowed relative residual (default 1e-12). */
  tolerance?: number;
  /** Slips the check must catch (required for checks, see the registry test). */
  mutants?: readonly Mutant<P>[];
}

export interface InequalityClaim<P = any> extends ClaimBase<P> {
  kind: 'inequality';
  lhs(p: P): number;
  rhs(p: P): number;
  tolerance?: number;
  mutants?: readonly Mutant<P>[];
}

/** A normal law to compare samples with: mean (per coordinate) and variance. */
export interface NormalTarget {
  mean: Float64Array;
  variance: number;
}

export interface DistributionClaim<P = any> extends ClaimBase<P> {
  kind: 'distribution';
  /** Monte Carlo samples per draw (default 20000). */
  samples?: number;
  /** One sample (a vector: coordinates are independent with the target's law). */
  simulate(p: P, rng: Rng): Float64Array;
  target(p: P): NormalTarget;
}

/** A fixed, typical situation at which an erratum's counterexample is worked out in the text. */
export interface ExampleSituation {
  schedule: 'linear' | 'scaled_linear' | 'squaredcos_cap_v2';
  T: number;
  t: number;
  n: number;
  eta: number;
}

export interface ErratumClaim<P = any> extends ClaimBase<P> {
  kind: 'erratum';
  /** Where the counterexample is shown in numbers on the page. */
  example: ExampleSituation;
  /** The quantity the formula is supposed to equal (the previous line, or the true value). */
  reference(p: P): Value;
  /** The source notes' formula, as written. */
  wrong(p: P): Value;
  /** The corrected formula. */
  corrected(p: P): Value;
  /** The wrong formula's largest residual must exceed this (relative). */
  threshold: number;
  tolerance?: number;
}

export type Claim = IdentityClaim | InequalityClaim | DistributionClaim | ErratumClaim;
export type ClaimKind = Claim['kind'];
