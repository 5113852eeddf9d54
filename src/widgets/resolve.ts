/**
 * Conflicts between parameters, resolved in favour of what the reader set.
 *
 * A value the reader set (in the URL or in the form) that breaks a rule only because of another
 * parameter's *default* is kept, and that default is adjusted instead: `?rerun.t=5` lowers n from
 * its default 20 to 5 rather than throwing t = 5 away. Only the parameter a broken rule blames is
 * adjusted, when the reader did not set it, to the valid value nearest its current one (rule after
 * rule); if the blamed parameter is the reader's own, the conflict is between the reader's values
 * and the caller keeps its usual message.
 */
import { checkConstraints, type Constraint, type ConstraintError, type ParamSpec, type ParamTable, type ParamValues } from './params.ts';

export interface Adjustment {
  param: string;
  from: unknown;
  to: unknown;
}

export interface Resolved<T extends ParamTable> {
  values: ParamValues<T>;
  /** Parameters changed to fit the reader's values, in the order they were changed. */
  adjusted: Adjustment[];
}

/** Most int candidates tried per parameter (a wider range is sampled evenly). */
const MAX_CANDIDATES = 2001;
/** Most rounds of "fix the broken rule, check again". */
const MAX_ROUNDS = 8;

/** Values a parameter could take, nearest `current` first. Lists and typed timesteps are never guessed. */
function candidates(spec: ParamSpec, current: unknown): unknown[] {
  switch (spec.type) {
    case 'enum':
      return spec.choices.filter((c) => c !== current);
    case 'bool':
      return [!current];
    case 'int':
    case 'float': {
      const c = current as number;
      const out = new Set<number>([spec.min, spec.max]);
      const span = spec.max - spec.min;
      if (spec.type === 'int' && span + 1 <= MAX_CANDIDATES) {
        for (let v = spec.min; v <= spec.max; v++) out.add(v);
      } else {
        const count = MAX_CANDIDATES - 1;
        for (let i = 0; i <= count; i++) {
          const v = spec.min + (span * i) / count;
          out.add(spec.type === 'int' ? Math.round(v) : Number(v.toPrecision(6)));
        }
        if (spec.type === 'float' && spec.step) for (let v = spec.min; v <= spec.max && out.size < 4 * MAX_CANDIDATES; v += spec.step) out.add(Number(v.toPrecision(12)));
      }
      out.delete(c);
      return [...out].sort((a, b) => Math.abs(a - c) - Math.abs(b - c) || a - b);
    }
    default:
      return [];
  }
}

const sameRule = (a: ConstraintError, b: ConstraintError) => a.message === b.message && a.param === b.param;

/**
 * Make `values` satisfy `constraints` by changing only parameters outside `fixed`. Returns null
 * when that is impossible (the reader's own values conflict) and `values` unchanged (no
 * adjustment) when nothing is broken.
 */
export function resolveConflicts<T extends ParamTable>(
  table: T,
  constraints: readonly Constraint<T>[],
  values: ParamValues<T>,
  fixed: ReadonlySet<string>,
): Resolved<T> | null {
  let current = values;
  const adjusted: Adjustment[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const broken = checkConstraints(constraints, current);
    if (!broken) return { values: current, adjusted };
    // Only the parameter the rule blames is adjusted, and only if the reader did not set it: a
    // rule broken by the reader's own value keeps its message (no other choice is second-guessed).
    if (!broken.param || fixed.has(broken.param) || !(broken.param in table)) return null;
    const order = [broken.param];
    // Per parameter, in that order: a value that fixes every rule, else one that fixes this rule
    // but breaks another (the next round deals with it).
    let step: { values: ParamValues<T>; param: string } | null = null;
    for (const param of order) {
      let progress: { values: ParamValues<T>; param: string } | null = null;
      for (const candidate of candidates(table[param], (current as Record<string, unknown>)[param])) {
        const trial = { ...current, [param]: candidate } as ParamValues<T>;
        const still = checkConstraints(constraints, trial);
        if (!still) {
          step = { values: trial, param };
          break;
        }
        if (!progress && !sameRule(still, broken)) progress = { values: trial, param };
      }
      step ??= progress;
      if (step) break;
    }
    if (!step) return null;
    const from = (current as Record<string, unknown>)[step.param];
    const to = (step.values as Record<string, unknown>)[step.param];
    const earlier = adjusted.find((a) => a.param === step.param);
    if (earlier) earlier.to = to;
    else adjusted.push({ param: step.param, from, to });
    current = step.values;
  }
  return checkConstraints(constraints, current) ? null : { values: current, adjusted };
}
