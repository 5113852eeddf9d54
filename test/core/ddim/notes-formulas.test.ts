import { describe, expect, it } from 'vitest';
import { assertClose } from '../../assert-close.ts';
import { etaStep } from '../../../src/core/ddim/family.ts';
import { ddimUpdate } from '../../../src/core/ddim/update.ts';
import { sigmaEta } from '../../../src/core/ddim/sigma.ts';
import { noisy, noiseOf } from '../../../src/core/ddim/predict.ts';
import {
  NOTES_AS_WRITTEN,
  notesMarginals,
  notesPlan,
  notesStep,
  notesUpdate,
  type NotesFormulas,
  type NotesStepResult,
} from '../../../src/core/ddim/notes-formulas.ts';
import { labAlpha, movesAlong, movesFrom } from '../../../src/core/sampling/notes-moves.ts';
import { DDIMScheduler } from '../../../src/core/scheduler/ddim.ts';
import { labSchedulerConfig } from '../../../src/core/sampling/lab-config.ts';
import { ddimCoefficients, ddimStepCore } from '../../../src/core/scheduler/ddim-step.ts';
import { F64 } from '../../../src/core/scheduler/scalar.ts';
import { tensor, type Tensor } from '../../../src/core/scheduler/tensor.ts';
import { float64Ops } from '../../../src/core/scheduler/typed-ops.ts';
import { mulberry32, randn } from '../../../src/core/rng.ts';

const ok = (r: NotesStepResult) => {
  if (!r.ok) throw new Error(`no real value: ${r.radicand}`);
  return r;
};
const alpha64 = labAlpha({ precision: 'float64' });
/** A jump in the middle of a run: t = 500 → 480 (0-based), with α one training step below t. */
const jump = { alphaT: alpha64(500), alphaPrev: alpha64(480), alphaOneStep: alpha64(499) };
const xt = [0.4, -0.9, 1.3];
const eps = [1.1, 0.2, -0.5];
const z = [0.3, -1.2, 0.8];

describe('notesStep()', () => {
  it('with every switch off is the paper’s step (etaStep) exactly, for η from 0 to 1', () => {
    for (const eta of [0, 0.2, 0.5, 1]) {
      const r = ok(notesStep({ ...jump, eta }));
      expect(r.step).toEqual(etaStep(eta, jump.alphaT, jump.alphaPrev));
      expect(Array.from(notesUpdate(xt, eps, r, z).prev)).toEqual(Array.from(ddimUpdate(xt, eps, etaStep(eta, jump.alphaT, jump.alphaPrev), z).prev));
    }
  });

  it('noiseSquared alone scales the fresh noise by σ² (less noise for σ < 1) and changes nothing else', () => {
    const eta = 1;
    const paper = ok(notesStep({ ...jump, eta }));
    const notes = ok(notesStep({ ...jump, eta }, { noiseSquared: true }));
    const sigma = sigmaEta(eta, jump.alphaT, jump.alphaPrev);
    expect(sigma).toBeLessThan(1);
    assertClose(paper.noiseScale, sigma, { rel: 1e-15 });
    assertClose(notes.noiseScale, sigma ** 2, { rel: 1e-15 });
    expect(notes.noiseScale).toBeLessThan(paper.noiseScale);
    expect(notes.step.directionVariance).toBe(paper.step.directionVariance);
    // The two updates differ by (σ² − σ) z and by nothing else.
    const d = notesUpdate(xt, eps, notes, z).prev.map((v, i) => v - notesUpdate(xt, eps, paper, z).prev[i]);
    assertClose(d, z.map((zi) => (sigma ** 2 - sigma) * zi), { rel: 1e-9, abs: 1e-15 });
  });

  it('etaOnVariance alone gives σ² = η σ(1)², larger than η² σ(1)² for 0 < η < 1, equal at η = 0 and 1', () => {
    for (const eta of [0.2, 0.5, 0.8]) {
      const paper = ok(notesStep({ ...jump, eta }));
      const notes = ok(notesStep({ ...jump, eta }, { etaOnVariance: true }));
      expect(notes.sigma2).toBeGreaterThan(paper.sigma2);
      assertClose(notes.sigma2 / paper.sigma2, 1 / eta, { rel: 1e-12 });
      assertClose(notes.noiseScale, Math.sqrt(notes.sigma2), { rel: 1e-15 });
    }
    for (const eta of [0, 1]) assertClose(ok(notesStep({ ...jump, eta }, { etaOnVariance: true })).sigma2, ok(notesStep({ ...jump, eta })).sigma2, { rel: 1e-14, abs: 0 });
  });

  it('oneStepSigma alone uses α_{t−1}: a much smaller σ mid-run on a jump, the same σ on a one-step move', () => {
    const paper = ok(notesStep({ ...jump, eta: 1 }));
    const notes = ok(notesStep({ ...jump, eta: 1 }, { oneStepSigma: true }));
    assertClose(notes.sigma2, sigmaEta(1, jump.alphaT, jump.alphaOneStep) ** 2, { rel: 1e-15 });
    expect(notes.sigma2).toBeLessThan(paper.sigma2 / 10);
    expect(notes.step.directionVariance!).toBeGreaterThan(paper.step.directionVariance!);
    const oneStep = { alphaT: alpha64(500), alphaPrev: alpha64(499), alphaOneStep: alpha64(499), eta: 0.7 };
    assertClose(ok(notesStep(oneStep, { oneStepSigma: true })).sigma2, ok(notesStep(oneStep)).sigma2, { rel: 1e-15 });
  });
});

describe('notesPlan()', () => {
  /** diffusers' 50-step "leading" linear schedule: 980, 960, …, 20, 0, each to t − 20 (−1 past the end). */
  const ts = Array.from({ length: 50 }, (_, i) => 980 - 20 * i);
  const run50 = (eta: number) => movesFrom(ts, ts.map((t) => t - 20), eta, alpha64);

  it('reports the last jump of a 50-step linear run (20 → 0) as having no real value under the one-step σ, not NaN', () => {
    const plan = notesPlan(run50(1), { oneStepSigma: true });
    expect(plan.noRealValue).not.toBeNull();
    const bad = plan.noRealValue!;
    expect([bad.timestep, bad.prevTimestep, bad.index]).toEqual([20, 0, 48]);
    expect(bad.radicand).toBeLessThan(0);
    expect(Number.isFinite(bad.radicand)).toBe(true);
    assertClose(bad.radicand, bad.room - bad.sigma2, { rel: 1e-12 });
    expect(plan.steps).toHaveLength(48);
    for (const s of plan.steps) expect(Number.isFinite(s.noiseScale) && Number.isFinite(s.step.directionVariance!)).toBe(true);
    // The same run with the paper's σ (and with the notes' other two mistakes) has a real value everywhere.
    expect(notesPlan(run50(1)).noRealValue).toBeNull();
    expect(notesPlan(run50(1), { noiseSquared: true, etaOnVariance: true }).noRealValue).toBeNull();
  });

  it('all switches off runs the diffusers port’s float64 step (same noise) to 1e-12', () => {
    const ddim = new DDIMScheduler({ ...labSchedulerConfig('linear', 'sample'), schedulePrecision: 'float64' });
    const eta = 0.6;
    const x0 = Float64Array.from([0.6, -0.3, 0.2, 0.9]);
    const plan = notesPlan(run50(eta));
    expect(plan.noRealValue).toBeNull();
    let a = noisy(x0, randn(mulberry32(3), 4), alpha64(980));
    let b: Tensor<Float64Array> = tensor(Float64Array.from(a), [2, 2]);
    plan.steps.forEach((s, i) => {
      const noise = randn(mulberry32(100 + i), 4);
      a = notesUpdate(a, noiseOf(a, x0, s.step.alphaT), s, noise).prev;
      const c = ddimCoefficients(F64, s.timestep, s.prevTimestep, ddim.alphaProd(s.timestep), s.prevTimestep >= 0 ? ddim.alphaProd(s.prevTimestep) : 1, eta);
      b = ddimStepCore(float64Ops, F64, c, tensor(x0, [2, 2]), b, {
        predictionType: 'sample', thresholding: false, clipSample: false, clipSampleRange: 1,
        dynamicThresholdingRatio: 0.995, sampleMaxValue: 1, useClippedModelOutput: false, eta, varianceNoise: tensor(noise, [2, 2]),
      }).prevSample;
      assertClose(a, b.data, { rel: 1e-12, abs: 1e-12 });
    });
  });
});

describe('notesMarginals()', () => {
  const x0 = [0.6, -0.3];
  const tau = [800, 632, 483, 355, 246, 158, 88, 39, 9, 0];
  const marginals = (formulas: NotesFormulas, eta = 0.5) => {
    const moves = movesAlong(tau, eta, { precision: 'float64' });
    return notesMarginals(x0, moves[0].alphaT, tau[0], notesPlan(moves, formulas));
  };

  it('under the paper’s formulas stay N(√α x_0, (1 − α) I) at every step (Lemma 1)', () => {
    for (const m of marginals({})) {
      assertClose(m.variance, 1 - m.alpha, { rel: 1e-12, abs: 1e-15 });
      assertClose(m.mean, x0.map((v) => Math.sqrt(m.alpha) * v), { rel: 1e-12, abs: 1e-15 });
    }
  });

  it('under each of the notes’ mistakes keep the mean and move the variance, in the expected direction', () => {
    const at = (ms: ReturnType<typeof marginals>, t: number) => ms.find((m) => m.timestep === t)!;
    const ratio = (f: NotesFormulas) => at(marginals(f), 9).variance / (1 - at(marginals(f), 9).alpha);
    for (const f of [{ noiseSquared: true }, { etaOnVariance: true }, { oneStepSigma: true }]) {
      for (const m of marginals(f)) assertClose(m.mean, x0.map((v) => Math.sqrt(m.alpha) * v), { rel: 1e-12, abs: 1e-15 });
    }
    // σ² ε instead of σ ε: too little noise. η σ(1)² with η = 0.5: σ² is unchanged in the variance of
    // the marginal (σ² is added back whole), so that erratum alone leaves Lemma 1 intact; the one-step σ
    // likewise only changes the split between direction and noise.
    expect(ratio({ noiseSquared: true })).toBeLessThan(0.95);
    assertClose(ratio({ etaOnVariance: true }), 1, { rel: 1e-12 });
    assertClose(ratio({ oneStepSigma: true }), 1, { rel: 1e-12 });
    // Together with σ² noise, a larger σ² (η on the variance) takes even more variance away.
    expect(ratio({ noiseSquared: true, etaOnVariance: true })).toBeLessThan(ratio({ noiseSquared: true }));
  });

  it('the notes as written stop at the jump 9 → 0 of this τ at η = 0.5 (no real value)', () => {
    const plan = notesPlan(movesAlong(tau, 0.5, { precision: 'float64' }), NOTES_AS_WRITTEN);
    expect(plan.noRealValue && [plan.noRealValue.timestep, plan.noRealValue.prevTimestep]).toEqual([9, 0]);
  });
});
