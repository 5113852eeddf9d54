/**
 * Typed errors of the scheduler port. Every message names the parameter, says what its valid range
 * is, and shows the value that was rejected; `.param` and `.validRange` carry the same facts for code.
 *
 * - `SchedulerConfigError`: raised by the constructors and by `setTimesteps()`, i.e. before any sampling.
 * - `SchedulerStepError`: raised at the entry of `step()`, `addNoise()`, `getVelocity()` and
 *   `getVariance()`, after checking their arguments and before any arithmetic.
 *
 * Both extend `RangeError`, so `catch (e) { if (e instanceof RangeError) … }` catches every bad input.
 */

/** Base class: a value outside its valid range. */
export class SchedulerInputError extends RangeError {
  /** camelCase name of the offending parameter, e.g. "numInferenceSteps" or "eta". */
  readonly param: string;
  /** Human-readable valid range, e.g. "an integer in [1, 1000]". */
  readonly validRange: string;
  /** The rejected value, as it was received. */
  readonly got: unknown;

  constructor(param: string, validRange: string, got: unknown, detail = '') {
    super(`${param} must be ${validRange}; got ${describe(got)}.${detail ? ` ${detail}` : ''}`);
    this.name = new.target.name;
    this.param = param;
    this.validRange = validRange;
    this.got = got;
  }
}

/** Invalid configuration, or an invalid `setTimesteps()` call. */
export class SchedulerConfigError extends SchedulerInputError {}

/** An invalid argument to `step()` (or another per-call method). */
export class SchedulerStepError extends SchedulerInputError {}

/** A short, safe rendering of a rejected value for an error message. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value === null || value === undefined || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length > 6 ? `[${value.slice(0, 6).map(describe).join(', ')}, … (${value.length} entries)]` : `[${value.map(describe).join(', ')}]`;
  if (ArrayBuffer.isView(value)) return `${value.constructor.name} of length ${(value as unknown as ArrayLike<number>).length}`;
  return typeof value;
}
