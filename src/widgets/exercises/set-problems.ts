/** Messages for set-link problems, shared by the composer and the set page. */
import type { UiKey } from '../../i18n/index.ts';
import type { SetProblem } from '../../exercises/sets/encode.ts';
import { pageData } from './page.ts';

export function setProblemText(problem: SetProblem): string {
  const { tr } = pageData();
  const vars: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(problem)) if (k !== 'code') vars[k] = Array.isArray(v) ? v.join(', ') : (v as string | number);
  return tr(`ex.set.problem.${problem.code}` as UiKey, vars);
}
