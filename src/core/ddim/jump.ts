/**
 * Several steps of the family at once: the conditional q_σ(x_{τ_{i−m}} | x_{τ_i}, x_0) after m
 * moves along a decreasing path of times (one-step moves t → t−1 are the path t, t−1, …; jumps
 * along a subsequence τ are DDIM App. C.1). Each move is a member of the family:
 *   x_next = √α_next x_0 + √(1 − α_next − σ²) · u_cur + σ ε,   u_s := (x_s − √α_s x_0)/√(1 − α_s).
 *
 * In the standardised coordinate u, one move is u_next = ρ u_cur + √(1 − ρ²) ε with
 * ρ = √(1 − σ²/(1 − α_next)), so after m moves, with R = ∏ ρ:
 *   mean     = √α_end x_0 + √(1 − α_end) · R · u_start
 *   variance = (1 − α_end)(1 − R²)
 * With σ = 0 everywhere, R = 1 and the variance is 0: the deterministic n-step jump.
 */
import { combine, type Vec } from '../vec.ts';
import { directionVariance } from './family.ts';

export interface MovePath {
  /** α at the path's times, in the order visited: α_{τ_i}, α_{τ_{i−1}}, …, α_{τ_{i−m}} (increasing). */
  alphas: readonly number[];
  /** σ of each move (length alphas.length − 1). */
  sigmas: readonly number[];
  /** 1 − α_next − σ² of each move, when known more accurately than by subtraction (see FamilyStep). */
  lefts?: readonly number[];
}

export interface Conditional {
  mean: Float64Array;
  /** Per-coordinate variance (the covariance is variance · I). */
  variance: number;
}

function checkPath({ alphas, sigmas }: MovePath): void {
  if (alphas.length < 1 || sigmas.length !== alphas.length - 1) {
    throw new RangeError(`a path of ${alphas.length} times needs ${Math.max(alphas.length - 1, 0)} σ values, got ${sigmas.length}`);
  }
}

/**
 * ρ = √(1 − σ²/(1 − α_next)) = √((1 − α_next − σ²)/(1 − α_next)): how much of the standardised
 * noise one move keeps. 1 when α_next = 1.
 */
export function moveRho(alphaNext: number, sigma: number, left = directionVariance(alphaNext, sigma)): number {
  return alphaNext === 1 ? 1 : Math.sqrt(left / (1 - alphaNext));
}

function leftAt(path: MovePath, j: number): number {
  return path.lefts?.[j] ?? directionVariance(path.alphas[j + 1], path.sigmas[j]);
}

/** R = ∏ ρ over the path's moves. */
export function pathR(path: MovePath): number {
  checkPath(path);
  let r = 1;
  for (let j = 0; j < path.sigmas.length; j++) r *= moveRho(path.alphas[j + 1], path.sigmas[j], leftAt(path, j));
  return r;
}

/**
 * One move applied to a Gaussian N(mean, variance·I) for x_cur: x_next = k x_cur + λ x_0 + σ ε, so
 * mean ↦ k·mean + λ x_0 and variance ↦ k²·variance + σ² (the linear-Gaussian rule).
 */
export function moveGaussian(
  g: Conditional,
  x0: Vec,
  alphaCur: number,
  alphaNext: number,
  sigma: number,
  left = directionVariance(alphaNext, sigma),
): Conditional {
  const k = Math.sqrt(left / (1 - alphaCur));
  const lambda = Math.sqrt(alphaNext) - Math.sqrt(alphaCur) * k;
  return { mean: combine([k, g.mean], [lambda, x0]), variance: k * k * g.variance + sigma * sigma };
}

/** The conditional after the whole path, by applying moveGaussian() move after move from a point x_start. */
export function conditionalByRecursion(xStart: Vec, x0: Vec, path: MovePath): Conditional {
  checkPath(path);
  let g: Conditional = { mean: Float64Array.from(xStart), variance: 0 };
  for (let j = 0; j < path.sigmas.length; j++) g = moveGaussian(g, x0, path.alphas[j], path.alphas[j + 1], path.sigmas[j], leftAt(path, j));
  return g;
}

/** The same conditional from the closed form in R. */
export function conditionalClosedForm(xStart: Vec, x0: Vec, path: MovePath): Conditional & { R: number } {
  const R = pathR(path);
  const aStart = path.alphas[0];
  const aEnd = path.alphas[path.alphas.length - 1];
  const u = combine([1 / Math.sqrt(1 - aStart), xStart], [-Math.sqrt(aStart) / Math.sqrt(1 - aStart), x0]);
  return { mean: combine([Math.sqrt(aEnd), x0], [Math.sqrt(1 - aEnd) * R, u]), variance: (1 - aEnd) * (1 - R * R), R };
}

/**
 * The σ of a single jump start → end that has the same conditional as the whole path:
 * σ_eff² = (1 − α_end)(1 − R²).
 */
export function effectiveSigma(path: MovePath): number {
  const R = pathR(path);
  const aEnd = path.alphas[path.alphas.length - 1];
  return Math.sqrt(Math.max(0, (1 - aEnd) * (1 - R * R)));
}

/** The σ = 0 jump of the source notes: x_{t−n} = √α_{t−n} x̂_0 + √(1 − α_{t−n}) z_t. */
export function deterministicJump(x0hat: Vec, z: Vec, alphaTarget: number): Float64Array {
  return combine([Math.sqrt(alphaTarget), x0hat], [Math.sqrt(1 - alphaTarget), z]);
}
