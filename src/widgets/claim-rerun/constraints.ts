/** The rules between the re-run's parameters, with messages that name the broken rule. */
import type { UiKey } from '../../i18n/index.ts';
import type { Constraint, ParamValues } from '../params.ts';
import type { RerunTable } from './params.ts';
import { readerViolation, type ClaimMeta } from './situation-for.ts';

const show = (x: number) => (Number.isInteger(x) ? String(x) : Number(x.toPrecision(4)).toString()).replace('-', '−');

/** Which parameter a rule is about (where the message goes when values come from the URL). */
const PARAM_OF: Record<string, string> = {
  alphaRange: 'alphas',
  alphaOrder: 'alphas',
  tooShort: 'T',
  tRange: 't',
  nRange: 'n',
  targetMin: 'n',
  etaNegative: 'eta',
  etaPositive: 'eta',
  varianceNegative: 'eta',
  chainVarianceNegative: 'eta',
};

export function rerunConstraints(meta: Record<string, ClaimMeta>): Constraint<RerunTable>[] {
  return [
    (values: ParamValues<RerunTable>) => {
      const m = meta[values.claim];
      if (!m) return null;
      const problem = readerViolation(values, m);
      if (!problem) return null;
      const vars = Object.fromEntries(Object.entries(problem.vars).map(([k, v]) => [k, show(v)]));
      return { message: `rerun.violation.${problem.code}` as UiKey, vars, param: PARAM_OF[problem.code] };
    },
  ];
}
