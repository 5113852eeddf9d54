/**
 * β, ᾱ and the timestep recipes against the numbers diffusers itself produced (../shared/golden).
 */
import { describe, expect, it } from 'vitest';
import { DDIMScheduler } from '../../../src/core/scheduler/ddim.ts';
import { DDPMScheduler } from '../../../src/core/scheduler/ddpm.ts';
import { SchedulerConfigError } from '../../../src/core/scheduler/errors.ts';
import { assertClose, maxRelError } from '../../assert-close.ts';
import { readGolden } from './golden.ts';

const schedules = readGolden('alphas_cumprod.json');
const timesteps = readGolden('timesteps.json');

const configOf = (c: any) => ({
  betaSchedule: c.beta_schedule,
  rescaleBetasZeroSnr: c.rescale_betas_zero_snr,
  numTrainTimesteps: c.num_train_timesteps,
  betaStart: c.beta_start,
  betaEnd: c.beta_end,
});
const label = (c: any) => `${c.beta_schedule}${c.rescale_betas_zero_snr ? '+rescale' : ''} T=${c.num_train_timesteps} β=[${c.beta_start}, ${c.beta_end}]`;

describe('betas and alphasCumprod (float32, as diffusers)', () => {
  it('covers the 11 golden configurations', () => expect(schedules.cases).toHaveLength(11));

  for (const c of schedules.cases) {
    it(`${label(c.config)}: betas and alphasCumprod equal diffusers' float32 values bit for bit`, () => {
      const s = new DDIMScheduler(configOf(c.config));
      expect(s.betas).toBeInstanceOf(Float32Array);
      // Exact equality (tolerance 0): torch's AVX2 linspace is emulated lane by lane, and the
      // cumulative product accumulates in double as torch's CPU kernel does.
      expect(Array.from(s.betas)).toEqual(c.betas);
      expect(Array.from(s.alphasCumprod)).toEqual(c.alphas_cumprod);
      expect(s.alphasCumprod[0]).toBe(c.alphas_cumprod_first);
      expect(s.alphasCumprod[s.alphasCumprod.length - 1]).toBe(c.alphas_cumprod_last);
    });

    it(`${label(c.config)}: finalAlphaCumprod for setAlphaToOne true and false`, () => {
      expect(new DDIMScheduler({ ...configOf(c.config), setAlphaToOne: true }).finalAlphaCumprod).toBe(c.final_alpha_cumprod.set_alpha_to_one_true);
      expect(new DDIMScheduler({ ...configOf(c.config), setAlphaToOne: false }).finalAlphaCumprod).toBe(c.final_alpha_cumprod.set_alpha_to_one_false);
    });

    it(`${label(c.config)}: DDPMScheduler builds the same arrays`, () => {
      const d = new DDPMScheduler(configOf(c.config));
      expect(Array.from(d.alphasCumprod)).toEqual(c.alphas_cumprod);
    });

    it(`${label(c.config)}: schedulePrecision "float64" is the same formulas in double`, () => {
      const s = new DDIMScheduler({ ...configOf(c.config), schedulePrecision: 'float64' });
      expect(s.alphasCumprod).toBeInstanceOf(Float64Array);
      const ref = c.reference_float64_formula;
      assertClose(Array.from(s.betas), ref.betas, { rel: 1e-12, abs: 1e-18 });
      assertClose(Array.from(s.alphasCumprod), ref.alphas_cumprod, { rel: 1e-12, abs: 1e-18 });
      // …and it differs from diffusers' float32 values by the amount the golden file records.
      const rel = maxRelError(c.alphas_cumprod, s.alphasCumprod, 1e-30);
      expect(rel).toBeLessThan(Math.max(ref.max_rel_diff_alphas_cumprod_vs_float32 * 1.01, 1e-300));
    });
  }
});

describe('setTimesteps (golden timesteps.json)', () => {
  it('covers 24 cases', () => expect(timesteps.cases).toHaveLength(24));
  for (const c of timesteps.cases) {
    const name = `T=${c.num_train_timesteps} N=${c.num_inference_steps} ${c.timestep_spacing} offset ${c.steps_offset}`;
    it(`${name}: timesteps, DDIM's prev, DDPM's previous`, () => {
      // strict: false so the leading N = T, offset 1 case (which schedules t = T) is built as diffusers builds it.
      const cfg = { numTrainTimesteps: c.num_train_timesteps, timestepSpacing: c.timestep_spacing, stepsOffset: c.steps_offset, strict: false };
      const ddim = new DDIMScheduler(cfg);
      ddim.setTimesteps(c.num_inference_steps);
      expect(ddim.timesteps).toEqual(c.timesteps);
      expect(ddim.timesteps.map((t) => ddim.prevTimestep(t))).toEqual(c.ddim_step_prev_timestep);
      const ddpm = new DDPMScheduler(cfg);
      ddpm.setTimesteps(c.num_inference_steps);
      expect(ddpm.timesteps).toEqual(c.timesteps);
      expect(ddpm.timesteps.map((t) => ddpm.previousTimestep(t))).toEqual(c.ddpm_previous_timestep);
      expect(ddim.timesteps.filter((t) => t < 0 || t >= c.num_train_timesteps)).toEqual(c.out_of_range_timesteps);
    });
    if (c.out_of_range_timesteps.length > 0) {
      it(`${name}: strict (default) refuses the out-of-range timestep in setTimesteps`, () => {
        const s = new DDIMScheduler({ numTrainTimesteps: c.num_train_timesteps, timestepSpacing: c.timestep_spacing, stepsOffset: c.steps_offset });
        expect(() => s.setTimesteps(c.num_inference_steps)).toThrow(SchedulerConfigError);
        expect(() => s.setTimesteps(c.num_inference_steps)).toThrow(/stepsOffset must be an integer in \[0, 0\]/);
      });
    }
  }
  for (const e of timesteps.errors) {
    it(`${e.call} raises (diffusers: ${e.exception_type})`, () => {
      const T = /num_train_timesteps=(\d+)/.exec(e.call)?.[1];
      const N = Number(/set_timesteps\((\d+)\)/.exec(e.call)![1]);
      const s = new DDIMScheduler(T ? { numTrainTimesteps: Number(T) } : {});
      expect(() => s.setTimesteps(N)).toThrow(SchedulerConfigError);
      expect(() => s.setTimesteps(N)).toThrow(`numInferenceSteps must be an integer in [1, ${T ?? 1000}]; got ${N}.`);
    });
  }
});
