/**
 * The experiments chapter's exercises one by one: each reference answer is accepted, a typical
 * wrong answer is recognised as its named mistake (whose feedback exists in both languages), and
 * the float64 runs behind "predict, then run" and "show it numerically" show what the solutions say.
 */
import { describe, expect, it } from 'vitest';
import { EXERCISES, TEXTS } from '../../../src/exercises/catalog/all.ts';
import { checkFormula } from '../../../src/exercises/formula/check.ts';
import { checkNumber } from '../../../src/exercises/numeric.ts';
import type { ChoicePart, ExerciseLogic, FormulaPart, NumberPart, Params } from '../../../src/exercises/types.ts';

const byId = (id: string): ExerciseLogic => EXERCISES.experiments.find((e) => e.id === `experiments/${id}`)!;
const part = <T>(e: ExerciseLogic, id: string) => e.parts.find((p) => p.id === id) as T;
const run = (e: ExerciseLogic, settings: Record<string, number>) => e.lab!.run(e.params.defaults, settings as never);
const num = (s: string) => Number(s.replace('−', '-').replace(/ × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)/, (_, exp: string) => `e${[...exp].map((c) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c) - 1).map((d) => (d < 0 ? '-' : String(d))).join('')}`));

function expectFeedback(e: ExerciseLogic, key: string): void {
  for (const lang of ['en', 'zh'] as const) expect(TEXTS[e.id][lang].feedback?.[key], `${e.id} (${lang}) feedback ${key}`).toBeTruthy();
}

function expectNumber(e: ExerciseLogic, id: string, p: Params, value: number, verdict: { ok: boolean; mistake?: string; slip?: string }): void {
  const r = checkNumber(value, part<NumberPart<Params>>(e, id), p);
  expect(r.ok, `${e.id} ${id} = ${value}`).toBe(verdict.ok);
  if (verdict.mistake) {
    expect(r.mistake).toBe(verdict.mistake);
    expectFeedback(e, verdict.mistake);
  }
  if (verdict.slip) expect(r.slip).toBe(verdict.slip);
}

describe('experiments chapter exercises', () => {
  it('has at least 5 exercises, one of each kind but code', () => {
    const kinds = new Set(EXERCISES.experiments.map((e) => e.kind));
    expect(EXERCISES.experiments.length).toBeGreaterThanOrEqual(5);
    for (const k of ['derive', 'compute', 'predict', 'find-error', 'numerically']) expect(kinds, k).toContain(k);
  });

  it('inversion-step: accepts x_{t+1} in any equivalent form and names the forward kernel, swapped levels and a missing term', () => {
    const e = byId('inversion-step');
    const f = part<FormulaPart<Params>>(e, 'up');
    expect(checkFormula(f.answer, f, {})).toEqual({ ok: true });
    expect(checkFormula('sqrt(α_next/α_t)*x_t + (sqrt(1-a_next) - sqrt(a_next*(1-a_t)/a_t))*ε', f, {}).ok).toBe(true);
    for (const [input, mistake] of [
      ['sqrt(a_next/a_t)*x_t + sqrt(1 - a_next/a_t)*eps', 'forwardKernel'],
      ['sqrt(a_t)*(x_t - sqrt(1 - a_next)*eps)/sqrt(a_next) + sqrt(1 - a_t)*eps', 'levelsSwapped'],
      ['sqrt(a_next)*(x_t - sqrt(1 - a_t)*eps)/sqrt(a_t)', 'noDirection'],
    ]) {
      const v = checkFormula(input, f, {});
      expect(v.ok, input).toBe(false);
      expect(v.mistake, input).toBe(mistake);
      expectFeedback(e, mistake);
    }
  });

  it('lerp-variance: (1 − λ)² + λ², the interpolant’s length in 3072 dimensions, and 1 for slerp at 90°', () => {
    const e = byId('lerp-variance');
    const p = { lambda: 0.5 };
    expectNumber(e, 'linear', p, 0.5, { ok: true });
    expectNumber(e, 'linear', p, 1, { ok: false, mistake: 'weightsSum' });
    expectNumber(e, 'linear', p, Math.SQRT1_2, { ok: false, slip: 'root' });
    expectNumber(e, 'norm', p, Math.sqrt(3072 / 2), { ok: true });
    expectNumber(e, 'norm', p, Math.sqrt(3072), { ok: false, mistake: 'fullNorm' });
    expectNumber(e, 'slerp', p, 1, { ok: true });
    expectNumber(e, 'slerp', p, 0.5, { ok: false, mistake: 'linear' });
    const q = { lambda: 0.2 };
    expectNumber(e, 'linear', q, 0.68, { ok: true });
  });

  it('slerp-weights: sin((1 − λ)θ)/sin θ and sin(λθ)/sin θ, with the straight line and swapped weights named', () => {
    const e = byId('slerp-weights');
    const p = e.params.defaults; // θ = 120°, λ = 0.25
    const th = (2 * Math.PI) / 3;
    expectNumber(e, 'wx', p, Math.sin(0.75 * th) / Math.sin(th), { ok: true });
    expectNumber(e, 'wy', p, Math.sin(0.25 * th) / Math.sin(th), { ok: true });
    expectNumber(e, 'wx', p, 0.75, { ok: false, mistake: 'linearX' });
    expectNumber(e, 'wy', p, 0.25, { ok: false, mistake: 'linearY' });
    expectNumber(e, 'wx', p, Math.sin(0.25 * th) / Math.sin(th), { ok: false, mistake: 'swappedX' });
    expectNumber(e, 'wy', p, Math.sin(0.75 * th) / Math.sin(th), { ok: false, mistake: 'swappedY' });
  });

  it('inversion-find-error: line (3), and the encoder’s miss c·(ε_θ(x_t) − ε_θ(x_{t+1}))', () => {
    const e = byId('inversion-find-error');
    expect(part<ChoicePart<Params>>(e, 'line').correct({})).toBe('l3');
    for (const wrong of ['l1', 'l2', 'l4']) expectFeedback(e, wrong);
    const p = e.params.defaults; // α_t = 0.9, α_{t+1} = 0.8, ε_θ(x_t) = 0.5, ε_θ(x_{t+1}) = 0.6
    const c = Math.sqrt(1 - 0.8) - Math.sqrt((0.8 * (1 - 0.9)) / 0.9);
    expectNumber(e, 'miss', p, c * (0.5 - 0.6), { ok: true });
    expectNumber(e, 'miss', p, -c * (0.5 - 0.6), { ok: false, slip: 'sign' });
    expectNumber(e, 'miss', p, 0.5 - 0.6, { ok: false, mistake: 'rawDifference' });
    expectNumber(e, 'miss', p, Math.sqrt(0.2) * (0.5 - 0.6), { ok: false, mistake: 'directionOnly' });
  });

  it('table1-predict: σ̂ is far worse at S = 10, and the rows come together by S = 1000', () => {
    const e = byId('table1-predict');
    expect(part<ChoicePart<Params>>(e, 'prediction').correct({})).toBe('sigmaHat');
    for (const wrong of ['eta0', 'eta1', 'same']) expectFeedback(e, wrong);
    const few = run(e, { S: 10, seed: 1 });
    expect(num(few.hat)).toBeLessThan(num(few.eta1) - 3);
    expect(num(few.eta0)).toBeGreaterThan(num(few.eta1));
    const many = run(e, { S: 1000, seed: 1 });
    const rows = [many.eta0, many.eta1, many.hat].map(num);
    expect(Math.max(...rows) - Math.min(...rows)).toBeLessThan(0.2);
  });

  it('consistency-eta-predict: at η = 1 the same x_T lands as far away as a different one; at η = 0 it stays close', () => {
    const e = byId('consistency-eta-predict');
    expect(part<ChoicePart<Params>>(e, 'prediction').correct({})).toBe('unrelated');
    expectFeedback(e, 'close');
    const noisy = run(e, { eta: 1, seed: 1 });
    expect(num(noisy.same)).toBeGreaterThan(0.8 * num(noisy.different));
    const deterministic = run(e, { eta: 0, seed: 1 });
    expect(num(deterministic.same)).toBeLessThan(0.25 * num(deterministic.different));
  });

  it('reconstruction-numerically: the error falls with S, while one step undone with its own ε is exact to rounding', () => {
    const e = byId('reconstruction-numerically');
    expect(part<ChoicePart<Params>>(e, 'trend').correct({})).toBe('falls');
    expect(part<ChoicePart<Params>>(e, 'source').correct({})).toBe('discretisation');
    for (const wrong of ['flat', 'grows', 'model', 'noise']) expectFeedback(e, wrong);
    const errors = [10, 100, 1000].map((S) => run(e, { S, seed: 1 }));
    const mse = errors.map((r) => num(r.mse));
    expect(mse[1]).toBeLessThan(mse[0] / 5);
    expect(mse[2]).toBeLessThan(mse[1] / 5);
    for (const r of errors) expect(num(r.roundTrip)).toBeLessThan(1e-14);
    expect(errors[0].paper).toBe('0.014');
    expect(run(e, { S: 37, seed: 1 }).paper).toBe('—');
  });
});
