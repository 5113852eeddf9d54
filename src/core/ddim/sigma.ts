/**
 * The noise scale of the DDIM family (Song, Meng & Ermon 2021).
 *
 * Notation (paper's, 1-based time): `alphaT` is α_t, `alphaPrev` is α_{t−1} — or, for a jump along
 * a subsequence τ (Appendix C.1), α_{τ_{i−1}}; both are DDPM's cumulative ᾱ.
 *
 * - eq. 16: σ_t(η) = η · √((1 − α_{t−1}) / (1 − α_t)) · √(1 − α_t / α_{t−1}).
 *   η = 0 is deterministic DDIM, η = 1 is DDPM's posterior standard deviation √β̃_t.
 * - §5.1 / Table 1: σ̂_t = √(1 − α_t / α_{t−1}), the larger variance (DDPM's β_t choice).
 * - eq. 12 needs 1 − α_{t−1} − σ_t² ≥ 0; `maxEta` is the largest η for which it holds.
 */

/** σ_t(η) of eq. 16. Throws on α outside (0, 1], α_t > α_{t−1} or η < 0. */
export function ddimSigma(alphaT: number, alphaPrev: number, eta: number): number {
  checkPair(alphaT, alphaPrev);
  if (!(eta >= 0)) throw new RangeError(`eta must be ≥ 0, got ${eta}`);
  return eta * Math.sqrt((1 - alphaPrev) / (1 - alphaT)) * Math.sqrt(1 - alphaT / alphaPrev);
}

/** σ̂_t = √(1 − α_t / α_{t−1}) (Table 1's "σ̂"; equals √β_t for a single step). */
export function ddimSigmaHat(alphaT: number, alphaPrev: number): number {
  checkPair(alphaT, alphaPrev);
  return Math.sqrt(1 - alphaT / alphaPrev);
}

/**
 * The largest η with 1 − α_{t−1} − σ_t(η)² ≥ 0:
 * η_max² = (1 − α_{t−1}) / σ_t(1)² = α_{t−1}(1 − α_t) / (α_{t−1} − α_t). Infinite when α_t = α_{t−1}.
 */
export function maxEta(alphaT: number, alphaPrev: number): number {
  checkPair(alphaT, alphaPrev);
  if (alphaT === alphaPrev) return Infinity;
  return Math.sqrt((alphaPrev * (1 - alphaT)) / (alphaPrev - alphaT));
}

function checkPair(alphaT: number, alphaPrev: number): void {
  for (const [name, a] of [['alphaT', alphaT], ['alphaPrev', alphaPrev]] as const) {
    if (!(a > 0 && a <= 1)) throw new RangeError(`${name} must be in (0, 1], got ${a}`);
  }
  if (alphaT >= 1) throw new RangeError(`alphaT must be < 1 (α_t = 1 means no noise at t), got ${alphaT}`);
  if (alphaT > alphaPrev) throw new RangeError(`alphaT must be ≤ alphaPrev (α decreases in t), got ${alphaT} > ${alphaPrev}`);
}
