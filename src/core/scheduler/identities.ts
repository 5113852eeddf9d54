/**
 * The equalities displayed in the chapter "diffusers' DDIM step, line by line", each as a function
 * that evaluates its two sides at a scheduler setting (step-setting.ts): the left side through the
 * scheduler port, the right side from the closed form written on the page. Random vectors (and an
 * identity's own options, such as the clip range) come from a seeded Rng.
 *
 * The claims registry (src/core/claims/diffusers-ddim-step.ts) binds each one to its equation on
 * the page, with its tolerance; the live re-run evaluates them at a reader's setting.
 */
import { randn, uniform, type Rng } from '../rng.ts';
import { DDPMScheduler } from './ddpm.ts';
import { rint } from './numpy.ts';
import { drawStepSetting, configOf, schedulerAt, timestepsOf, withNeeds, type SettingNeeds, type StepSetting, type StepSettingField } from './step-setting.ts';
import { tensor, type Tensor } from './tensor.ts';

export interface StepSides {
  lhs: number[];
  rhs: number[];
  /**
   * The size the rounding errors of the sides are relative to, when it is larger than the sides
   * themselves (a side computed by a subtraction that cancels). Absent: the sides' own size.
   */
  scale?: number;
  /**
   * The right side with a plausible slip, one entry per name in the identity's `slips` (mutation
   * testing: the claim must fail when a slip replaces the right side, see claims/mutation.ts).
   */
  mutants: Record<string, number[]>;
}

export interface StepIdentity {
  id: string;
  /** The fields of the setting this identity reads; it ignores the others or fixes them (`needs`). */
  reads: readonly StepSettingField[];
  /** What the identity fixes or restricts (spacing, last step, η). */
  needs: SettingNeeds;
  /** The names of the slips `at()` evaluates in `mutants`. */
  slips: readonly string[];
  /** Both sides at a setting (after `withNeeds`). */
  at(setting: StepSetting, rng: Rng): StepSides;
  /** Both sides at a random valid setting. */
  evaluate(rng: Rng): StepSides;
}

function define(c: Omit<StepIdentity, 'evaluate' | 'at'> & { at(setting: StepSetting, rng: Rng): StepSides }): StepIdentity {
  const at = (setting: StepSetting, rng: Rng) => c.at(withNeeds(setting, c.needs), rng);
  return { ...c, at, evaluate: (rng) => at(drawStepSetting(rng, c.needs), rng) };
}

/**
 * σ_t(1)², as diffusers computes it, is (1 − ᾱ_prev)/(1 − ᾱ_t)·(1 − ᾱ_t/ᾱ_prev). When ᾱ_t/ᾱ_prev is
 * close to 1 (a short step where β is small) the last subtraction cancels: its relative error is
 * about 2⁻⁵³·κ, with κ = ᾱ_prev/(ᾱ_prev − ᾱ_t) the condition number of 1 − ᾱ_t/ᾱ_prev. Identities
 * whose sides go through it report their size times κ as `scale`.
 */
const kappa = (a: number, ap: number) => ap / (ap - a);
const size = (xs: readonly number[]) => Math.max(...xs.map(Math.abs));

const batch = (rng: Rng, n = 6, scale = 1.5): Tensor<Float64Array> => tensor(randn(rng, n).map((v) => v * scale), [3, 2]);
const arr = (t: Tensor) => Array.from(t.data);
const STEP: StepSettingField[] = ['betaSchedule', 'numTrainTimesteps', 'numInferenceSteps', 'timestepSpacing', 'stepIndex'];

const stepIdentities: StepIdentity[] = [
  define({
    id: 'ddim-step.prev',
    reads: ['numTrainTimesteps', 'numInferenceSteps', 'timestepSpacing', 'stepIndex'],
    needs: {},
    slips: ['t − 1 for t − T // N', 'round for floor'],
    at(setting) {
      const { s, t } = schedulerAt(setting);
      const [T, N] = [s.numTrainTimesteps, s.numInferenceSteps!];
      return { lhs: [s.prevTimestep(t)], rhs: [t - Math.floor(T / N)], mutants: { 't − 1 for t − T // N': [t - 1], 'round for floor': [t - Math.round(T / N)] } };
    },
  }),
  define({
    id: 'ddim-step.x0-epsilon',
    reads: STEP,
    needs: {},
    slips: ['1 − ᾱ_t for √(1 − ᾱ_t)', 'flipped sign of ε'],
    at(setting, rng) {
      const { s, t } = schedulerAt(setting);
      const [x, e] = [batch(rng), batch(rng)];
      const a = s.alphaProd(t);
      return {
        lhs: arr(s.stepTrace(e, t, x).predOriginalSample),
        rhs: arr(x).map((xi, i) => (xi - Math.sqrt(1 - a) * e.data[i]) / Math.sqrt(a)),
        mutants: {
          '1 − ᾱ_t for √(1 − ᾱ_t)': arr(x).map((xi, i) => (xi - (1 - a) * e.data[i]) / Math.sqrt(a)),
          'flipped sign of ε': arr(x).map((xi, i) => (xi + Math.sqrt(1 - a) * e.data[i]) / Math.sqrt(a)),
        },
      };
    },
  }),
  define({
    id: 'ddim-step.x0-v',
    reads: STEP,
    needs: {},
    slips: ['flipped sign of v'],
    at(setting, rng) {
      const { s, t } = schedulerAt(setting, { predictionType: 'v_prediction' });
      const [x, v] = [batch(rng), batch(rng)];
      const a = s.alphaProd(t);
      return {
        lhs: arr(s.stepTrace(v, t, x).predOriginalSample),
        rhs: arr(x).map((xi, i) => Math.sqrt(a) * xi - Math.sqrt(1 - a) * v.data[i]),
        mutants: { 'flipped sign of v': arr(x).map((xi, i) => Math.sqrt(a) * xi + Math.sqrt(1 - a) * v.data[i]) },
      };
    },
  }),
  define({
    id: 'ddim-step.eps-v',
    reads: STEP,
    needs: {},
    slips: ['x̂_0’s coefficients swapped in (√ᾱ on x_t)'],
    at(setting, rng) {
      const { s, t } = schedulerAt(setting, { predictionType: 'v_prediction' });
      const [x, v] = [batch(rng), batch(rng)];
      const a = s.alphaProd(t);
      return {
        lhs: arr(s.stepTrace(v, t, x).predEpsilon),
        rhs: arr(x).map((xi, i) => Math.sqrt(a) * v.data[i] + Math.sqrt(1 - a) * xi),
        mutants: { 'x̂_0’s coefficients swapped in (√ᾱ on x_t)': arr(x).map((xi, i) => Math.sqrt(1 - a) * v.data[i] + Math.sqrt(a) * xi) },
      };
    },
  }),
  define({
    id: 'ddim-step.sigma',
    reads: [...STEP, 'eta'],
    needs: {},
    slips: ['η for η²', 'the ratio (1 − ᾱ_prev)/(1 − ᾱ_t) upside down'],
    at(setting) {
      const { s, t } = schedulerAt(setting);
      const eta = setting.eta;
      const c = s.coefficients(t, eta);
      const [a, ap] = [c.alphaProdT, c.alphaProdTPrev];
      return {
        lhs: [c.stdDevT ** 2],
        rhs: [eta ** 2 * ((1 - ap) / (1 - a)) * (1 - a / ap)],
        mutants: { 'η for η²': [eta * ((1 - ap) / (1 - a)) * (1 - a / ap)], 'the ratio (1 − ᾱ_prev)/(1 − ᾱ_t) upside down': [eta ** 2 * ((1 - a) / (1 - ap)) * (1 - a / ap)] },
      };
    },
  }),
  define({
    id: 'ddim-step.update',
    reads: [...STEP, 'eta'],
    needs: {},
    slips: ['σ_t² for σ_t on the noise', 'ᾱ_t for ᾱ_prev on x̂_0'],
    at(setting, rng) {
      const { s, t } = schedulerAt(setting);
      const [x, e, z] = [batch(rng), batch(rng), batch(rng)];
      const out = s.stepTrace(e, t, x, { eta: setting.eta, varianceNoise: z });
      const { alphaProdT: a, alphaProdTPrev: ap, stdDevT: sd } = out.coefficients;
      const update = (noise: number) =>
        arr(x).map((xi, i) => {
          const x0 = (xi - Math.sqrt(1 - a) * e.data[i]) / Math.sqrt(a);
          return Math.sqrt(ap) * x0 + Math.sqrt(1 - ap - sd * sd) * e.data[i] + noise * z.data[i];
        });
      const alphaSlip = arr(x).map((xi, i) => {
        const x0 = (xi - Math.sqrt(1 - a) * e.data[i]) / Math.sqrt(a);
        return Math.sqrt(a) * x0 + Math.sqrt(1 - ap - sd * sd) * e.data[i] + sd * z.data[i];
      });
      return { lhs: arr(out.prevSample), rhs: update(sd), mutants: { 'σ_t² for σ_t on the noise': update(sd * sd), 'ᾱ_t for ᾱ_prev on x̂_0': alphaSlip } };
    },
  }),
  define({
    id: 'ddim-step.eta-max',
    reads: STEP,
    needs: {},
    slips: ['1 − ᾱ_prev for ᾱ_prev'],
    at(setting) {
      const { s, t } = schedulerAt(setting);
      const c = s.coefficients(t, 0);
      const [a, ap] = [c.alphaProdT, c.alphaProdTPrev];
      const max = s.maxEta(t);
      const mutants = { '1 − ᾱ_prev for ᾱ_prev': [((1 - a) * (1 - ap)) / (ap - a)] };
      // σ_t(1) = 0 (the last step, ᾱ_prev = 1): every η is accepted, η_max = ∞ (checked in the tests).
      if (!Number.isFinite(max)) return { lhs: [0], rhs: [1 - ap], mutants };
      return { lhs: [max ** 2], rhs: [((1 - a) * ap) / (ap - a)], scale: max ** 2 * kappa(a, ap), mutants };
    },
  }),
  define({
    id: 'ddim-step.eta-max-excess',
    reads: STEP,
    needs: {},
    slips: ['ᾱ_prev for ᾱ_t in the numerator'],
    at(setting) {
      const { s, t } = schedulerAt(setting);
      const c = s.coefficients(t, 0);
      const [a, ap] = [c.alphaProdT, c.alphaProdTPrev];
      const max = s.maxEta(t);
      const mutants = { 'ᾱ_prev for ᾱ_t in the numerator': [(ap * (1 - ap)) / (ap - a)] };
      if (!Number.isFinite(max)) return { lhs: [0], rhs: [1 - ap], mutants };
      // η_max² − 1 is a difference of numbers of size η_max²: its error is relative to η_max²·κ.
      return { lhs: [max ** 2 - 1], rhs: [(a * (1 - ap)) / (ap - a)], scale: max ** 2 * kappa(a, ap), mutants };
    },
  }),
  // The last step of leading spacing (linspace too) is t = 0 for every N, so prev < 0 and ᾱ_prev is
  // the final 1. With trailing spacing the last step can be t = T // N (e.g. T = 1000, N = 6: t = 166,
  // prev = 0) and then ᾱ_prev is ᾱ_0, not 1: the equation is about leading spacing.
  define({
    id: 'ddim-step.final-step',
    reads: ['betaSchedule', 'numTrainTimesteps', 'eta'],
    needs: { spacings: ['leading'], lastStep: true },
    slips: ['the step not taken (x_t for x̂_0)'],
    at(setting, rng) {
      const { s, t } = schedulerAt(setting, { setAlphaToOne: true });
      const [e, x] = [batch(rng), batch(rng)];
      const out = s.step(e, t, x, { eta: setting.eta, varianceNoise: batch(rng) });
      return { lhs: arr(out.prevSample), rhs: arr(out.predOriginalSample), mutants: { 'the step not taken (x_t for x̂_0)': arr(x) } };
    },
  }),
  // DDPM's previous timestep is the next schedule entry; it equals DDIM's t − T // N only with
  // leading spacing (and steps_offset 0).
  define({
    id: 'ddim-step.ddpm-posterior',
    reads: ['betaSchedule', 'numTrainTimesteps', 'numInferenceSteps', 'stepIndex'],
    needs: { spacings: ['leading'], eta: 1 },
    slips: ['ᾱ_t for ᾱ_{t−1} in the x_0 coefficient'],
    at(setting, rng) {
      const { s: ddim, t } = schedulerAt(setting);
      const ddpm = new DDPMScheduler({ ...configOf(setting), clipSample: false });
      ddpm.setTimesteps(setting.numInferenceSteps);
      const [x, e] = [batch(rng), batch(rng)];
      const zeros = tensor(new Float64Array(6), [3, 2]);
      const out = ddim.stepTrace(e, t, x, { eta: 1, varianceNoise: zeros });
      const lhs = arr(out.prevSample);
      const c = ddpm.coefficients(t);
      const mean = (x0Coef: (beta: number) => number) =>
        arr(x).map((xi, i) => {
          const x0 = (xi - Math.sqrt(1 - c.alphaProdT) * e.data[i]) / Math.sqrt(c.alphaProdT);
          const beta = 1 - c.alphaProdT / c.alphaProdTPrev;
          return ((x0Coef(beta) * beta) / (1 - c.alphaProdT)) * x0 + ((Math.sqrt(1 - beta) * (1 - c.alphaProdTPrev)) / (1 - c.alphaProdT)) * xi;
        });
      const rhs = mean(() => Math.sqrt(c.alphaProdTPrev));
      // Both sides go through 1 − ᾱ_t/ᾱ_prev (σ_t(1)² on the left, β_t on the right).
      return { lhs, rhs, scale: Math.max(size(lhs), size(rhs)) * kappa(out.coefficients.alphaProdT, out.coefficients.alphaProdTPrev), mutants: { 'ᾱ_t for ᾱ_{t−1} in the x_0 coefficient': mean(() => Math.sqrt(c.alphaProdT)) } };
    },
  }),
  define({
    id: 'ddim-step.clipped-eps',
    reads: STEP,
    needs: {},
    slips: ['the unclipped x̂_0'],
    at(setting, rng) {
      const { s, t } = schedulerAt(setting, { clipSample: true, clipSampleRange: uniform(rng, 0.5, 2) });
      const [x, e] = [batch(rng, 6, 3), batch(rng)];
      const out = s.stepTrace(e, t, x, { useClippedModelOutput: true });
      const a = s.alphaProd(t);
      return {
        lhs: arr(out.predEpsilon),
        rhs: arr(x).map((xi, i) => (xi - Math.sqrt(a) * out.predOriginalSample.data[i]) / Math.sqrt(1 - a)),
        mutants: { 'the unclipped x̂_0': arr(x).map((xi, i) => (xi - Math.sqrt(a) * out.unclippedOriginalSample.data[i]) / Math.sqrt(1 - a)) },
      };
    },
  }),
  define({
    id: 'ddim-step.threshold',
    reads: STEP,
    needs: {},
    slips: ['dropped the division by s'],
    at(setting, rng) {
      const sampleMaxValue = uniform(rng, 1, 3);
      const ratio = uniform(rng, 0.5, 1);
      const { s, t } = schedulerAt(setting, { thresholding: true, sampleMaxValue, dynamicThresholdingRatio: ratio });
      const out = s.stepTrace(batch(rng, 6, 3), t, batch(rng, 6, 3));
      const raw = arr(out.unclippedOriginalSample);
      const rhs: number[] = [];
      const unscaled: number[] = [];
      for (let b = 0; b < 3; b++) {
        const item = raw.slice(2 * b, 2 * b + 2);
        const sorted = item.map(Math.abs).sort((p, q) => p - q);
        const rank = ratio * (sorted.length - 1);
        const q = sorted[Math.floor(rank)] + (rank - Math.floor(rank)) * (sorted[Math.ceil(rank)] - sorted[Math.floor(rank)]);
        const sb = Math.min(Math.max(q, 1), sampleMaxValue);
        rhs.push(...item.map((v) => Math.min(Math.max(v, -sb), sb) / sb));
        unscaled.push(...item.map((v) => Math.min(Math.max(v, -sb), sb)));
      }
      return { lhs: arr(out.predOriginalSample), rhs, mutants: { 'dropped the division by s': unscaled } };
    },
  }),
  define({
    id: 'ddim-step.add-noise',
    reads: STEP,
    needs: {},
    slips: ['ᾱ_t for √ᾱ_t'],
    at(setting, rng) {
      const { s, t } = schedulerAt(setting);
      const [x0, e] = [batch(rng), batch(rng)];
      const a = s.alphaProd(t);
      return {
        lhs: arr(s.addNoise(x0, e, [t])),
        rhs: arr(x0).map((v, i) => Math.sqrt(a) * v + Math.sqrt(1 - a) * e.data[i]),
        mutants: { 'ᾱ_t for √ᾱ_t': arr(x0).map((v, i) => a * v + Math.sqrt(1 - a) * e.data[i]) },
      };
    },
  }),
  define({
    id: 'ddim-step.velocity',
    reads: STEP,
    needs: {},
    slips: ['flipped sign'],
    at(setting, rng) {
      const { s, t } = schedulerAt(setting);
      const [x0, e] = [batch(rng), batch(rng)];
      const a = s.alphaProd(t);
      return {
        lhs: arr(s.getVelocity(x0, e, [t])),
        rhs: arr(x0).map((v, i) => Math.sqrt(a) * e.data[i] - Math.sqrt(1 - a) * v),
        mutants: { 'flipped sign': arr(x0).map((v, i) => Math.sqrt(a) * e.data[i] + Math.sqrt(1 - a) * v) },
      };
    },
  }),
  ...(['leading', 'trailing', 'linspace'] as const).map((spacing) =>
    define({
      id: `ddim-step.spacing-${spacing}`,
      reads: spacing === 'leading' ? ['numTrainTimesteps', 'numInferenceSteps', 'stepsOffset'] : ['numTrainTimesteps', 'numInferenceSteps'],
      needs: { spacings: [spacing], offset: spacing === 'leading', eta: 0 },
      slips: ['off by one'],
      at(setting) {
        const { numTrainTimesteps: T, numInferenceSteps: N, stepsOffset: offset } = setting;
        const lhs = timestepsOf({ ...setting, timestepSpacing: spacing });
        // The page's formulas, with fl(·) = one double rounding as numpy does it; k = 0 … N − 1
        // (trailing may add an N-th entry, compared in the timestep tests).
        const delta = T - T / N - T;
        const step = (T - 1) / Math.max(N - 1, 1);
        const rhs = Array.from({ length: N }, (_, k) =>
          spacing === 'leading' ? (N - 1 - k) * Math.floor(T / N) + offset : spacing === 'trailing' ? rint(T + k * delta) - 1 : k === 0 && N > 1 ? T - 1 : rint((N - 1 - k) * step),
        );
        return { lhs: lhs.slice(0, N), rhs, mutants: { 'off by one': rhs.map((v, k) => (k === N - 1 ? v + 1 : v)) } };
      },
    }),
  ),
];

export const STEP_IDENTITIES: readonly StepIdentity[] = stepIdentities;

/** The identity with this id (throws if there is none). */
export function stepIdentity(id: string): StepIdentity {
  const found = STEP_IDENTITIES.find((c) => c.id === id);
  if (!found) throw new Error(`no walkthrough identity "${id}"`);
  return found;
}
