/**
 * Parameters of the live re-run of a claim: which claim, the schedule (named, or a typed list of
 * α values), t, n, η and the seed of the random vectors. The claim list is written into the page
 * at build time, so the table is built from it.
 */
import type { UiKey } from '../../i18n/index.ts';
import { defineParams } from '../params.ts';

export const RERUN_SCHEDULES = ['linear', 'scaled_linear', 'squaredcos_cap_v2', 'custom'] as const;
export type RerunSchedule = (typeof RERUN_SCHEDULES)[number];

/** Which of the reader's n and η a claim reads (its `uses`); a control it ignores is hidden. */
export type ClaimReads = Record<string, { n?: boolean; eta?: boolean | number }>;

export function rerunParams(claimIds: readonly string[], reads: ClaimReads = {}) {
  if (claimIds.length === 0) throw new Error('rerunParams: no claims');
  const reading = (what: 'n' | 'eta') => claimIds.filter((id) => (reads[id] ? reads[id][what] === true : true));
  return defineParams({
    claim: {
      type: 'enum',
      label: 'rerun.param.claim',
      choices: claimIds,
      default: claimIds[0],
      choiceLabels: Object.fromEntries(claimIds.map((id) => [id, `claimTitle.${id}` as UiKey])),
    },
    schedule: {
      type: 'enum',
      label: 'rerun.param.schedule',
      choices: RERUN_SCHEDULES,
      default: 'linear',
      choiceLabels: {
        linear: 'schedule.linear',
        scaled_linear: 'schedule.scaled_linear',
        squaredcos_cap_v2: 'schedule.squaredcos_cap_v2',
        custom: 'rerun.schedule.custom',
      },
    },
    T: { type: 'int', label: 'rerun.param.T', min: 2, max: 1000, default: 1000 },
    alphas: { type: 'list', label: 'rerun.param.alphas', default: [0.9, 0.7, 0.5, 0.3, 0.1], maxLength: 1000 },
    t: { type: 'int', label: 'rerun.param.t', min: 1, max: 1000, default: 500 },
    n: { type: 'int', label: 'rerun.param.n', min: 1, max: 1000, default: 20, shownWhen: { param: 'claim', in: reading('n') } },
    // The slider covers the usual range (η_max is a few units at most steps); larger η is typed.
    eta: { type: 'float', label: 'rerun.param.eta', min: 0, max: 100, sliderMax: 3, default: 0.5, step: 0.01, shownWhen: { param: 'claim', in: reading('eta') } },
    seed: { type: 'int', label: 'rerun.param.seed', min: 0, max: 4294967295, default: 1 },
  });
}

export type RerunTable = ReturnType<typeof rerunParams>;
