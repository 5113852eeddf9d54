/**
 * The inference timesteps of `set_timesteps(N)` and the "previous timestep" each scheduler uses.
 *
 * diffusers (scheduling_ddim.py `DDIMScheduler.set_timesteps`; the spacings are Table 2 of
 * Lin et al. 2024, "Common Diffusion Noise Schedules and Sample Steps Are Flawed"):
 * - leading:  k·(T // N) for k = N−1 … 0, plus steps_offset (integer arithmetic);
 * - trailing: rint(arange(T, 0, −T/N)) − 1, a float arange: its length can be N + 1, and then
 *             the extra last entry is rint(≈0) − 1 = −1 (for T = 1000: N = 61, 103, 121, …);
 * - linspace: rint(linspace(0, T − 1, N)) reversed.
 * `rint` is numpy's round-half-to-even (src/core/scheduler/numpy.ts). steps_offset only affects leading.
 *
 * `DDIMScheduler.step()` does not look at this list: it takes prev = t − T // N whatever the spacing
 * (`ddimPrevTimestep`). `DDPMScheduler` takes the next entry of the list, −1 after the last
 * (`DDPMScheduler.previous_timestep`).
 */
import { arangeFloat, linspaceFloat, rint } from './numpy.ts';

export type TimestepSpacing = 'leading' | 'trailing' | 'linspace';
export const TIMESTEP_SPACINGS: readonly TimestepSpacing[] = ['leading', 'trailing', 'linspace'];

export interface SpacingOptions {
  /** T, diffusers `num_train_timesteps`. */
  numTrainTimesteps: number;
  timestepSpacing: TimestepSpacing;
  /** Added to every leading timestep (diffusers `steps_offset`). */
  stepsOffset: number;
}

/** The timesteps `set_timesteps(numInferenceSteps)` produces, in the order they are stepped. */
export function inferenceTimesteps(numInferenceSteps: number, o: SpacingOptions): number[] {
  const T = o.numTrainTimesteps;
  const N = numInferenceSteps;
  switch (o.timestepSpacing) {
    case 'leading': {
      const ratio = Math.floor(T / N);
      return Array.from({ length: N }, (_, i) => (N - 1 - i) * ratio + o.stepsOffset);
    }
    case 'trailing':
      return Array.from(arangeFloat(T, 0, -(T / N)), (x) => rint(x) - 1);
    case 'linspace':
      return Array.from(linspaceFloat(0, T - 1, N), rint).reverse();
  }
}

/** The previous timestep DDIM's `step()` uses: t − T // N (scheduling_ddim.py, step 1). */
export function ddimPrevTimestep(timestep: number, numTrainTimesteps: number, numInferenceSteps: number): number {
  return timestep - Math.floor(numTrainTimesteps / numInferenceSteps);
}

/** DDPM's previous timestep: the next entry of the schedule, or −1 after the last (first match wins). */
export function nextScheduleEntry(timesteps: readonly number[], timestep: number): number | undefined {
  const index = timesteps.indexOf(timestep);
  if (index < 0) return undefined;
  return index === timesteps.length - 1 ? -1 : timesteps[index + 1];
}

/** Where DDIM's prev = t − T // N differs from the schedule's next entry (−1 after the last). */
export function prevMismatches(timesteps: readonly number[], numTrainTimesteps: number, numInferenceSteps: number): number[] {
  const out: number[] = [];
  timesteps.forEach((t, i) => {
    const next = i === timesteps.length - 1 ? -1 : timesteps[i + 1];
    const prev = ddimPrevTimestep(t, numTrainTimesteps, numInferenceSteps);
    // After the last entry any negative prev means "use the final ᾱ", as −1 does.
    if (prev !== next && !(prev < 0 && next < 0)) out.push(i);
  });
  return out;
}
