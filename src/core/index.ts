/**
 * Public surface of the math core: pure TypeScript, float64 unless stated, no DOM, no tfjs.
 * Outside checks can import from here.
 */

// Schedules and notation (chapter "Notation and the forward process")
export { betaSchedule, BETA_SCHEDULES, parseBetaScheduleName, linspace, cosineAlphaBar } from './schedule/betas.ts';
export type { BetaScheduleName, BetaScheduleOptions } from './schedule/betas.ts';
export { alphasFromBetas, snr } from './schedule/alphas.ts';
export { forwardSample, forwardMoments } from './forward.ts';

// Randomness and statistics
export { mulberry32, uniform, randint, randn } from './rng.ts';
export type { Rng } from './rng.ts';
export { meanVariance } from './stats.ts';
