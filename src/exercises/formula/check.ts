/**
 * Is a typed formula the reference formula? Compare them at many random valid points (seeded, so
 * the same answer always gets the same feedback), and when they differ, say how:
 * - it is a known wrong variant (e.g. σ² where σ belongs) → that variant's own feedback;
 * - it agrees only at special values of one variable ("matches at η = 0 but not at η = 0.5");
 * - it is off by a constant factor, or by sign;
 * - it ignores a variable the answer depends on, or uses one it does not;
 * - it is not finite where the answer is (square root of a negative, division by zero);
 * plus one concrete counterexample.
 */
import { mulberry32, type Rng } from '../../core/rng.ts';
import { compileFormula, type Evaluator, type FormulaError } from './parse.ts';
import type { FormulaPart, Params } from '../types.ts';

export interface Counterexample {
  point: Record<string, number>;
  expected: number;
  actual: number;
}

export interface FormulaVerdict {
  ok: boolean;
  error?: FormulaError;
  mistake?: string;
  probe?: { name: string; symbol: string; matches: number[]; fails: number };
  factor?: number;
  missing?: string[];
  extra?: string[];
  nonFinite?: Counterexample;
  counterexample?: Counterexample;
}

const POINTS = 40;
const PROBE_POINTS = 16;
const SEED = 0x5eed;

export function close(actual: number, expected: number, rel = 1e-9, abs = 1e-12): boolean {
  return Math.abs(actual - expected) <= abs + rel * Math.abs(expected);
}

export function checkFormula<P extends Params>(input: string, part: FormulaPart<P>, p: P): FormulaVerdict {
  const compiled = compileFormula(input, part.vars);
  if (!compiled.ok) return { ok: false, error: compiled.error };
  const f = compiled.evaluate;
  const reference = (v: Record<string, number>) => part.reference(v, p);
  const rng = mulberry32(SEED);
  const points = validPoints(() => part.point(rng), reference, POINTS);

  let counterexample: Counterexample | undefined;
  let nonFinite: Counterexample | undefined;
  for (const v of points) {
    const expected = reference(v);
    const actual = f(v);
    if (!Number.isFinite(actual) && !nonFinite) nonFinite = { point: v, expected, actual };
    if (!close(actual, expected) && !counterexample) counterexample = { point: v, expected, actual };
  }
  if (!counterexample) return { ok: true };

  const verdict: FormulaVerdict = { ok: false, counterexample };
  if (nonFinite) verdict.nonFinite = nonFinite;
  verdict.mistake = part.mistakes?.find((m) => points.every((v) => close(f(v), m.f(v))))?.id;
  verdict.probe = probeFor(f, part, reference, rng);
  verdict.factor = constantFactor(f, reference, points);
  // With derived variables (σ from η) a variable's influence is not separable: skip this diagnosis.
  if (part.complete) return verdict;
  const depends = dependencies(reference, points[0], part.vars.map((v) => v.name));
  const missing = [...depends].filter((n) => !compiled.symbols.has(n));
  const extra = [...compiled.symbols].filter((n) => !depends.has(n));
  if (missing.length) verdict.missing = missing;
  if (extra.length) verdict.extra = extra;
  return verdict;
}

/** `count` points where the reference is finite (gives up after many tries on a bad sampler). */
function validPoints(draw: () => Record<string, number>, reference: Evaluator, count: number): Record<string, number>[] {
  const out: Record<string, number>[] = [];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const v = draw();
    if (Number.isFinite(reference(v))) out.push(v);
  }
  if (out.length === 0) throw new Error('formula part: the point sampler never gives a point where the reference is finite');
  return out;
}

function probeFor<P extends Params>(f: Evaluator, part: FormulaPart<P>, reference: Evaluator, rng: Rng): FormulaVerdict['probe'] {
  for (const probe of part.probes ?? []) {
    const agreesAt = (value: number) => {
      const forced = () => {
        const v = { ...part.point(rng), [probe.name]: value };
        return part.complete ? part.complete(v) : v;
      };
      const pts = validPoints(forced, reference, PROBE_POINTS);
      return pts.every((v) => close(f(v), reference(v)));
    };
    const matches = probe.special.filter(agreesAt);
    if (matches.length > 0 && !agreesAt(probe.contrast)) {
      const symbol = part.vars.find((v) => v.name === probe.name)?.symbol ?? probe.name;
      return { name: probe.name, symbol, matches, fails: probe.contrast };
    }
  }
  return undefined;
}

/** k when answer = k × reference at every point (k ≠ 1), else undefined. */
function constantFactor(f: Evaluator, reference: Evaluator, points: Record<string, number>[]): number | undefined {
  let k: number | undefined;
  for (const v of points) {
    const r = reference(v);
    if (Math.abs(r) < 1e-9) continue;
    const ratio = f(v) / r;
    if (!Number.isFinite(ratio)) return undefined;
    if (k === undefined) k = ratio;
    else if (!close(ratio, k, 1e-7, 1e-12)) return undefined;
  }
  return k !== undefined && !close(k, 1) ? k : undefined;
}

/** The variables the reference actually changes with, found by nudging each one at a point. */
function dependencies(reference: Evaluator, at: Record<string, number>, names: string[]): Set<string> {
  const base = reference(at);
  const out = new Set<string>();
  for (const name of names) {
    for (const step of [1e-3, -1e-3]) {
      const moved = reference({ ...at, [name]: at[name] * (1 + step) + step });
      if (Number.isFinite(moved) && !close(moved, base, 1e-11, 1e-14)) {
        out.add(name);
        break;
      }
    }
  }
  return out;
}
