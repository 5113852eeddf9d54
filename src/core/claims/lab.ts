/**
 * Claims of the two lab chapters: the displayed formula for the exact mixture denoiser ε* (toy lab)
 * and the σ-chain step along τ that the Lemma 1 experiment runs (experiments).
 *
 * - lab.mixture-epsilon: src/core's mixtureEpsilon (the formula on the page, the reference the
 *   tensor denoiser is tested against) equals E[ε | x_t] computed another way, through the posterior
 *   mean of x_0: x_0 | x_t, k ~ N(μ_k + (√α s_k²/v_k)(x_t − √α μ_k), ·), E[ε | x_t] = (x_t − √α E[x_0 | x_t])/√(1 − α).
 * - lab.tau-kernel: the scheduler's generalised DDIM step (ddimStepCore with prediction type "sample"
 *   and the true x_0 as model output, a jump t → t − n, σ = σ(η), noise z: what the Lemma 1 widget
 *   runs on tensors) is a draw from the displayed q_σ(x_{τ_{i−1}} | x_{τ_i}, x_0): the family mean plus σ z.
 */
import { mixtureEpsilon } from '../denoise/mixture-eps.ts';
import type { Mixture2D } from '../data/mixture.ts';
import { etaStep, familySample } from '../ddim/family.ts';
import { ddimCoefficients, ddimStepCore } from '../scheduler/ddim-step.ts';
import { F64 } from '../scheduler/scalar.ts';
import { tensor } from '../scheduler/tensor.ts';
import { float64Ops } from '../scheduler/typed-ops.ts';
import { randint, uniform, type Rng } from '../rng.ts';
import { gauss, identity } from './helpers.ts';
import type { Claim, Situation } from './types.ts';

/** A random 2D mixture: 1–6 components, some of them point masses (s_k = 0, as for a dataset). */
function drawMixture(rng: Rng): Mixture2D {
  const k = randint(rng, 1, 6);
  const raw = Array.from({ length: k }, () => uniform(rng, 0.05, 1));
  const total = raw.reduce((a, b) => a + b, 0);
  return {
    weights: Float64Array.from(raw, (w) => w / total),
    means: Float64Array.from({ length: 2 * k }, () => uniform(rng, -1, 1)),
    variances: Float64Array.from({ length: k }, () => (rng.next() < 0.2 ? 0 : Math.exp(uniform(rng, Math.log(1e-4), Math.log(0.1))))),
  };
}

/** E[ε | x_t] = (x_t − √α E[x_0 | x_t]) / √(1 − α), with E[x_0 | x_t] from the component posteriors. */
function epsilonViaPosteriorMean(mix: Mixture2D, x: Float64Array, alpha: number): Float64Array {
  const K = mix.weights.length;
  const sa = Math.sqrt(alpha);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length / 2; i++) {
    const logp = new Float64Array(K);
    for (let k = 0; k < K; k++) {
      const v = alpha * mix.variances[k] + (1 - alpha);
      const d2 = (x[2 * i] - sa * mix.means[2 * k]) ** 2 + (x[2 * i + 1] - sa * mix.means[2 * k + 1]) ** 2;
      logp[k] = Math.log(mix.weights[k]) - Math.log(2 * Math.PI * v) - d2 / (2 * v);
    }
    const top = Math.max(...logp);
    const r = Array.from(logp, (l) => Math.exp(l - top));
    const z = r.reduce((a, b) => a + b, 0);
    for (const c of [0, 1]) {
      let meanX0 = 0;
      for (let k = 0; k < K; k++) {
        const v = alpha * mix.variances[k] + (1 - alpha);
        const mu = mix.means[2 * k + c];
        meanX0 += (r[k] / z) * (mu + ((sa * mix.variances[k]) / v) * (x[2 * i + c] - sa * mu));
      }
      out[2 * i + c] = (x[2 * i + c] - sa * meanX0) / Math.sqrt(1 - alpha);
    }
  }
  return out;
}

export const labClaims: Claim[] = [
  identity({
    id: 'lab.mixture-epsilon',
    chapter: 'toy-lab',
    uses: { n: false, eta: false },
    setup: (s: Situation, rng: Rng) => ({
      mix: drawMixture(rng),
      alpha: s.alpha[s.t],
      x: Float64Array.from({ length: 8 }, () => uniform(rng, -3, 3)),
    }),
    sides: [(p) => mixtureEpsilon(p.mix, p.x, p.alpha), (p) => epsilonViaPosteriorMean(p.mix, p.x, p.alpha)],
    mutants: [
      { slip: '√α_t for α_t', line: 0, value: (p) => mixtureEpsilon(p.mix, p.x, Math.sqrt(p.alpha)) },
      { slip: 'flipped sign of ε', line: 0, value: (p) => mixtureEpsilon(p.mix, p.x, p.alpha).map((v) => -v) },
    ],
  }),
  identity({
    id: 'lab.tau-kernel',
    chapter: 'experiments',
    uses: { n: true, eta: true },
    setup: (s: Situation, rng: Rng) => ({ s, x0: gauss(rng, 2), xt: gauss(rng, 2), z: gauss(rng, 2) }),
    // Vectors of size about 1: the residual is an absolute error of the step (floor 1).
    floor: 1,
    sides: [
      (p) => {
        const { alpha, t, n, eta } = p.s;
        const c = ddimCoefficients(F64, t - 1, t - n - 1, alpha[t], alpha[t - n], eta);
        return ddimStepCore(float64Ops, F64, c, tensor(p.x0, [1, 2]), tensor(p.xt, [1, 2]), {
          predictionType: 'sample', thresholding: false, clipSample: false, clipSampleRange: 1,
          dynamicThresholdingRatio: 0.995, sampleMaxValue: 1, useClippedModelOutput: false, eta,
          varianceNoise: tensor(p.z, [1, 2]),
        }).prevSample.data;
      },
      (p) => familySample(p.xt, p.x0, etaStep(p.s.eta, p.s.alpha[p.s.t], p.s.alpha[p.s.t - p.s.n]), p.z),
    ],
    mutants: [
      { slip: 't − 1 for t − n', value: (p) => familySample(p.xt, p.x0, etaStep(p.s.eta, p.s.alpha[p.s.t], p.s.alpha[p.s.t - 1]), p.z) },
      { slip: 'η² for η in σ', value: (p) => familySample(p.xt, p.x0, etaStep(p.s.eta ** 2, p.s.alpha[p.s.t], p.s.alpha[p.s.t - p.s.n]), p.z) },
    ],
  }),
];
