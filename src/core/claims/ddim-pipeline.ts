/**
 * Claims of the chapter "diffusers' DDIMPipeline, line by line": what the pipeline returns.
 *
 * The last step of a leading (steps_offset 0) or linspace loop is at t = 0 with prev_timestep < 0, so
 * step() reads final_alpha_cumprod. A DDPM config has no set_alpha_to_one; DDIMScheduler.from_config
 * then uses DDIM's default, true, so ᾱ_final = 1 and σ = 0 whatever η (eq. 16 has the factor
 * 1 − ᾱ_final = 0): the image the loop hands to the output transform is x̂_0 of the last step.
 *
 * Sides, by different routes: the port's step() output through the conversion (float64 schedule,
 * Float64Array tensors), the port's own x̂_0, and x̂_0 from DDIM eq. 12's first term written out.
 */
import { BETA_SCHEDULES } from '../schedule/betas.ts';
import { randint, randn, uniform, type Rng } from '../rng.ts';
import { DDIMScheduler } from '../scheduler/ddim.ts';
import { DDPMScheduler } from '../scheduler/ddpm.ts';
import type { SchedulerConfig } from '../scheduler/config.ts';
import { tensor } from '../scheduler/tensor.ts';
import { identity } from './helpers.ts';
import type { Claim } from './types.ts';

const chapter = 'ddim-pipeline';
const D = 8;

interface LastStep {
  config: SchedulerConfig;
  source: 'DDIMScheduler' | 'DDPMScheduler';
  N: number;
  eta: number;
  x: Float64Array;
  eps: Float64Array;
}

function draw(rng: Rng): LastStep {
  const T = randint(rng, 10, 1000);
  const config: SchedulerConfig = {
    numTrainTimesteps: T,
    betaSchedule: BETA_SCHEDULES[randint(rng, 0, BETA_SCHEDULES.length - 1)],
    timestepSpacing: rng.next() < 0.5 ? 'leading' : 'linspace',
    clipSample: false,
    schedulePrecision: 'float64',
  };
  return { config, source: rng.next() < 0.5 ? 'DDIMScheduler' : 'DDPMScheduler', N: randint(rng, 1, T), eta: uniform(rng, 0, 1), x: randn(rng, D), eps: randn(rng, D) };
}

/** The pipeline's scheduler (converted from the source config), set to N steps, and its last timestep. */
function lastStepOf(p: LastStep, override: Partial<SchedulerConfig> = {}) {
  const source = p.source === 'DDPMScheduler' ? new DDPMScheduler(p.config) : new DDIMScheduler(p.config);
  const s = DDIMScheduler.fromConfig({ ...(source.config as unknown as Record<string, unknown>), ...override }, p.source);
  s.setTimesteps(p.N);
  const t = s.timesteps[s.timesteps.length - 1];
  const out = s.step(tensor(Float64Array.from(p.eps), [1, D]), t, tensor(Float64Array.from(p.x), [1, D]), { eta: p.eta, generator: { next: () => 0.5 } });
  return { s, t, out };
}

export const ddimPipelineClaims: Claim[] = [
  identity<LastStep>({
    id: 'pipeline.output-is-x0',
    chapter,
    uses: { n: false, eta: false },
    setup: (_situation, rng) => draw(rng),
    sides: [
      // The loop's last step, as the pipeline runs it.
      (p) => Float64Array.from(lastStepOf(p).out.prevSample.data),
      // The same step's x̂_0 (diffusers' pred_original_sample).
      (p) => Float64Array.from(lastStepOf(p).out.predOriginalSample.data),
      // x̂_0 = (x − √(1 − ᾱ_t) ε) / √ᾱ_t at the last timestep (eq. 12, first term).
      (p) => {
        const { s, t } = lastStepOf(p);
        const a = s.alphasCumprod[t];
        return p.x.map((x, i) => (x - Math.sqrt(1 - a) * p.eps[i]) / Math.sqrt(a));
      },
    ],
    mutants: [
      { slip: 'ᾱ_0 after the last step (set_alpha_to_one = false)', line: 0, value: (p) => Float64Array.from(lastStepOf(p, { setAlphaToOne: false }).out.prevSample.data) },
      {
        slip: 'the direction term kept with √(1 − ᾱ_t)',
        line: 0,
        value: (p) => {
          const { s, t } = lastStepOf(p);
          const a = s.alphasCumprod[t];
          return p.x.map((x, i) => (x - Math.sqrt(1 - a) * p.eps[i]) / Math.sqrt(a) + Math.sqrt(1 - a) * p.eps[i]);
        },
      },
    ],
  }),
];
