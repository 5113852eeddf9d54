/** Shared pieces of claim setups: random vectors, σ choices, paths of times. */
import { randn, randint, type Rng } from '../rng.ts';
import { expectNormal } from '../quadrature.ts';
import { etaStep, type FamilyStep } from '../ddim/family.ts';
import { oneMinusRatio } from '../ddim/sigma.ts';
import type { MovePath } from '../ddim/jump.ts';
import type { Claim, DistributionClaim, ErratumClaim, IdentityClaim, InequalityClaim, Situation } from './types.ts';

/** Dimension of the random vectors in identity checks. */
export const DIM = 3;

/** A standard normal vector of length `d`. */
export function gauss(rng: Rng, d = DIM): Float64Array {
  return randn(rng, d);
}

/** β_s = 1 − α_s/α_{s−1} for s = 1 … T (β[s − 1] is β_s), evaluated as in oneMinusRatio(). */
export function betasOf(alpha: ArrayLike<number>): Float64Array {
  const out = new Float64Array(alpha.length - 1);
  for (let s = 1; s < alpha.length; s++) out[s - 1] = oneMinusRatio(alpha[s], alpha[s - 1]);
  return out;
}

/**
 * A move α_cur → α_next with σ = σ(η) of DDIM eq. 16, or, on random draws (s.free), half the time
 * an arbitrary valid σ with σ² = u · (1 − α_next), u uniform in [0, 1) ("for every choice of σ").
 * Either way the step carries 1 − α_next − σ² computed without cancellation.
 */
export function stepFor(s: Situation, rng: Rng, alphaCur: number, alphaNext: number): FamilyStep {
  if (s.free && rng.next() < 0.5) {
    const u = rng.next();
    return { alphaT: alphaCur, alphaPrev: alphaNext, sigma: Math.sqrt(u * (1 - alphaNext)), directionVariance: (1 - u) * (1 - alphaNext) };
  }
  return etaStep(s.eta, alphaCur, alphaNext);
}

function pathThrough(s: Situation, rng: Rng, times: number[]): MovePath & { times: number[] } {
  const alphas = times.map((k) => s.alpha[k]);
  const steps = times.slice(1).map((_, j) => stepFor(s, rng, alphas[j], alphas[j + 1]));
  return { times, alphas, sigmas: steps.map((st) => st.sigma), lefts: steps.map((st) => st.directionVariance!) };
}

/** The one-step path t, t−1, …, t−n with a σ per move. */
export function oneStepPath(s: Situation, rng: Rng, from = s.t, moves = s.n): MovePath & { times: number[] } {
  return pathThrough(s, rng, Array.from({ length: moves + 1 }, (_, j) => from - j));
}

/**
 * A path from t down to t − n through a random increasing subsequence τ (t and t − n included,
 * 1 to n jumps), with a σ per jump (jump version of eq. 16, DDIM App. C.1).
 */
export function tauPath(s: Situation, rng: Rng): MovePath & { times: number[] } {
  const { t, n } = s;
  const jumps = randint(rng, 1, n);
  const inner = new Set<number>();
  while (inner.size < jumps - 1) inner.add(randint(rng, t - n + 1, t - 1));
  return pathThrough(s, rng, [t, ...[...inner].sort((a, b) => b - a), t - n]);
}

/** One term c·X of a sum of independent normals X ~ N(0, v). */
export interface NoiseTerm {
  coef: number;
  variance: number;
}

/**
 * Var[Σ c_i X_i] for independent X_i ~ N(0, v_i), as the integral E[(S − E S)²] by nested
 * Gauss–Hermite quadrature, one dimension per term: the variance of the expression as written,
 * not the sum of squared coefficients. With the notes' σ² ε for σ ε it gives σ⁴, not σ².
 * A term with v_i = 0 is a constant (its integral is a point evaluation, as it should be).
 */
export function varianceOfSum(terms: readonly NoiseTerm[]): number {
  const expect = (f: (partial: number) => number, j = 0, partial = 0): number =>
    j === terms.length ? f(partial) : expectNormal((x) => expect(f, j + 1, partial + terms[j].coef * x), 0, terms[j].variance);
  const mean = expect((s) => s);
  return expect((s) => (s - mean) ** 2);
}

/** Concatenate numbers and vectors into one Float64Array (for multi-part sides). */
export function cat(...parts: (number | ArrayLike<number>)[]): Float64Array {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'number') out.push(p);
    else for (let i = 0; i < p.length; i++) out.push(p[i]);
  }
  return Float64Array.from(out);
}

/** Typed constructors: keep each claim's parameter type P while collecting them in one list. */
export const identity = <P>(c: Omit<IdentityClaim<P>, 'kind'>): Claim => ({ kind: 'identity', ...c }) as Claim;
export const inequality = <P>(c: Omit<InequalityClaim<P>, 'kind'>): Claim => ({ kind: 'inequality', ...c }) as Claim;
export const distribution = <P>(c: Omit<DistributionClaim<P>, 'kind'>): Claim => ({ kind: 'distribution', ...c }) as Claim;
export const erratum = <P>(c: Omit<ErratumClaim<P>, 'kind'>): Claim => ({ kind: 'erratum', ...c }) as Claim;
