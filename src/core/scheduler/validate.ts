/**
 * Argument checks shared by the schedulers' per-call methods. They run before any arithmetic and
 * throw `SchedulerStepError`s that name the argument and its valid range.
 */
import { describe, SchedulerInputError, SchedulerStepError } from './errors.ts';
import type { ArrayOps } from './ops.ts';

/** Same shape as the sample, and (when `finite`) no NaN or ±Infinity. */
export function checkArray<A>(ops: ArrayOps<A>, param: string, a: A, like: A | null, finite: boolean): void {
  if (like !== null) {
    const shape = ops.shape(a);
    const want = ops.shape(like);
    if (shape.length !== want.length || shape.some((d, i) => d !== want[i])) {
      throw new SchedulerStepError(param, `an array of the sample's shape [${want.join(', ')}]`, `shape [${shape.join(', ')}]`);
    }
  }
  if (finite && !ops.allFinite(a)) throw new SchedulerStepError(param, 'an array of finite numbers', 'an array containing NaN or ±Infinity');
}

/** A timestep listed in the current schedule. */
export function checkScheduled(param: string, t: unknown, timesteps: readonly number[]): number {
  if (typeof t === 'number' && timesteps.includes(t)) return t;
  throw new SchedulerStepError(param, `one of the scheduled timesteps ${describe(timesteps)}`, t);
}

/** An index Python would accept into an array of length T: an integer in [−T, T). */
export function checkIndex(param: string, t: unknown, T: number): number {
  if (typeof t === 'number' && Number.isInteger(t) && t >= -T && t < T) return t;
  throw new SchedulerStepError(param, `an integer in [${-T}, ${T - 1}] (an index into alphasCumprod)`, t);
}

export function checkFiniteNumber(param: string, x: unknown, min?: number): number {
  if (typeof x === 'number' && Number.isFinite(x) && (min === undefined || x >= min)) return x;
  throw new SchedulerStepError(param, min === undefined ? 'a finite number' : `a finite number ≥ ${min}`, x);
}

export function checkBoolean(param: string, x: unknown): boolean {
  if (typeof x === 'boolean') return x;
  throw new SchedulerStepError(param, 'true or false', x);
}

/** Exactly one source of noise when noise is needed (diffusers refuses both; it would draw from torch's global RNG for neither). */
export function checkNoiseSource(noise: unknown, generator: unknown, why: string): void {
  if (noise != null && generator != null) {
    throw new SchedulerStepError('generator', 'null when varianceNoise is given (pass one or the other)', 'a generator');
  }
  if (noise == null && generator == null) {
    throw new SchedulerStepError('varianceNoise', `an array of standard normal noise, or pass a seeded generator, ${why}`, noise);
  }
}

/**
 * An options object of step() holds only the keys it knows. Python raises a TypeError on an
 * unexpected keyword argument; a misspelt key (`etaa`) would otherwise be ignored without a word.
 */
export function checkOptionKeys(options: object | null | undefined, known: readonly string[], Err: typeof SchedulerInputError = SchedulerStepError): void {
  if (options == null) return;
  const range = `an object with keys among ${known.join(', ')}`;
  if (typeof options !== 'object') throw new Err('options', range, options);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new Err('options', range, key, `Unknown key "${key}".`);
  }
}
