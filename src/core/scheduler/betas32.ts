/**
 * β and ᾱ (`alphas_cumprod`) exactly as diffusers computes them, plus a float64 counterpart.
 *
 * diffusers (scheduling_ddim.py `DDIMScheduler.__init__`, `betas_for_alpha_bar`,
 * `rescale_zero_terminal_snr`) keeps all of these as float32 tensors:
 * - linear: `torch.linspace(beta_start, beta_end, T, float32)`;
 * - scaled_linear: `torch.linspace(√beta_start, √beta_end, T, float32) ** 2` (squared in float32);
 * - squaredcos_cap_v2: β_i = min(1 − ᾱ(i+1/T)/ᾱ(i/T), 0.999) in Python doubles, then float32, with
 *   ᾱ(τ) = cos²((τ + 0.008)/1.008 · π/2) (Nichol & Dhariwal 2021, eq. 17);
 * - trained_betas: the given list, as float32;
 * - rescale_zero_terminal_snr (Lin et al. 2024, "Common Diffusion Noise Schedules and Sample Steps
 *   Are Flawed", Algorithm 1): shift and scale √ᾱ so that √ᾱ_{T−1} = 0 and √ᾱ_0 is unchanged, all in float32;
 * - alphas = 1 − betas (float32); alphas_cumprod = torch.cumprod, whose CPU kernel multiplies in
 *   double and stores float32: ᾱ_k = fl32(∏_{j≤k} α_j computed sequentially in double).
 *
 * Index convention: 0-based like diffusers, `alphasCumprod[k]` = the DDIM paper's α_{k+1}
 * (see src/core/schedule/alphas.ts for the paper's 1-based array).
 *
 * The float64 variant evaluates the same formulas in double (β from src/core/schedule/betas.ts).
 * It is not what diffusers computes; it exists so that the float64 path can be exact double
 * arithmetic end to end (`schedulePrecision: 'float64'`).
 */
import { betaSchedule, cosineAlphaBar, type BetaScheduleName } from '../schedule/betas.ts';
import { torchLinspaceFloat32 } from './torch-linspace.ts';
import type { Precision } from './scalar.ts';

const f = Math.fround;

export interface BetaOptions {
  numTrainTimesteps: number;
  betaStart: number;
  betaEnd: number;
  betaSchedule: BetaScheduleName;
  trainedBetas?: ArrayLike<number> | null;
  rescaleBetasZeroSnr: boolean;
}

/** diffusers' float32 betas, bit for bit (linear and scaled-linear via `torchLinspaceFloat32`). */
export function diffusersBetas32(o: BetaOptions): Float32Array {
  let betas: Float32Array;
  if (o.trainedBetas) betas = Float32Array.from(o.trainedBetas);
  else if (o.betaSchedule === 'linear') betas = torchLinspaceFloat32(o.betaStart, o.betaEnd, o.numTrainTimesteps);
  else if (o.betaSchedule === 'scaled_linear') {
    betas = torchLinspaceFloat32(Math.sqrt(o.betaStart), Math.sqrt(o.betaEnd), o.numTrainTimesteps).map((r) => f(r * r));
  } else {
    const T = o.numTrainTimesteps;
    betas = new Float32Array(T);
    // Python doubles: 1 − ᾱ(t2)/ᾱ(t1), capped at max_beta = 0.999, then one rounding to float32.
    for (let i = 0; i < T; i++) betas[i] = Math.min(1 - cosineAlphaBar((i + 1) / T) / cosineAlphaBar(i / T), 0.999);
  }
  return o.rescaleBetasZeroSnr ? rescaleZeroTerminalSnr(betas, 'float32') as Float32Array : betas;
}

/** The same schedule in float64 throughout. */
export function betas64(o: BetaOptions): Float64Array {
  const betas = o.trainedBetas
    ? Float64Array.from(o.trainedBetas)
    : betaSchedule(o.betaSchedule, { numTrainTimesteps: o.numTrainTimesteps, betaStart: o.betaStart, betaEnd: o.betaEnd });
  return o.rescaleBetasZeroSnr ? (rescaleZeroTerminalSnr(betas, 'float64') as Float64Array) : betas;
}

/**
 * ᾱ_k = ∏_{j≤k} (1 − β_j). float32: α_j = fl32(1 − β_j), product accumulated in double, each
 * partial product stored as float32 (torch's CPU cumprod). float64: plain double.
 */
export function cumprodAlphas(betas: Float32Array | Float64Array): Float32Array | Float64Array {
  const out = betas instanceof Float32Array ? new Float32Array(betas.length) : new Float64Array(betas.length);
  const one = (b: number) => (betas instanceof Float32Array ? f(1 - b) : 1 - b);
  let product = 1;
  for (let k = 0; k < betas.length; k++) {
    product *= one(betas[k]);
    out[k] = product;
  }
  return out;
}

/**
 * Lin et al.'s zero-terminal-SNR rescaling, in the array's precision (diffusers
 * `rescale_zero_terminal_snr`: √ᾱ ← (√ᾱ − √ᾱ_{T−1}) · √ᾱ_0 / (√ᾱ_0 − √ᾱ_{T−1}), then back to β).
 * The last β becomes exactly 1, so ᾱ_{T−1} = 0.
 */
export function rescaleZeroTerminalSnr(betas: Float32Array | Float64Array, precision: Precision): Float32Array | Float64Array {
  const r = precision === 'float32' ? f : (x: number) => x;
  const n = betas.length;
  const sqrtBar = Array.from(cumprodAlphas(betas), (a) => r(Math.sqrt(a)));
  const first = sqrtBar[0];
  const last = sqrtBar[n - 1];
  const scale = r(first / r(first - last));
  const bar = sqrtBar.map((s) => {
    const shifted = r(r(s - last) * scale);
    return r(shifted * shifted);
  });
  const out = precision === 'float32' ? new Float32Array(n) : new Float64Array(n);
  out[0] = r(1 - bar[0]);
  for (let k = 1; k < n; k++) out[k] = r(1 - r(bar[k] / bar[k - 1]));
  return out;
}
