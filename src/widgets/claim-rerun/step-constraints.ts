/** The rules of the scheduler re-run, with messages that name the broken rule and its range. */
import type { UiKey } from '../../i18n/index.ts';
import type { Constraint, ParamValues } from '../params.ts';
import type { StepRerunTable } from './step-params.ts';
import { PARAM_OF_FIELD, readerProblem, type StepClaimMeta } from './step-setting-for.ts';

/** Numbers in messages: integers as they are; η_max rounded down, so that the shown bound is allowed. */
function show(name: string, x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return String(x).replace('-', '−');
  const digits = 5;
  const scale = 10 ** (digits - 1 - Math.floor(Math.log10(Math.abs(x))));
  const shown = name === 'max' ? Math.floor(x * scale) / scale : Math.round(x * scale) / scale;
  return String(shown).replace('-', '−');
}

export function stepRerunConstraints(meta: Record<string, StepClaimMeta>): Constraint<StepRerunTable>[] {
  return [
    (values: ParamValues<StepRerunTable>) => {
      const m = meta[values.claim];
      if (!m) return null;
      const problem = readerProblem(values, m);
      if (!problem) return null;
      const vars = Object.fromEntries(Object.entries(problem.vars).map(([k, v]) => [k, show(k, v)]));
      return { message: `steprerun.violation.${problem.code}` as UiKey, vars, param: PARAM_OF_FIELD[problem.field] };
    },
  ];
}
