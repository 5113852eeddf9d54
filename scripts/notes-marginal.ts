#!/usr/bin/env node
/**
 * How far each of the source notes' formula mistakes (errata items 1, 2 and 6) moves the marginal
 * q(x_t | x_0) of the σ-chain with the true x_0, at the Lemma 1 widget's default settings:
 * x_0 = (0.6, −0.3), τ quadratic with S = 10 (800, 632, …, 9, 0), η = 0.5, M = 4,000 chains, seed 1.
 *
 * For each variant (the paper; each erratum alone; all three, which is the notes as written) it prints
 * - the exact variance ratio Var[x_t | x_0]/(1 − α_t) at each step (notesMarginals: linear-Gaussian
 *   recursion in float64, no sampling), and the worst one;
 * - the widget's statistic on M float64 chains drawn with the widget's seeds: the largest |z| of all
 *   means and variances against N(√α x_0, (1 − α) I), and the Bonferroni limit for a 5% false alarm;
 * - the step with no real value, if any (the chains stop before it, as in the widget).
 *
 *   node scripts/notes-marginal.ts [--eta 0.5] [--chains 4000] [--seed 1] [--steps 10]
 */
import { NOTES_AS_WRITTEN, notesMarginals, notesPlan, notesUpdate, type NotesFormulas } from '../src/core/ddim/notes-formulas.ts';
import { noiseOf } from '../src/core/ddim/predict.ts';
import { familyZLimit, momentsAgainstNormal } from '../src/core/claims/montecarlo.ts';
import { mulberry32, randn } from '../src/core/rng.ts';
import { movesAlong } from '../src/core/sampling/notes-moves.ts';
import { makeTau } from '../src/core/sampling/tau.ts';
import { streamSeed } from '../src/widgets/lab/noise.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const eta = option('--eta', 0.5);
const M = option('--chains', 4000);
const seed = option('--seed', 1);
const S = option('--steps', 10);
const x0 = [0.6, -0.3];
const tau = makeTau('quadratic', S, { T: 1000, seed });

const variants: [string, NotesFormulas][] = [
  ['paper', {}],
  ['erratum 1 alone (σ² ε)', { noiseSquared: true }],
  ['erratum 2 alone (η σ(1)²)', { etaOnVariance: true }],
  ['erratum 6 alone (one-step σ)', { oneStepSigma: true }],
  ['errata 1 + 2', { noiseSquared: true, etaOnVariance: true }],
  ['errata 1 + 6', { noiseSquared: true, oneStepSigma: true }],
  ['all three (notes as written)', NOTES_AS_WRITTEN],
];

/** The widget's Monte Carlo statistic, in float64: M chains, the same seeds per step index. */
function chains(plan: ReturnType<typeof notesPlan>, a0: number) {
  const z = randn(mulberry32(streamSeed(seed, 0)), 2 * M);
  const xs0 = Float64Array.from({ length: 2 * M }, (_, i) => x0[i % 2]);
  let x: Float64Array<ArrayBufferLike> = Float64Array.from(xs0, (v, i) => Math.sqrt(a0) * v + Math.sqrt(1 - a0) * z[i]);
  let maxZ = 0;
  let tests = 0;
  const record = (alpha: number) => {
    for (let c = 0; c < 2; c++) {
      const values = Float64Array.from({ length: M }, (_, i) => x[2 * i + c]);
      const m = momentsAgainstNormal(values, Math.sqrt(alpha) * x0[c], 1 - alpha);
      maxZ = Math.max(maxZ, Math.abs(m.zMean), Math.abs(m.zVariance));
      tests += 2;
    }
  };
  record(a0);
  plan.steps.forEach((s, i) => {
    const noise = randn(mulberry32(streamSeed(seed, 1000 + i)), 2 * M);
    x = notesUpdate(x, noiseOf(x, xs0, s.step.alphaT), s, noise).prev;
    if (s.prevTimestep >= 0) record(s.step.alphaPrev);
  });
  return { maxZ, limit: familyZLimit(tests, 0.05) };
}

const moves = movesAlong(tau, eta, { precision: 'float64' });
console.log(`Lemma 1 widget defaults: x_0 = (${x0.join(', ')}), τ = (${tau.join(', ')}), η = ${eta}, M = ${M}, seed ${seed}; linear schedule, T = 1000.`);
const header = ['variant', 'worst Var/(1−α) [at t]', 'Var/(1−α) at each t (exact)', 'max |z| (MC)', 'limit', 'no real value'];
console.log(header.join(' | '));
for (const [name, formulas] of variants) {
  const plan = notesPlan(moves, formulas);
  const marg = notesMarginals(x0, moves[0].alphaT, tau[0], plan).filter((m) => m.alpha < 1);
  const ratios = marg.map((m) => ({ t: m.timestep, r: m.variance / (1 - m.alpha) }));
  const worst = ratios.reduce((w, r) => (Math.abs(Math.log(r.r)) > Math.abs(Math.log(w.r)) ? r : w));
  const mc = chains(plan, moves[0].alphaT);
  const bad = plan.noRealValue;
  console.log(
    [
      name,
      `${worst.r.toFixed(4)} [t = ${worst.t}]`,
      ratios.map((r) => `${r.t}:${r.r.toFixed(3)}`).join(' '),
      mc.maxZ.toFixed(2),
      mc.limit.toFixed(2),
      bad ? `t = ${bad.timestep} → ${bad.prevTimestep}: 1 − α_prev − σ² = ${bad.radicand.toExponential(3)}` : '—',
    ].join(' | '),
  );
}
