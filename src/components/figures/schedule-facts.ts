/**
 * Numbers quoted in the prose of "Notation and the forward process", computed from src/core at
 * build time so that the text can never drift from the code.
 */
import { betaSchedule, cosineAlphaBar } from '../../core/schedule/betas.ts';
import { alphasFromBetas, snr } from '../../core/schedule/alphas.ts';
import { scheduleAlphas, T } from './schedules.ts';

export function scheduleFacts() {
  const alphas = scheduleAlphas();
  const cosineBetas = betaSchedule('squaredcos_cap_v2', { numTrainTimesteps: T });
  const clipped = cosineBetas.reduce((n, b) => n + (b >= 0.999 ? 1 : 0), 0);
  // Where no β is capped, the cosine schedule's α_t equals ᾱ(t/T)/ᾱ(0) exactly (telescoping product).
  const cosine = alphasFromBetas(cosineBetas);
  let worstTelescoping = 0;
  for (let t = 1; t <= T - clipped; t++) {
    const direct = cosineAlphaBar(t / T) / cosineAlphaBar(0);
    worstTelescoping = Math.max(worstTelescoping, Math.abs(cosine[t] - direct) / direct);
  }
  return {
    T,
    alphaT: { linear: alphas.linear[T], scaled_linear: alphas.scaled_linear[T], cosine: alphas.squaredcos_cap_v2[T] },
    snrT: { linear: snr(alphas.linear[T]), scaled_linear: snr(alphas.scaled_linear[T]), cosine: snr(alphas.squaredcos_cap_v2[T]) },
    alpha1: alphas.linear[1],
    cosineClipped: clipped,
    cosineTelescopingError: worstTelescoping,
    /** First t at which α_t drops below one half, per schedule. */
    halfway: Object.fromEntries(
      Object.entries(alphas).map(([name, a]) => [name, a.findIndex((v) => v < 0.5)]),
    ) as Record<keyof typeof alphas, number>,
  };
}
