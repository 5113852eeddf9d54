/**
 * DDIMScheduler.step() and full sampling loops against diffusers' own outputs (test/fixtures/diffusers-golden, copied from the shared golden directory):
 * float64 tensors, float32 schedule coefficients (the default, as in diffusers).
 *
 * The port does the same float64 operations in the same order as diffusers, so every element must
 * be the same double: the step cases and final samples are compared exactly (a tolerance such as
 * 1e−6 relative would let a changed operation order, or a float32 rounding slipped into the float64
 * path, pass). Only `sum_abs` along a loop is a reduction whose order torch chooses (pairwise
 * summation), so it gets a float64-rounding tolerance.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DDIMScheduler } from '../../../src/core/scheduler/ddim.ts';
import { assertClose, maxRelError } from '../../assert-close.ts';
import { readGolden } from './golden.ts';
import { dummyModel, dummySampleDeter, goldenModelOutput, goldenNoise, goldenSample, sumAbs } from './diffusers-inputs.ts';

const steps = readGolden('step_float64.json');
const loops = readGolden('full_loop.json');
/**
 * torch's sum of |x| over the sample, summed in its own order: summing n terms in another order
 * changes the result by at most (n − 1)·2⁻⁵³ relative to Σ|x|, under 1e−13 for these samples.
 */
const SUM_ORDER = { rel: 1e-13 };
const residuals: string[] = [];

function configOf(c: any) {
  const k = c.scheduler_config;
  return {
    predictionType: k.prediction_type,
    clipSample: k.clip_sample,
    setAlphaToOne: k.set_alpha_to_one ?? true,
    thresholding: k.thresholding ?? false,
    numTrainTimesteps: k.num_train_timesteps,
    betaSchedule: k.beta_schedule,
    betaStart: k.beta_start,
    betaEnd: k.beta_end,
    timestepSpacing: k.timestep_spacing ?? 'leading',
    stepsOffset: k.steps_offset ?? 0,
  };
}

describe('step() on float64 tensors (golden step_float64.json)', () => {
  it('covers 16 cases', () => expect(steps.cases).toHaveLength(16));
  for (const c of steps.cases) {
    const name = `${c.prediction_type} η=${c.eta} clip=${c.clip_sample} t=${c.timestep}`;
    it(`${name}: scalars, prev_sample and pred_original_sample match diffusers`, () => {
      const s = new DDIMScheduler(configOf(c));
      s.setTimesteps(c.scheduler_config.num_inference_steps);
      const trace = s.stepTrace(goldenModelOutput(), c.timestep, goldenSample(), {
        eta: c.eta,
        useClippedModelOutput: c.use_clipped_model_output,
        varianceNoise: goldenNoise(0),
      });
      const k = trace.coefficients;
      expect(k.prevTimestep).toBe(c.prev_timestep);
      // The scalars are float32 in diffusers and here: exact equality.
      expect([k.alphaProdT, k.alphaProdTPrev, k.variance, k.stdDevT, k.directionCoeffSquared]).toEqual([
        c.alpha_prod_t, c.alpha_prod_t_prev, c.variance, c.std_dev_t, c.direction_coeff_squared,
      ]);
      expect(trace.prevSample.data).toBeInstanceOf(Float64Array);
      expect(Array.from(trace.prevSample.data)).toEqual(c.prev_sample);
      expect(Array.from(trace.predOriginalSample.data)).toEqual(c.pred_original_sample);
      const worst = Math.max(maxRelError(trace.prevSample.data, c.prev_sample, 1e-300), maxRelError(trace.predOriginalSample.data, c.pred_original_sample, 1e-300));
      residuals.push(`step ${name}: max rel error ${worst.toExponential(2)}`);
    });
  }
});

describe('full sampling loops on float64 tensors (golden full_loop.json)', () => {
  for (const c of loops.cases) {
    it(`${c.name}: every step's sum |x| and the final sample match diffusers`, () => {
      const k = c.scheduler_config;
      const s = new DDIMScheduler({ numTrainTimesteps: k.num_train_timesteps, betaStart: k.beta_start, betaEnd: k.beta_end, betaSchedule: k.beta_schedule, clipSample: k.clip_sample });
      s.setTimesteps(c.num_inference_steps);
      expect(s.timesteps).toEqual(c.timesteps_stepped);
      let x = dummySampleDeter('float64');
      expect((x.data.length - 1) * 2 ** -53).toBeLessThan(SUM_ORDER.rel);
      s.timesteps.forEach((t, i) => {
        const noise = c.eta > 0 ? goldenNoise(i) : null;
        x = s.step(dummyModel(x, t), t, x, { eta: c.eta, varianceNoise: noise }).prevSample;
        const sum = sumAbs(x);
        expect(c.trajectory[i].timestep).toBe(t);
        assertClose(sum, c.trajectory[i].sum_abs, SUM_ORDER);
      });
      expect(Array.from(x.data)).toEqual(c.final_sample);
      residuals.push(`loop ${c.name}: max rel error ${maxRelError(x.data, c.final_sample, 1e-300).toExponential(2)}`);
    });
  }
});

afterAll(() => {
  console.log(`Golden residuals (exact: 0 expected):\n  ${residuals.join('\n  ')}`);
});
