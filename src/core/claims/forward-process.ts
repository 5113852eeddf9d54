/**
 * Claims of the chapter "Notation and the forward process": DDIM's α is DDPM's ᾱ, the one-step
 * kernel in both notations, the marginal q(x_t | x_0) (DDIM eq. 4) and its reparameterisation, the
 * SNR and the cosine schedule's telescoping product.
 */
import { alphasFromBetas, snr } from '../schedule/alphas.ts';
import { cosineAlphaBar } from '../schedule/betas.ts';
import { forwardMoments, forwardSample } from '../forward.ts';
import { oneMinusRatio } from '../ddim/sigma.ts';
import { combine } from '../vec.ts';
import { namedAlphas } from './situation.ts';
import { betasOf, cat, distribution, gauss, identity, varianceOfSum } from './helpers.ts';
import type { Claim, Situation } from './types.ts';

const chapter = 'forward-process';
const noKnobs = { n: false, eta: false } as const;

/** The β's of the situation's schedule and the time t. */
function scheduleSetup(s: Situation) {
  return { betas: betasOf(s.alpha), t: s.t };
}

/** Cosine schedule with the situation's T; t moved below the capped tail (where β hits 0.999). */
function cosineSetup(s: Situation) {
  const T = s.alpha.length - 1;
  const alpha = namedAlphas('squaredcos_cap_v2', T);
  let last = T;
  while (last > 1 && 1 - alpha[last] / alpha[last - 1] >= 0.999) last--;
  return { alpha, T, t: Math.min(s.t, last) };
}

export const forwardProcessClaims: Claim[] = [
  identity({
    id: 'forward.alpha-is-alphabar',
    chapter,
    // The notation: DDIM's α_t is defined as DDPM's ᾱ_t (DDIM §2, footnote on notation).
    route: 'definition',
    uses: noKnobs,
    setup: scheduleSetup,
    sides: [
      // DDIM's α_t as the code builds it from the β's …
      (p) => alphasFromBetas(p.betas)[p.t],
      // … and DDPM's ᾱ_t = ∏ (1 − β_s), multiplied in the other order.
      (p) => {
        let prod = 1;
        for (let s = p.t; s >= 1; s--) prod *= 1 - p.betas[s - 1];
        return prod;
      },
    ],
  }),
  identity({
    id: 'forward.one-minus-beta',
    chapter,
    // α_t is built as the product of the 1 − β_s: the ratio of two consecutive products is 1 − β_t.
    route: 'construction',
    uses: noKnobs,
    setup: scheduleSetup,
    sides: [(p) => 1 - p.betas[p.t - 1], (p) => {
      const a = alphasFromBetas(p.betas);
      return a[p.t] / a[p.t - 1];
    }],
  }),
  identity({
    id: 'forward.step-kernel',
    chapter,
    // DDPM's kernel N(√(1 − β_t) x, β_t I) rewritten with 1 − β_t = α_t/α_{t−1}.
    route: 'construction',
    uses: noKnobs,
    setup: (s, rng) => ({ ...scheduleSetup(s), alpha: s.alpha, x: gauss(rng) }),
    // (mean, variance) of q(x_t | x_{t−1}) in DDPM's notation and in DDIM's.
    sides: [
      (p) => cat(combine([Math.sqrt(1 - p.betas[p.t - 1]), p.x]), p.betas[p.t - 1]),
      (p) => cat(combine([Math.sqrt(p.alpha[p.t] / p.alpha[p.t - 1]), p.x]), oneMinusRatio(p.alpha[p.t], p.alpha[p.t - 1])),
    ],
  }),
  distribution({
    id: 'forward.marginal',
    chapter,
    uses: noKnobs,
    needs: { maxT: 80 },
    setup: (s, rng) => ({ alpha: s.alpha, t: s.t, x0: gauss(rng, 2) }),
    // Run the Markov chain x_0 → x_1 → … → x_t one kernel at a time.
    simulate: (p, rng) => {
      let x: Float64Array = Float64Array.from(p.x0);
      for (let s = 1; s <= p.t; s++) {
        const r = p.alpha[s] / p.alpha[s - 1];
        x = combine([Math.sqrt(r), x], [Math.sqrt(1 - r), gauss(rng, 2)]);
      }
      return x;
    },
    target: (p) => ({ mean: combine([Math.sqrt(p.alpha[p.t]), p.x0]), variance: 1 - p.alpha[p.t] }),
  }),
  identity({
    id: 'forward.variances-add',
    chapter,
    uses: noKnobs,
    floor: 1,
    setup: (s) => ({ aT: s.alpha[s.t], aP: s.alpha[s.t - 1] }),
    sides: [
      // Var[√(α_t/α_{t−1}) x_{t−1} + √(1 − α_t/α_{t−1}) ε | x_0] by quadrature, x_{t−1} ~ q(x_{t−1} | x_0) …
      (p) => varianceOfSum([{ coef: Math.sqrt(p.aT / p.aP), variance: 1 - p.aP }, { coef: Math.sqrt(oneMinusRatio(p.aT, p.aP)), variance: 1 }]),
      // … the page's sum of the two variances …
      (p) => (p.aT / p.aP) * (1 - p.aP) + oneMinusRatio(p.aT, p.aP),
      // … and Lemma 1's value.
      (p) => 1 - p.aT,
    ],
    mutants: [
      { slip: 'dropped the factor α_t/α_{t−1} on 1 − α_{t−1}', line: 1, value: (p) => 1 - p.aP + oneMinusRatio(p.aT, p.aP) },
      { slip: 'α_{t−1} for α_t', value: (p) => 1 - p.aP },
    ],
  }),
  distribution({
    id: 'forward.reparameterised',
    chapter,
    uses: noKnobs,
    setup: (s, rng) => ({ a: s.alpha[s.t], x0: gauss(rng, 2) }),
    simulate: (p, rng) => forwardSample(p.x0, gauss(rng, 2), p.a),
    target: (p) => ({ mean: combine([Math.sqrt(p.a), p.x0]), variance: 1 - p.a }),
  }),
  identity({
    id: 'forward.snr',
    chapter,
    // SNR(t) is defined as α_t/(1 − α_t) (Kingma et al. 2021); the code's snr() is that definition.
    route: 'definition',
    uses: noKnobs,
    setup: (s) => ({ a: s.alpha[s.t] }),
    // SNR as the code defines it, and as signal power over noise power of q(x_t | x_0) for |x_0| = 1.
    sides: [(p) => snr(p.a), (p) => {
      const m = forwardMoments(1, p.a);
      return (m.mean * m.mean) / m.variance;
    }],
  }),
  identity({
    id: 'forward.cosine-telescoping',
    chapter,
    uses: { n: false, eta: false, schedule: 'cosine' },
    setup: cosineSetup,
    sides: [(p) => p.alpha[p.t], (p) => cosineAlphaBar(p.t / p.T) / cosineAlphaBar(0)],
    mutants: [
      { slip: 't − 1 for t', value: (p) => cosineAlphaBar((p.t - 1) / p.T) / cosineAlphaBar(0) },
      { slip: 'dropped the normalisation by ᾱ(0)', value: (p) => cosineAlphaBar(p.t / p.T) },
    ],
  }),
];
