/**
 * The few numpy operations diffusers' `set_timesteps` uses, reproduced exactly (numpy 1.24).
 *
 * - `rint`: numpy's `round()` rounds halves to the nearest even integer (166.5 → 166, 167.5 → 168),
 *   unlike `Math.round` (166.5 → 167).
 * - `arangeFloat(start, stop, step)`: numpy's float `arange`. Its length is ceil((stop − start)/step)
 *   computed in double, and its values are start + i·δ where δ = (start + step) − start, not step
 *   itself (numpy's `DOUBLE_fill`). Both details matter: for 1000 training steps and 61 inference
 *   steps, (0 − 1000)/(−1000/61) is a hair above 61, so the array gets a 62nd entry close to 0.
 * - `linspaceFloat(start, stop, num)`: i·step + start with step = (stop − start)/(num − 1), the last
 *   entry set to stop exactly (numpy's `linspace` with endpoint=True).
 */

/** Round half to even, like `numpy.round` / `numpy.rint`. */
export function rint(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(x);
  // Math.round rounds halves up; a half with an odd result goes down instead.
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** numpy.arange(start, stop, step) for float arguments. */
export function arangeFloat(start: number, stop: number, step: number): Float64Array {
  const length = Math.max(0, Math.ceil((stop - start) / step));
  const out = new Float64Array(length);
  if (length === 0) return out;
  out[0] = start;
  if (length === 1) return out;
  out[1] = start + step;
  const delta = out[1] - out[0];
  for (let i = 2; i < length; i++) out[i] = start + i * delta;
  return out;
}

/** numpy.linspace(start, stop, num) (endpoint included). */
export function linspaceFloat(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  if (num === 0) return out;
  const div = num - 1;
  const delta = stop - start;
  if (div === 0) {
    out[0] = 0 * delta + start;
    return out;
  }
  const step = delta / div;
  for (let i = 0; i < num; i++) out[i] = step === 0 ? ((i / div) * delta) + start : i * step + start;
  out[num - 1] = stop;
  return out;
}
