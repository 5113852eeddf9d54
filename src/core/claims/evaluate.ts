/**
 * Evaluating a claim: over many random valid draws (for the page badge and the tests), or at one
 * situation chosen by the reader (live re-run). Seeds come from the claim id, so the page, the tests
 * and a rebuild all see the same numbers.
 */
import { mulberry32, type Rng } from '../rng.ts';
import { residual, violation } from './residual.ts';
import { drawSituation } from './situation.ts';
import { compareWithNormal, mcLimits } from './montecarlo.ts';
import type { Claim, DistributionClaim, ErratumClaim, IdentityClaim, InequalityClaim, Situation, Value } from './types.ts';

export const DEFAULT_TOLERANCE = 1e-12;
export const DEFAULT_DRAWS = 1000;
export const DEFAULT_MC_DRAWS = 12;
export const DEFAULT_MC_SAMPLES = 20000;

export interface IdentityResult {
  kind: 'identity';
  draws: number;
  /** Largest residual of line k against line 0, k = 1 … (one entry for a two-sided equation). */
  lines: number[];
  maxResidual: number;
  tolerance: number;
  pass: boolean;
  /** Values of the sides at the last evaluation (for the live re-run). */
  values?: Value[];
}

export interface InequalityResult {
  kind: 'inequality';
  draws: number;
  maxResidual: number;
  /** Smallest rhs − lhs seen (≥ 0 when the inequality holds). */
  minMargin: number;
  tolerance: number;
  pass: boolean;
  values?: Value[];
}

export interface DistributionResult {
  kind: 'distribution';
  draws: number;
  samples: number;
  maxZ: number;
  maxKs: number;
  limits: { z: number; ks: number };
  pass: boolean;
  /** At the last draw: sample mean, sample variance, target mean, target variance (coordinate 0). */
  last?: { mean: number; variance: number; targetMean: number; targetVariance: number };
}

export interface ErratumResult {
  kind: 'erratum';
  draws: number;
  wrong: { maxResidual: number; minResidual: number; aboveThreshold: number };
  corrected: { maxResidual: number };
  threshold: number;
  tolerance: number;
  pass: boolean;
  values?: { reference: Value; wrong: Value; corrected: Value };
}

export type ClaimResult = IdentityResult | InequalityResult | DistributionResult | ErratumResult;

function floorOf(claim: { floor?: number | ((p: any) => number) }, p: unknown): number | undefined {
  return typeof claim.floor === 'function' ? claim.floor(p) : claim.floor;
}

/** FNV-1a hash of the id: the claim's seed. */
export function seedOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface EvaluateOptions {
  draws?: number;
  seed?: number;
  /** Monte Carlo samples per draw. */
  samples?: number;
}

/** Evaluate over random valid draws. */
export function evaluateClaim(claim: Claim, options: EvaluateOptions = {}): ClaimResult {
  const rng = mulberry32(options.seed ?? seedOf(claim.id));
  const draws = options.draws ?? claim.draws ?? (claim.kind === 'distribution' ? DEFAULT_MC_DRAWS : DEFAULT_DRAWS);
  const situations = Array.from({ length: draws }, () => drawSituation(rng, claim.needs));
  return evaluateOver(claim, situations, rng, options);
}

/** Evaluate at the given situations (the reader's own, in the live re-run). */
export function evaluateOver(claim: Claim, situations: readonly Situation[], rng: Rng, options: EvaluateOptions = {}): ClaimResult {
  switch (claim.kind) {
    case 'identity':
      return identity(claim, situations, rng);
    case 'inequality':
      return inequality(claim, situations, rng);
    case 'distribution':
      return distribution(claim, situations, rng, options.samples ?? DEFAULT_MC_SAMPLES);
    case 'erratum':
      return erratum(claim, situations, rng);
  }
}

function identity(claim: IdentityClaim, situations: readonly Situation[], rng: Rng): IdentityResult {
  if (claim.sides.length < 2) throw new Error(`claim ${claim.id}: an identity needs at least two sides`);
  const tolerance = claim.tolerance ?? DEFAULT_TOLERANCE;
  const lines = new Array<number>(claim.sides.length - 1).fill(0);
  let values: Value[] = [];
  for (const s of situations) {
    const p = claim.setup(s, rng);
    values = claim.sides.map((side) => side(p));
    for (let k = 1; k < values.length; k++) {
      const r = residual(values[k], values[0], floorOf(claim, p));
      lines[k - 1] = Number.isNaN(r) ? Infinity : Math.max(lines[k - 1], r);
    }
  }
  const maxResidual = Math.max(...lines);
  return { kind: 'identity', draws: situations.length, lines, maxResidual, tolerance, pass: maxResidual <= tolerance, values };
}

function inequality(claim: InequalityClaim, situations: readonly Situation[], rng: Rng): InequalityResult {
  const tolerance = claim.tolerance ?? DEFAULT_TOLERANCE;
  let maxResidual = 0;
  let minMargin = Infinity;
  let values: Value[] = [];
  for (const s of situations) {
    const p = claim.setup(s, rng);
    const a = claim.lhs(p);
    const b = claim.rhs(p);
    values = [a, b];
    maxResidual = Math.max(maxResidual, violation(a, b, floorOf(claim, p)));
    minMargin = Math.min(minMargin, b - a);
  }
  return { kind: 'inequality', draws: situations.length, maxResidual, minMargin, tolerance, pass: maxResidual <= tolerance, values };
}

function distribution(claim: DistributionClaim, situations: readonly Situation[], rng: Rng, defaultSamples: number): DistributionResult {
  const samples = claim.samples ?? defaultSamples;
  const prepared = situations.map((s) => claim.setup(s, rng));
  const dims = prepared.map((p) => claim.target(p).mean.length);
  const limits = mcLimits(3 * dims.reduce((a, b) => a + b, 0));
  let maxZ = 0;
  let maxKs = 0;
  let last: DistributionResult['last'];
  prepared.forEach((p, j) => {
    const target = claim.target(p);
    const d = dims[j];
    const columns = Array.from({ length: d }, () => new Float64Array(samples));
    for (let i = 0; i < samples; i++) {
      const x = claim.simulate(p, rng);
      for (let c = 0; c < d; c++) columns[c][i] = x[c];
    }
    for (let c = 0; c < d; c++) {
      const st = compareWithNormal(columns[c], target.mean[c], target.variance);
      maxZ = Math.max(maxZ, Math.abs(st.zMean), Math.abs(st.zVariance));
      maxKs = Math.max(maxKs, st.ks);
      if (c === 0) last = { mean: st.mean, variance: st.variance, targetMean: target.mean[0], targetVariance: target.variance };
    }
  });
  const pass = Number.isFinite(maxZ) && maxZ <= limits.z && maxKs <= limits.ks;
  return { kind: 'distribution', draws: situations.length, samples, maxZ, maxKs, limits, pass, last };
}

function erratum(claim: ErratumClaim, situations: readonly Situation[], rng: Rng): ErratumResult {
  const tolerance = claim.tolerance ?? DEFAULT_TOLERANCE;
  const wrong = { maxResidual: 0, minResidual: Infinity, aboveThreshold: 0 };
  const corrected = { maxResidual: 0 };
  let values: ErratumResult['values'];
  for (const s of situations) {
    const p = claim.setup(s, rng);
    const reference = claim.reference(p);
    const w = claim.wrong(p);
    const c = claim.corrected(p);
    values = { reference, wrong: w, corrected: c };
    const floor = floorOf(claim, p);
    const rw = residual(w, reference, floor);
    wrong.maxResidual = Math.max(wrong.maxResidual, rw);
    wrong.minResidual = Math.min(wrong.minResidual, rw);
    if (rw > claim.threshold) wrong.aboveThreshold++;
    corrected.maxResidual = Math.max(corrected.maxResidual, residual(c, reference, floor));
  }
  const pass = corrected.maxResidual <= tolerance && wrong.maxResidual > claim.threshold;
  return { kind: 'erratum', draws: situations.length, wrong, corrected, threshold: claim.threshold, tolerance, pass, values };
}
