/**
 * A row-by-row account of a timestep schedule, for the spacing visualiser and the walkthrough:
 * the float value numpy rounded, whether round-half-to-even changed it, the next schedule entry
 * (DDPM's previous timestep), DDIM's prev = t − T // N, and where the two disagree.
 */
import { arangeFloat, linspaceFloat, rint } from './numpy.ts';
import { ddimPrevTimestep, inferenceTimesteps, type SpacingOptions } from './timesteps.ts';

export interface TimestepRow {
  k: number;
  t: number;
  /** The float numpy rounded (trailing: before the − 1), or null for leading (integer arithmetic). */
  raw: number | null;
  /** Math.round would have given a different timestep (an exact half rounded to even). */
  halfToEven: boolean;
  /** The next schedule entry, −1 after the last: where DDPMScheduler steps to. */
  next: number;
  /** t − T // N: where DDIMScheduler.step() steps to (negative means the final ᾱ). */
  ddimPrev: number;
  /** DDIM's prev and the next entry differ (both negative counts as agreeing). */
  mismatch: boolean;
  /** t outside [0, T): −1 from trailing, or T and above from leading with stepsOffset. */
  outOfRange: boolean;
}

export interface TimestepReport {
  rows: TimestepRow[];
  /** Entries beyond N (trailing can add one). */
  extra: number;
  mismatches: number;
  halvesToEven: number;
  outOfRange: number[];
}

export function timestepReport(numInferenceSteps: number, o: SpacingOptions): TimestepReport {
  const T = o.numTrainTimesteps;
  const N = numInferenceSteps;
  const timesteps = inferenceTimesteps(N, o);
  const raws: (number | null)[] =
    o.timestepSpacing === 'trailing'
      ? Array.from(arangeFloat(T, 0, -(T / N)))
      : o.timestepSpacing === 'linspace'
        ? Array.from(linspaceFloat(0, T - 1, N)).reverse()
        : timesteps.map(() => null);
  const rows = timesteps.map((t, k): TimestepRow => {
    const raw = raws[k];
    const next = k === timesteps.length - 1 ? -1 : timesteps[k + 1];
    const ddimPrev = ddimPrevTimestep(t, T, N);
    return {
      k,
      t,
      raw,
      halfToEven: raw !== null && rint(raw) !== Math.round(raw),
      next,
      ddimPrev,
      mismatch: ddimPrev !== next && !(ddimPrev < 0 && next < 0),
      outOfRange: t < 0 || t >= T,
    };
  });
  return {
    rows,
    extra: rows.length - N,
    mismatches: rows.filter((r) => r.mismatch).length,
    halvesToEven: rows.filter((r) => r.halfToEven).length,
    outOfRange: rows.filter((r) => r.outOfRange).map((r) => r.t),
  };
}
