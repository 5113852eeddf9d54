/**
 * Claims of the chapter "The n-step jump": the source notes' induction at σ = 0, restated line by
 * line, then the general case along any subsequence τ with any σ (DDIM App. C.1), tracking the
 * variance as well as the mean.
 */
import { combine, maxAbs } from '../vec.ts';
import { etaStep, familyCoefficients, familyMean, leftOf, type FamilyStep } from '../ddim/family.ts';
import { conditionalCoefficients } from '../gaussian.ts';
import { conditionalByRecursion, conditionalClosedForm, deterministicJump, moveGaussian, moveRho, pathR, type Conditional, type MovePath } from '../ddim/jump.ts';
import { noiseOf, noisy, predictX0 } from '../ddim/predict.ts';
import { expectNormal } from '../quadrature.ts';
import type { Rng } from '../rng.ts';
import { cat, distribution, gauss, identity, oneStepPath, stepFor, tauPath } from './helpers.ts';
import type { Claim, Situation } from './types.ts';

const chapter = 'n-step-jump';

/** The deterministic (σ = 0) one-step path t, t−1, …, t−moves. */
export function zeroPath(alpha: Float64Array, t: number, moves: number): MovePath {
  const alphas = Array.from({ length: moves + 1 }, (_, j) => alpha[t - j]);
  const steps = alphas.slice(1).map((a, j) => etaStep(0, alphas[j], a));
  return { alphas, sigmas: steps.map((s) => s.sigma), lefts: steps.map((s) => leftOf(s)) };
}

/** x_0, the noise z_t in x_t, x_t itself and x̂_0 recovered from them. */
export function noisyPair(s: Situation, rng: Rng, d = 3) {
  const x0 = gauss(rng, d);
  const z = gauss(rng, d);
  const xt = noisy(x0, z, s.alpha[s.t]);
  return { x0, z, xt, x0hat: predictX0(xt, z, s.alpha[s.t]) };
}

/**
 * A one-step path t, t−1, …, t−moves whose every σ is positive: σ² = u (1 − α_next) with u uniform
 * in [0.2, 0.8] (any σ is allowed there, DDIM eq. 7), so q_σ(x_{t−moves} | x_t, x_0) has a real spread.
 */
export function spreadPath(alpha: Float64Array, t: number, moves: number, rng: Rng): MovePath {
  const alphas = Array.from({ length: moves + 1 }, (_, j) => alpha[t - j]);
  const us = alphas.slice(1).map(() => 0.2 + 0.6 * rng.next());
  return { alphas, sigmas: us.map((u, j) => Math.sqrt(u * (1 - alphas[j + 1]))), lefts: us.map((u, j) => (1 - u) * (1 - alphas[j + 1])) };
}

/**
 * Setup of the restated induction step x_{t−n} → x_{t−n−1}, whose kernel is σ = 0 (c₁, c₂).
 * `before` is q_σ(x_{t−n} | x_t, x_0) and `after` the same one move further.
 * - spread false: every earlier move at σ = 0 too (the notes' setting, where `before` is a point).
 * - spread true: the earlier moves at σ > 0 (spreadPath), so an integral against `before` is a real
 *   integral: at σ = 0 quadrature would evaluate any integrand at the mean, and the linearity lines
 *   would pass for any integrand.
 */
export function inductionSetup(s: Situation, rng: Rng, { spread = false }: { spread?: boolean } = {}) {
  const { alpha, t, n } = s;
  const aN = alpha[t - n];
  const aN1 = alpha[t - n - 1];
  const c1 = Math.sqrt((1 - aN1) / (1 - aN));
  const c2 = Math.sqrt(aN1) - Math.sqrt(aN * (1 - aN1)) / Math.sqrt(1 - aN);
  // z_t is the noise in x_t, so x̂_0 = x_0 (claim jump.x0hat); the chain is conditioned on x̂_0.
  const pair = noisyPair(s, rng);
  const step = etaStep(0, aN, aN1);
  const earlier = spread ? spreadPath(alpha, t, n, rng) : zeroPath(alpha, t, n);
  const whole: MovePath = { alphas: [...earlier.alphas, aN1], sigmas: [...earlier.sigmas, 0], lefts: [...earlier.lefts!, leftOf(step)] };
  return { ...pair, aN, aN1, aT1: alpha[t - 1], c1, c2, step, before: conditionalByRecursion(pair.xt, pair.x0hat, earlier), after: conditionalByRecursion(pair.xt, pair.x0hat, whole) };
}

/** The induction step with a real spread before it (see inductionSetup). */
export const spreadInductionSetup = (s: Situation, rng: Rng) => inductionSetup(s, rng, { spread: true });

/**
 * q_σ(x_end | x_start, x_0) along a path by Gaussian conditioning of the joint: x_start ~
 * N(√α_start x_0, (1 − α_start) I) given x_0, each move x' = k x + λ x_0 + σ ε (eq. 7); the moves
 * carry the mean, Var[x] and Cov[x, x_start]; then condition on x_start. No R, no closed form.
 */
export function conditionalByConditioning(xStart: Float64Array, x0: Float64Array, path: MovePath): Conditional {
  const a0 = path.alphas[0];
  let mean = combine([Math.sqrt(a0), x0]);
  let variance = 1 - a0;
  let cov = 1 - a0;
  for (let j = 0; j < path.sigmas.length; j++) {
    const step: FamilyStep = { alphaT: path.alphas[j], alphaPrev: path.alphas[j + 1], sigma: path.sigmas[j], directionVariance: path.lefts?.[j] };
    const { k, lambda } = familyCoefficients(step);
    mean = combine([k, mean], [lambda, x0]);
    variance = k * k * variance + step.sigma ** 2;
    cov = k * cov;
  }
  const { gain, variance: conditional } = conditionalCoefficients(1 - a0, variance, cov);
  return { mean: combine([1, mean], [gain, combine([1, xStart], [-Math.sqrt(a0), x0])]), variance: conditional };
}

/** E[f(X)] coordinate by coordinate for X ~ N(mean, variance · I), f acting on one coordinate i. */
function expectEach(mean: Float64Array, variance: number, f: (x: number, i: number) => number): Float64Array {
  return Float64Array.from(mean, (m, i) => expectNormal((x) => f(x, i), m, variance));
}

/** A jump path through τ split into its first jumps (prefix) and its last jump. */
function lastJumpSetup(s: Situation, rng: Rng) {
  const path = tauPath(s, rng);
  const J = path.sigmas.length;
  const prefix: MovePath = { alphas: path.alphas.slice(0, J), sigmas: path.sigmas.slice(0, J - 1), lefts: path.lefts!.slice(0, J - 1) };
  const aStart = path.alphas[0];
  const aCur = path.alphas[J - 1];
  const aNext = path.alphas[J];
  const step: FamilyStep = { alphaT: aCur, alphaPrev: aNext, sigma: path.sigmas[J - 1], directionVariance: path.lefts![J - 1] };
  const x0 = gauss(rng);
  const xStart = gauss(rng);
  const u = noiseOf(xStart, x0, aStart);
  const R = pathR(prefix);
  const rho = moveRho(aNext, step.sigma, leftOf(step));
  const closed = { mean: combine([Math.sqrt(aCur), x0], [Math.sqrt(1 - aCur) * R, u]), variance: (1 - aCur) * (1 - R * R) };
  return { path, aCur, aNext, step, x0, xStart, u, R, rho, closed, moved: moveGaussian(closed, x0, aCur, aNext, step.sigma, leftOf(step)) };
}

/** Setup for a path along τ from a given x_start (conditional claims). */
function tauSetup(s: Situation, rng: Rng, d = 3) {
  const path = tauPath(s, rng);
  return { path, x0: gauss(rng, d), xStart: gauss(rng, d) };
}

/** Sample along a path: x_next = family mean + σ ε at every move. */
function walk(x: Float64Array, x0: Float64Array, path: MovePath, rng: Rng): Float64Array {
  for (let j = 0; j < path.sigmas.length; j++) {
    const step: FamilyStep = { alphaT: path.alphas[j], alphaPrev: path.alphas[j + 1], sigma: path.sigmas[j], directionVariance: path.lefts?.[j] };
    x = combine([1, familyMean(x, x0, step)], [step.sigma, gauss(rng, x.length)]);
  }
  return x;
}

export const nStepJumpClaims: Claim[] = [
  identity({
    id: 'jump.x0hat',
    chapter,
    uses: { n: false, eta: false },
    setup: (s, rng) => ({ ...noisyPair(s, rng), aT: s.alpha[s.t] }),
    // Recovering x_0 divides by √α_t: measure the error against the size of what is divided,
    // |x_t|/√α_t (rounding in x_t is amplified by 1/√α_t, whatever the formula).
    floor: (p) => maxAbs(p.xt) / Math.sqrt(p.aT),
    sides: [(p) => p.x0hat, (p) => p.x0],
    mutants: [
      { slip: 'flipped sign of the noise term', line: 0, value: (p) => combine([1 / Math.sqrt(p.aT), p.xt], [Math.sqrt(1 - p.aT) / Math.sqrt(p.aT), p.z]) },
      { slip: '1 − α_t for √(1 − α_t)', line: 0, value: (p) => combine([1 / Math.sqrt(p.aT), p.xt], [-(1 - p.aT) / Math.sqrt(p.aT), p.z]) },
    ],
  }),
  identity({
    id: 'jump.sigma0-kernel',
    chapter,
    uses: { n: true, eta: 0 },
    needs: { targetMin: 1 },
    setup: (s, rng) => ({ ...inductionSetup(s, rng), x: gauss(rng) }),
    sides: [(p) => familyMean(p.x, p.x0, p.step), (p) => combine([p.c1, p.x], [p.c2, p.x0])],
    mutants: [
      { slip: 'dropped c₂ x_0', value: (p) => combine([p.c1, p.x]) },
      { slip: 't − 1 for t − n − 1 in c₁', value: (p) => combine([Math.sqrt((1 - p.aT1) / (1 - p.aN)), p.x], [p.c2, p.x0]) },
    ],
  }),
  identity({
    id: 'jump.base-case',
    chapter,
    uses: { n: false, eta: 0 },
    setup: (s, rng) => ({ ...noisyPair(s, rng), aT: s.alpha[s.t], aP: s.alpha[s.t - 1] }),
    sides: [
      (p) => familyMean(p.xt, p.x0, etaStep(0, p.aT, p.aP)),
      (p) => combine([Math.sqrt(p.aP), p.x0], [Math.sqrt(1 - p.aP) / Math.sqrt(1 - p.aT), combine([1, p.xt], [-Math.sqrt(p.aT), p.x0])]),
      (p) => combine([Math.sqrt(p.aP), p.x0hat], [Math.sqrt(1 - p.aP), p.z]),
    ],
    mutants: [
      { slip: 'α_t for α_{t−1} in the noise coefficient', value: (p) => combine([Math.sqrt(p.aP), p.x0hat], [Math.sqrt(1 - p.aT), p.z]) },
      { slip: 'flipped sign of √α_t x_0', line: 1, value: (p) => combine([Math.sqrt(p.aP), p.x0], [Math.sqrt(1 - p.aP) / Math.sqrt(1 - p.aT), combine([1, p.xt], [Math.sqrt(p.aT), p.x0])]) },
    ],
  }),
  identity({
    id: 'jump.induction-mean-a',
    chapter,
    uses: { n: true, eta: 0 },
    needs: { targetMin: 1 },
    // The earlier moves at σ > 0: the integrals below are real integrals (see inductionSetup).
    setup: spreadInductionSetup,
    sides: [
      (p) => p.after.mean,
      (p) => expectEach(p.before.mean, p.before.variance, (x, i) => familyMean([x], [p.x0hat[i]], p.step)[0]),
      (p) => expectEach(p.before.mean, p.before.variance, (x, i) => p.c1 * x + p.c2 * p.x0hat[i]),
      (p) => combine([p.c1, expectEach(p.before.mean, p.before.variance, (x) => x)], [p.c2, p.x0hat]),
      (p) => combine([p.c1, p.before.mean], [p.c2, p.x0hat]),
    ],
    mutants: [
      { slip: 'x² for x under the integral', line: 2, value: (p) => expectEach(p.before.mean, p.before.variance, (x, i) => p.c1 * x * x + p.c2 * p.x0hat[i]) },
      { slip: 'dropped the x under the integral (∫ q = 1)', line: 3, value: (p) => combine([p.c1, expectEach(p.before.mean, p.before.variance, () => 1)], [p.c2, p.x0hat]) },
      { slip: 'dropped c₂ x_0', value: (p) => combine([p.c1, p.before.mean]) },
    ],
  }),
  identity({
    id: 'jump.induction-mean-b',
    chapter,
    uses: { n: true, eta: 0 },
    needs: { targetMin: 1 },
    setup: inductionSetup,
    sides: [
      (p) => combine([p.c1, p.before.mean], [p.c2, p.x0hat]),
      (p) => combine([p.c1, deterministicJump(p.x0hat, p.z, p.aN)], [p.c2, p.x0hat]),
      (p) =>
        combine(
          [p.c1 * Math.sqrt(p.aN), p.x0hat],
          [Math.sqrt(1 - p.aN1), p.z],
          [Math.sqrt(p.aN1), p.x0hat],
          [-Math.sqrt(p.aN * (1 - p.aN1)) / Math.sqrt(1 - p.aN), p.x0hat],
        ),
      (p) => deterministicJump(p.x0hat, p.z, p.aN1),
    ],
    mutants: [
      { slip: 't − 1 for t − n − 1', value: (p) => deterministicJump(p.x0hat, p.z, p.aT1) },
      { slip: 'dropped the cancelled √α_{t−n} x̂_0 term only once', line: 2, value: (p) => combine([Math.sqrt(1 - p.aN1), p.z], [Math.sqrt(p.aN1), p.x0hat], [-Math.sqrt(p.aN * (1 - p.aN1)) / Math.sqrt(1 - p.aN), p.x0hat]) },
    ],
  }),
  identity({
    id: 'jump.sigma0-result',
    chapter,
    uses: { n: true, eta: 0 },
    setup: (s, rng) => ({ ...noisyPair(s, rng), path: zeroPath(s.alpha, s.t, s.n), aN: s.alpha[s.t - s.n], aT1: s.alpha[s.t - 1] }),
    sides: [(p) => conditionalByRecursion(p.xt, p.x0hat, p.path).mean, (p) => deterministicJump(p.x0hat, p.z, p.aN)],
    mutants: [
      { slip: 't − 1 for t − n', value: (p) => deterministicJump(p.x0hat, p.z, p.aT1) },
      { slip: 'α_{t−n} for √α_{t−n}', value: (p) => combine([p.aN, p.x0hat], [Math.sqrt(1 - p.aN), p.z]) },
    ],
  }),
  distribution({
    id: 'jump.marginalise',
    chapter,
    uses: { n: true, eta: true },
    needs: { targetMin: 2, etaPositive: true, oneStepChain: true, maxT: 60 },
    setup: (s, rng) => ({ path: oneStepPath({ ...s, free: false }, rng, s.t, s.n + 1), x0: gauss(rng, 2), xt: gauss(rng, 2) }),
    // The right side: x_{t−n} ~ q_σ(· | x_t, x_0) by n steps, then x_{t−n−1} ~ q_σ(· | x_{t−n}, x_0).
    simulate: (p, rng) => walk(p.xt, p.x0, p.path, rng),
    // The left side, the conditional of the joint given x_t and x_0, by Gaussian conditioning (not
    // the closed form in R, which is built from the same kernels as the walk).
    target: (p) => conditionalByConditioning(p.xt, p.x0, p.path),
  }),
  identity({
    id: 'jump.tau-standardised',
    chapter,
    uses: { n: true, eta: true },
    needs: { targetMin: 1 },
    setup: (s, rng) => {
      const step = stepFor(s, rng, s.alpha[s.t], s.alpha[s.t - s.n]);
      const x0 = gauss(rng);
      const xCur = gauss(rng);
      const eps = gauss(rng);
      return { step, x0, xCur, eps, xNext: combine([1, familyMean(xCur, x0, step)], [step.sigma, eps]) };
    },
    sides: [
      (p) => noiseOf(p.xNext, p.x0, p.step.alphaPrev),
      (p) =>
        combine(
          [moveRho(p.step.alphaPrev, p.step.sigma, leftOf(p.step)), noiseOf(p.xCur, p.x0, p.step.alphaT)],
          [p.step.sigma / Math.sqrt(1 - p.step.alphaPrev), p.eps],
        ),
    ],
    mutants: [
      {
        slip: 'σ² for σ on ε',
        value: (p) => combine([moveRho(p.step.alphaPrev, p.step.sigma, leftOf(p.step)), noiseOf(p.xCur, p.x0, p.step.alphaT)], [p.step.sigma ** 2 / Math.sqrt(1 - p.step.alphaPrev), p.eps]),
      },
      {
        slip: 'ρ² for ρ',
        value: (p) => combine([moveRho(p.step.alphaPrev, p.step.sigma, leftOf(p.step)) ** 2, noiseOf(p.xCur, p.x0, p.step.alphaT)], [p.step.sigma / Math.sqrt(1 - p.step.alphaPrev), p.eps]),
      },
    ],
  }),
  identity({
    id: 'jump.tau-mean-step',
    chapter,
    uses: { n: true, eta: true },
    needs: { etaAtMostOne: true },
    setup: lastJumpSetup,
    sides: [
      (p) => p.moved.mean,
      (p) => combine([Math.sqrt(p.aNext), p.x0], [Math.sqrt(leftOf(p.step)) / Math.sqrt(1 - p.aCur), combine([1, p.closed.mean], [-Math.sqrt(p.aCur), p.x0])]),
      (p) => combine([Math.sqrt(p.aNext), p.x0], [Math.sqrt(1 - p.aNext) * p.rho * p.R, p.u]),
    ],
    mutants: [
      { slip: 'dropped R_m', value: (p) => combine([Math.sqrt(p.aNext), p.x0], [Math.sqrt(1 - p.aNext) * p.rho, p.u]) },
      { slip: 'σ for σ² under the root', line: 1, value: (p) => combine([Math.sqrt(p.aNext), p.x0], [Math.sqrt(1 - p.aNext - p.step.sigma) / Math.sqrt(1 - p.aCur), combine([1, p.closed.mean], [-Math.sqrt(p.aCur), p.x0])]) },
    ],
  }),
  identity({
    id: 'jump.tau-variance-step',
    chapter,
    uses: { n: true, eta: true },
    needs: { etaAtMostOne: true },
    floor: 1,
    setup: lastJumpSetup,
    sides: [
      (p) => p.moved.variance,
      (p) => (leftOf(p.step) / (1 - p.aCur)) * p.closed.variance + p.step.sigma ** 2,
      (p) => (1 - p.aNext) * p.rho ** 2 * (1 - p.R ** 2) + (1 - p.aNext) * (1 - p.rho ** 2),
      (p) => (1 - p.aNext) * (1 - p.rho ** 2 * p.R ** 2),
    ],
    mutants: [
      { slip: 'ρ for ρ²', value: (p) => (1 - p.aNext) * (1 - p.rho * p.R ** 2) },
      { slip: 'dropped σ²', line: 1, value: (p) => (leftOf(p.step) / (1 - p.aCur)) * p.closed.variance },
    ],
  }),
  identity({
    id: 'jump.tau-closed-form',
    chapter,
    uses: { n: true, eta: true },
    needs: { etaAtMostOne: true },
    setup: tauSetup,
    sides: [
      (p) => {
        const g = conditionalByRecursion(p.xStart, p.x0, p.path);
        return cat(g.mean, g.variance);
      },
      (p) => {
        const g = conditionalClosedForm(p.xStart, p.x0, p.path);
        return cat(g.mean, g.variance);
      },
    ],
    mutants: [
      {
        slip: 'R for R² in the variance',
        value: (p) => {
          const g = conditionalClosedForm(p.xStart, p.x0, p.path);
          return cat(g.mean, (1 - p.path.alphas[p.path.alphas.length - 1]) * (1 - g.R));
        },
      },
      {
        slip: 'α_{τ_i} for α_{τ_{i−m}} in the mean',
        value: (p) => {
          const g = conditionalClosedForm(p.xStart, p.x0, { ...p.path, alphas: [...p.path.alphas.slice(0, -1), p.path.alphas[0]] });
          return cat(g.mean, conditionalClosedForm(p.xStart, p.x0, p.path).variance);
        },
      },
    ],
  }),
  distribution({
    id: 'jump.tau-conditional',
    chapter,
    uses: { n: true, eta: true },
    needs: { targetMin: 1, etaPositive: true, etaAtMostOne: true, maxT: 100 },
    setup: (s, rng) => tauSetup({ ...s, free: false }, rng, 2),
    simulate: (p, rng) => walk(p.xStart, p.x0, p.path, rng),
    target: (p) => conditionalClosedForm(p.xStart, p.x0, p.path),
  }),
  identity({
    id: 'jump.tau-sigma0',
    chapter,
    uses: { n: true, eta: 0 },
    setup: (s, rng) => {
      const pair = noisyPair(s, rng);
      const path = tauPath({ ...s, eta: 0, free: false }, rng);
      return { ...pair, path, aEnd: s.alpha[s.t - s.n] };
    },
    sides: [
      // Move by move along τ at σ = 0 (the closed form would have R = 1 by construction).
      (p) => {
        const g = conditionalByRecursion(p.xt, p.x0hat, p.path);
        return cat(g.mean, g.variance);
      },
      (p) => cat(deterministicJump(p.x0hat, p.z, p.aEnd), 0),
    ],
    mutants: [
      { slip: 'τ_{i−1} for τ_{i−m}', value: (p) => cat(deterministicJump(p.x0hat, p.z, p.path.alphas[1]), 0) },
      { slip: 'α_{τ_{i−m}} for √α_{τ_{i−m}}', value: (p) => cat(combine([p.aEnd, p.x0hat], [Math.sqrt(1 - p.aEnd), p.z]), 0) },
    ],
  }),
  identity({
    id: 'jump.tau-marginal-variance',
    chapter,
    uses: { n: true, eta: true },
    needs: { etaAtMostOne: true },
    floor: 1,
    setup: (s, rng) => {
      const path = tauPath(s, rng);
      return { path, a: s.alpha[s.t - s.n], aStart: s.alpha[s.t], R: pathR(path), x0: gauss(rng) };
    },
    sides: [
      // Var[x_{τ_{i−m}} | x_0]: q(x_{τ_i} | x_0) = N(√α_{τ_i} x_0, 1 − α_{τ_i}) pushed through the jumps.
      (p) => {
        let g: Conditional = { mean: combine([Math.sqrt(p.aStart), p.x0]), variance: 1 - p.aStart };
        for (let j = 0; j < p.path.sigmas.length; j++) g = moveGaussian(g, p.x0, p.path.alphas[j], p.path.alphas[j + 1], p.path.sigmas[j], p.path.lefts![j]);
        return g.variance;
      },
      // Var of the conditional mean plus the mean of the conditional variance (total variance).
      (p) => (1 - p.a) * p.R ** 2 + (1 - p.a) * (1 - p.R ** 2),
      (p) => 1 - p.a,
    ],
    mutants: [
      { slip: 'R for R² in the first term', line: 1, value: (p) => (1 - p.a) * p.R + (1 - p.a) * (1 - p.R ** 2) },
      { slip: '1 − α_{τ_i} for 1 − α_{τ_{i−m}}', value: (p) => 1 - p.aStart },
    ],
  }),
  distribution({
    id: 'jump.tau-marginal',
    chapter,
    uses: { n: true, eta: true },
    needs: { targetMin: 1, etaPositive: true, etaAtMostOne: true, maxT: 100 },
    setup: (s, rng) => ({ path: tauPath({ ...s, free: false }, rng), x0: gauss(rng, 2), aStart: s.alpha[s.t], aEnd: s.alpha[s.t - s.n] }),
    // x_{τ_i} ~ q(x_{τ_i} | x_0), then the jumps down to τ_{i−m}.
    simulate: (p, rng) => walk(noisy(p.x0, gauss(rng, 2), p.aStart), p.x0, p.path, rng),
    target: (p) => ({ mean: combine([Math.sqrt(p.aEnd), p.x0]), variance: 1 - p.aEnd }),
  }),
  identity({
    id: 'jump.effective-sigma',
    chapter,
    uses: { n: true, eta: true },
    needs: { oneStepChain: true },
    setup: (s, rng) => {
      const path = oneStepPath(s, rng);
      const R = pathR(path);
      const aT = s.alpha[s.t];
      const aN = s.alpha[s.t - s.n];
      const left = (1 - aN) * R * R;
      const sigma = Math.sqrt((1 - aN) * (1 - R * R));
      return { path, x0: gauss(rng), xt: gauss(rng), jump: { alphaT: aT, alphaPrev: aN, sigma, directionVariance: left } as FamilyStep };
    },
    sides: [
      (p) => {
        const g = conditionalByRecursion(p.xt, p.x0, p.path);
        return cat(g.mean, g.variance);
      },
      (p) => cat(familyMean(p.xt, p.x0, p.jump), p.jump.sigma ** 2),
    ],
    mutants: [
      { slip: 'σ for σ²', value: (p) => cat(familyMean(p.xt, p.x0, p.jump), p.jump.sigma) },
      { slip: 't − 1 for t − n', value: (p) => cat(familyMean(p.xt, p.x0, { ...p.jump, alphaPrev: p.path.alphas[1], directionVariance: undefined }), p.jump.sigma ** 2) },
    ],
  }),
];
