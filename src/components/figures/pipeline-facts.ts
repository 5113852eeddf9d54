/**
 * Numbers quoted in the chapter "diffusers' DDIMPipeline, line by line", all computed at build time
 * from the pipeline and scheduler ports (src/core/pipeline, src/core/scheduler), never typed in.
 */
import { toOutputImages } from '../../core/pipeline/output.ts';
import { DDIMScheduler } from '../../core/scheduler/ddim.ts';
import { DDPMScheduler } from '../../core/scheduler/ddpm.ts';
import { ddimConfigFrom } from '../../core/scheduler/from-config.ts';
import { DIFFUSERS_NAMES } from '../../core/scheduler/config.ts';
import type { TimestepSpacing } from '../../core/scheduler/timesteps.ts';
import { tensor } from '../../core/scheduler/tensor.ts';
import { float32Ops } from '../../core/scheduler/typed-ops.ts';

const snake = (key: string) => DIFFUSERS_NAMES[key] ?? key;

/** The first two timesteps of a 50-step loop and the prev_timestep step() uses at the first. */
export function notesTimestepFacts(N = 50) {
  const row = (timestepSpacing: TimestepSpacing, stepsOffset: number) => {
    const s = new DDIMScheduler({ timestepSpacing, stepsOffset });
    s.setTimesteps(N);
    return { spacing: timestepSpacing, offset: stepsOffset, t: s.timesteps[0], next: s.timesteps[1], prev: s.prevTimestep(s.timesteps[0]), last: s.timesteps[N - 1], lastPrev: s.prevTimestep(s.timesteps[N - 1]) };
  };
  return { N, jump: 1000 / N, rows: [row('leading', 0), row('leading', 1), row('trailing', 0), row('linspace', 0)] };
}

/** DDIMScheduler.from_config(a DDPM config): what carries over, what is dropped, what is defaulted. */
export function conversionFacts() {
  const ddpm = new DDPMScheduler({ varianceType: 'fixed_large', stepsOffset: 1 });
  const c = ddimConfigFrom(ddpm.config as unknown as Record<string, unknown>, 'DDPMScheduler');
  const ddim = new DDIMScheduler(c.config);
  ddim.setTimesteps(50);
  const json = ddimConfigFrom({ _class_name: 'DDPMScheduler', beta_schedule: 'linear', variance_type: 'fixed_small', skip_prk_steps: true });
  return {
    carried: c.carried.map(snake),
    droppedCompatible: c.dropped.filter((d) => d.reason === 'compatible').map((d) => snake(d.key)),
    defaulted: c.defaulted.map(snake),
    setAlphaToOne: ddim.config.setAlphaToOne,
    firstTimesteps: ddim.timesteps.slice(0, 3),
    lastTimestep: ddim.timesteps[ddim.timesteps.length - 1],
    unexpected: json.dropped.filter((d) => d.reason === 'unexpected').map((d) => d.diffusersName),
  };
}

/** The output transform on values inside and outside [−1, 1], float32 as in a float32 unet. */
export function outputFacts() {
  const values = [-1.4, -1, -0.5, 0, 0.999, 1, 1.6];
  const image = tensor(Float32Array.from(values), [values.length, 1]);
  const np = toOutputImages(float32Ops, image, 'np');
  const pil = toOutputImages(float32Ops, image, 'pil');
  return { rows: values.map((x, i) => ({ x: Math.fround(x), np: np.images[i], pil: pil.images[i] })) };
}
