/**
 * Errata of the source notes (Chinese reading notes on DDIM, part 4), and two instances of the same
 * mistake in other write-ups. Each entry evaluates the notes' formula as written (`wrong`), the
 * corrected formula, and the quantity both should equal (`reference`: the previous, correct line of
 * the chain, or the value the theory requires). Symbols follow the notes: α is DDIM's cumulative α,
 * z_t the (predicted) noise in x_t, ε_t fresh noise.
 */
import { combine, hadamard } from '../vec.ts';
import { conditionalByRecursion, conditionalClosedForm } from '../ddim/jump.ts';
import { predictX0 } from '../ddim/predict.ts';
import { ddpmPosteriorVariance, oneMinusRatio, sigmaEta } from '../ddim/sigma.ts';
import { ddpmAt, ddpmBetaTilde } from '../ddim/ddpm.ts';
import { expectNormal } from '../quadrature.ts';
import type { Rng } from '../rng.ts';
import { cat, erratum, gauss, oneStepPath, varianceOfSum } from './helpers.ts';
import { noisyPair, spreadInductionSetup } from './n-step-jump.ts';
import type { Claim, Situation } from './types.ts';

const chapter = 'errata';

/** The η = 1 (DDPM) case of the notes: a = α_t, b = α_{t−1}, σ_t² as in the notes' case 2, z_t, ε_t. */
function ddpmCase(s: Situation, rng: Rng) {
  const a = s.alpha[s.t];
  const b = s.alpha[s.t - 1];
  const z = gauss(rng);
  return { a, b, s2: ddpmPosteriorVariance(a, b), xt: gauss(rng), z, eps: gauss(rng), ddpm: ddpmAt(s.alpha, s.t) };
}
type D = ReturnType<typeof ddpmCase>;
/** Row 13 of the notes' DDPM chain (correct apart from σ_t² ε_t, which rows 13–16 all share). */
const row13 = (p: D) =>
  combine(
    [Math.sqrt(p.b) / Math.sqrt(p.a), p.xt],
    [-(Math.sqrt(p.b) * (p.b - p.a)) / (p.b * Math.sqrt(p.a) * Math.sqrt(1 - p.a)), p.z],
    [p.s2, p.eps],
  );
/** √b/√a · v + σ_t² ε_t */
const scaled = (p: D, v: Float64Array) => combine([Math.sqrt(p.b) / Math.sqrt(p.a), v], [p.s2, p.eps]);

/** ∫ c₁ x q dx + ∫ c₂ x_0 q dx, each integral by quadrature, coordinate by coordinate. */
function splitIntegrals(p: ReturnType<typeof spreadInductionSetup>, c2: number): Float64Array {
  const first = expectEach(p.before.mean, p.before.variance, (x) => p.c1 * x);
  return Float64Array.from(first, (v, i) => v + expectNormal(() => c2 * p.x0hat[i], p.before.mean[i], p.before.variance));
}

/** Coordinatewise E[f(X)], X ~ N(mean, v I). */
const expectEach = (mean: Float64Array, v: number, f: (x: number) => number) => Float64Array.from(mean, (m) => expectNormal(f, m, v));

export const errataClaims: Claim[] = [
  erratum({
    id: 'erratum.noise-scale',
    chapter,
    uses: { n: true, eta: true },
    needs: { etaPositive: true },
    floor: 1,
    threshold: 1e-3,
    example: { schedule: 'linear', T: 1000, t: 500, n: 20, eta: 1 },
    // Variance of x_{t−n} given x_0 when x_t ~ q(x_t | x_0) and z_t is its noise: Lemma 1 requires 1 − α_{t−n}.
    setup: (s) => ({ aN: s.alpha[s.t - s.n], s2: sigmaEta(s.eta, s.alpha[s.t], s.alpha[s.t - s.n]) ** 2 }),
    reference: (p) => 1 - p.aN,
    // Var[x_{t−n} | x_0] of the line as written, by quadrature over z_t and ε_t (x̂_0 = x_0 is fixed
    // given x_0): the notes' σ_t² ε_t, then the correction's σ_t ε_t.
    wrong: (p) => varianceOfSum([{ coef: Math.sqrt(1 - p.aN - p.s2), variance: 1 }, { coef: p.s2, variance: 1 }]),
    corrected: (p) => varianceOfSum([{ coef: Math.sqrt(1 - p.aN - p.s2), variance: 1 }, { coef: Math.sqrt(p.s2), variance: 1 }]),
  }),
  erratum({
    id: 'erratum.eta-squared',
    chapter,
    uses: { n: false, eta: true },
    needs: { etaPositive: true },
    threshold: 1e-2,
    example: { schedule: 'linear', T: 1000, t: 500, n: 1, eta: 0.5 },
    setup: (s) => ({ eta: s.eta, a: s.alpha[s.t], b: s.alpha[s.t - 1] }),
    // diffusers: std_dev_t = eta * variance ** 0.5, squared.
    reference: (p) => (p.eta * Math.sqrt(ddpmPosteriorVariance(p.a, p.b))) ** 2,
    wrong: (p) => p.eta * ((1 - p.b) / (1 - p.a)) * oneMinusRatio(p.a, p.b),
    corrected: (p) => sigmaEta(p.eta, p.a, p.b) ** 2,
  }),
  erratum({
    id: 'erratum.alpha-index',
    chapter,
    uses: { n: true, eta: 0 },
    needs: { targetMin: 1, nMin: 2 },
    threshold: 1e-3,
    example: { schedule: 'linear', T: 1000, t: 500, n: 20, eta: 0 },
    // Earlier moves at σ > 0, so the integrals are real (see inductionSetup).
    setup: spreadInductionSetup,
    // Row 7: ∫ (c₁ x_{t−n} + c₂ x_0) q(x_{t−n} | x_t, x_0) dx_{t−n}, one integral.
    reference: (p) => Float64Array.from(p.before.mean, (m, i) => expectNormal((x) => p.c1 * x + p.c2 * p.x0hat[i], m, p.before.variance)),
    // Row 8 as written, two integrals: α_{t−1} instead of α_{t−n} in the x_0 coefficient.
    wrong: (p) => {
      const c2 = Math.sqrt(p.aN1) - Math.sqrt(p.aT1 * (1 - p.aN1)) / Math.sqrt(1 - p.aN);
      return splitIntegrals(p, c2);
    },
    corrected: (p) => splitIntegrals(p, p.c2),
  }),
  erratum({
    id: 'erratum.missing-x',
    chapter,
    uses: { n: true, eta: 0 },
    needs: { targetMin: 1 },
    threshold: 1e-2,
    example: { schedule: 'linear', T: 1000, t: 500, n: 20, eta: 0 },
    setup: spreadInductionSetup,
    reference: (p) => combine([p.c1, p.before.mean], [p.c2, p.x0hat]),
    // Row 9 as written: c₁ ∫ q(x_{t−n} | x_t, x_0) dx_{t−n} + c₂ x_0, and a density integrates to 1.
    wrong: (p) => combine([p.c1, expectEach(p.before.mean, p.before.variance, () => 1)], [p.c2, p.x0hat]),
    // Corrected: c₁ ∫ x_{t−n} q dx_{t−n} + c₂ x_0 (the integral by quadrature).
    corrected: (p) => combine([p.c1, expectEach(p.before.mean, p.before.variance, (x) => x)], [p.c2, p.x0hat]),
  }),
  erratum({
    id: 'erratum.sigma-zero-only',
    chapter,
    uses: { n: true, eta: true },
    needs: { targetMin: 1, etaPositive: true, oneStepChain: true },
    threshold: 1e-3,
    example: { schedule: 'linear', T: 1000, t: 500, n: 20, eta: 1 },
    setup: (s, rng) => {
      const pair = noisyPair(s, rng);
      return { ...pair, path: oneStepPath({ ...s, free: false }, rng), aN: s.alpha[s.t - s.n] };
    },
    // (mean, variance) of q_σ(x_{t−n} | x_t, x_0) for σ > 0, step by step …
    reference: (p) => {
      const g = conditionalByRecursion(p.xt, p.x0hat, p.path);
      return cat(g.mean, g.variance);
    },
    // … the notes: x_{t−n} = √α_{t−n} x̂_0 + √(1 − α_{t−n}) z_t, a point (variance 0) …
    wrong: (p) => cat(combine([Math.sqrt(p.aN), p.x0hat], [Math.sqrt(1 - p.aN), p.z]), 0),
    // … and the closed form of the chapter "The n-step jump".
    corrected: (p) => {
      const g = conditionalClosedForm(p.xt, p.x0hat, p.path);
      return cat(g.mean, g.variance);
    },
  }),
  erratum({
    id: 'erratum.dropped-noise',
    chapter,
    uses: { n: false, eta: 1 },
    needs: { tMin: 2 },
    threshold: 1e-4,
    example: { schedule: 'linear', T: 1000, t: 500, n: 1, eta: 1 },
    setup: ddpmCase,
    // Row 10 as written (with the notes' σ_t² ε_t).
    reference: (p) =>
      combine(
        [Math.sqrt(p.b) / Math.sqrt(p.a), p.xt],
        [-(p.b * (1 - p.a) - (1 - p.b) * p.a) / (Math.sqrt(p.a) * Math.sqrt(p.b * (1 - p.a))), p.z],
        [p.s2, p.eps],
      ),
    // Row 11 as written: the noise term is gone.
    wrong: (p) => combine([Math.sqrt(p.b) / Math.sqrt(p.a), p.xt], [-(p.b - p.a * p.b - p.a + p.a * p.b) / (Math.sqrt(p.a) * Math.sqrt(p.b * (1 - p.a))), p.z]),
    corrected: (p) =>
      combine(
        [Math.sqrt(p.b) / Math.sqrt(p.a), p.xt],
        [-(p.b - p.a * p.b - p.a + p.a * p.b) / (Math.sqrt(p.a) * Math.sqrt(p.b * (1 - p.a))), p.z],
        [p.s2, p.eps],
      ),
  }),
  erratum({
    id: 'erratum.dropped-z',
    chapter,
    uses: { n: false, eta: 1 },
    threshold: 1e-3,
    example: { schedule: 'linear', T: 1000, t: 500, n: 1, eta: 1 },
    setup: ddpmCase,
    reference: row13,
    // Row 14 as written: √b/√a (x_t − (b − a)/(b √(1 − a))) + σ_t² ε_t, the z_t has gone.
    wrong: (p) => scaled(p, combine([1, p.xt], [-(p.b - p.a) / (p.b * Math.sqrt(1 - p.a)), new Float64Array(p.xt.length).fill(1)])),
    corrected: (p) => scaled(p, combine([1, p.xt], [-(p.b - p.a) / (p.b * Math.sqrt(1 - p.a)), p.z])),
  }),
  erratum({
    id: 'erratum.z-outside',
    chapter,
    uses: { n: false, eta: 1 },
    threshold: 1e-3,
    example: { schedule: 'linear', T: 1000, t: 500, n: 1, eta: 1 },
    setup: ddpmCase,
    reference: row13,
    // Row 15 as written: √b/√a (x_t − (1 − a/b)/√(1 − a)) · z_t + σ_t² ε_t (z_t multiplies x_t too).
    wrong: (p) => {
      const c = oneMinusRatio(p.a, p.b) / Math.sqrt(1 - p.a);
      return scaled(p, hadamard(combine([1, p.xt], [-c, new Float64Array(p.xt.length).fill(1)]), p.z));
    },
    corrected: (p) => scaled(p, combine([1, p.xt], [-oneMinusRatio(p.a, p.b) / Math.sqrt(1 - p.a), p.z])),
  }),
  erratum({
    id: 'erratum.z-outside-ddpm',
    chapter,
    uses: { n: false, eta: 1 },
    threshold: 1e-3,
    example: { schedule: 'linear', T: 1000, t: 500, n: 1, eta: 1 },
    setup: ddpmCase,
    reference: row13,
    // Row 16 as written, in DDPM's notation: 1/√α_t (x_t − β_t/√(1 − ᾱ_t)) · z_t + σ_t² ε_t.
    wrong: (p) => {
      const { beta, alphaStep, alphaBar } = p.ddpm;
      const inner = combine([1, p.xt], [-beta / Math.sqrt(1 - alphaBar), new Float64Array(p.xt.length).fill(1)]);
      return combine([1 / Math.sqrt(alphaStep), hadamard(inner, p.z)], [p.s2, p.eps]);
    },
    corrected: (p) => {
      const { beta, alphaStep, alphaBar } = p.ddpm;
      return combine([1 / Math.sqrt(alphaStep), combine([1, p.xt], [-beta / Math.sqrt(1 - alphaBar), p.z])], [p.s2, p.eps]);
    },
  }),
  erratum({
    id: 'erratum.jump-sigma',
    chapter,
    uses: { n: true, eta: true },
    needs: { nMin: 2, etaPositive: true, targetMin: 1 },
    threshold: 1e-2,
    example: { schedule: 'linear', T: 1000, t: 500, n: 20, eta: 1 },
    setup: (s) => ({ eta: s.eta, a: s.alpha[s.t], b1: s.alpha[s.t - 1], bn: s.alpha[s.t - s.n] }),
    // η² × the variance of DDPM's posterior q(x_{t−n} | x_t, x_0) for the skipped chain (Bayes).
    reference: (p) => p.eta ** 2 * (1 / (1 / (1 - p.bn) + p.a / p.bn / oneMinusRatio(p.a, p.bn))),
    // The notes' σ_t (built from α_{t−1}) used for a jump to t − n.
    wrong: (p) => sigmaEta(p.eta, p.a, p.b1) ** 2,
    corrected: (p) => sigmaEta(p.eta, p.a, p.bn) ** 2,
  }),
  erratum({
    id: 'erratum.web-forward-noise',
    chapter,
    uses: { n: false, eta: false },
    floor: 1,
    threshold: 1e-3,
    example: { schedule: 'linear', T: 1000, t: 500, n: 1, eta: 0 },
    setup: (s) => ({ aP: s.alpha[s.t - 1], aT: s.alpha[s.t], beta: oneMinusRatio(s.alpha[s.t], s.alpha[s.t - 1]) }),
    // Var(x_t | x_0) after one forward step from x_{t−1} ~ q(x_{t−1} | x_0); it must be 1 − α_t.
    reference: (p) => 1 - p.aT,
    // The variance of the step as written, by quadrature over x_{t−1} and ε: β_t ε, then √β_t ε.
    wrong: (p) => varianceOfSum([{ coef: Math.sqrt(1 - p.beta), variance: 1 - p.aP }, { coef: p.beta, variance: 1 }]),
    corrected: (p) => varianceOfSum([{ coef: Math.sqrt(1 - p.beta), variance: 1 - p.aP }, { coef: Math.sqrt(p.beta), variance: 1 }]),
  }),
  erratum({
    id: 'erratum.web-reverse-noise',
    chapter,
    uses: { n: false, eta: false },
    floor: 1,
    threshold: 1e-3,
    example: { schedule: 'linear', T: 1000, t: 500, n: 1, eta: 1 },
    setup: (s) => {
      const ddpm = ddpmAt(s.alpha, s.t);
      // μ̃_t's coefficient on x_t (DDPM eq. 7): √α_t (1 − ᾱ_{t−1})/(1 − ᾱ_t).
      return { aP: s.alpha[s.t - 1], aT: s.alpha[s.t], bt: ddpmBetaTilde(ddpm), gain: (Math.sqrt(ddpm.alphaStep) * (1 - ddpm.alphaBarPrev)) / (1 - ddpm.alphaBar) };
    },
    // Var(x_{t−1} | x_0) for x_{t−1} = μ̃_t(x_t, x_0) + (noise), x_t ~ q(x_t | x_0): must be 1 − α_{t−1}.
    reference: (p) => 1 - p.aP,
    // The variance of the line as written, by quadrature over x_t and ε: β̃_t ε, then √β̃_t ε.
    wrong: (p) => varianceOfSum([{ coef: p.gain, variance: 1 - p.aT }, { coef: p.bt, variance: 1 }]),
    corrected: (p) => varianceOfSum([{ coef: p.gain, variance: 1 - p.aT }, { coef: Math.sqrt(p.bt), variance: 1 }]),
  }),
  erratum({
    id: 'erratum.notation-clash',
    chapter,
    uses: { n: false, eta: 1 },
    threshold: 1e-3,
    example: { schedule: 'linear', T: 1000, t: 500, n: 1, eta: 1 },
    setup: (s, rng) => {
      const d = ddpmCase(s, rng);
      return { ...d, sigma: Math.sqrt(d.s2), x0hat: predictX0(d.xt, d.z, d.a) };
    },
    // The last line with the correct noise σ_t ε_t, read with the right α (DDPM's one-step α_t) …
    reference: (p) => combine([Math.sqrt(p.b) / Math.sqrt(p.a), combine([1, p.xt], [-oneMinusRatio(p.a, p.b) / Math.sqrt(1 - p.a), p.z])], [p.sigma, p.eps]),
    // … and with the chain's α (cumulative) plugged into 1/√α_t.
    wrong: (p) => combine([1 / Math.sqrt(p.a), combine([1, p.xt], [-p.ddpm.beta / Math.sqrt(1 - p.a), p.z])], [p.sigma, p.eps]),
    corrected: (p) => combine([1 / Math.sqrt(p.ddpm.alphaStep), combine([1, p.xt], [-p.ddpm.beta / Math.sqrt(1 - p.ddpm.alphaBar), p.z])], [p.sigma, p.eps]),
  }),
];
