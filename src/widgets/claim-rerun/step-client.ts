/**
 * Live re-run of a claim about diffusers' scheduler, heavy half: loaded when the widget nears the
 * viewport. Evaluates the chosen claim at the reader's scheduler setting with the same code as the
 * page's badges and the tests, and shows both sides, the residual, the verdict and the step used.
 */
import type { WidgetContext, WidgetInstance } from '../runtime/island.ts';
import type { ParamValues } from '../params.ts';
import type { UiKey } from '../../i18n/index.ts';
import { getClaim } from '../../core/claims/registry.ts';
import { evaluateAtSetting } from '../../core/claims/example.ts';
import type { Claim } from '../../core/claims/types.ts';
import { schedulerAt, timestepsOf, type StepSetting, type StepSettingField } from '../../core/scheduler/step-setting.ts';
import { formatNumber } from '../../i18n/format.ts';
import { showResult, type Lookup } from './client.ts';
import { stepRerunParams, type StepRerunTable } from './step-params.ts';
import { PARAM_OF_FIELD, settingFor, type StepClaimMeta } from './step-setting-for.ts';

type Values = ParamValues<StepRerunTable>;
const num = (x: number) => formatNumber(x, 6);
/** An integer with a true minus sign (timesteps can be −1). */
const int = (x: number) => String(x).replace('-', '−');

/** Where the claim was evaluated, in words: the step (or the timesteps), what it ignores and what it fixes. */
function situationText(tr: Lookup, values: Values, claim: Claim, setting: StepSetting, zh: boolean): string {
  const { reads, needs } = claim.scheduler!;
  const steps = reads.includes('stepIndex') || needs.lastStep === true;
  const parts: string[] = [];
  if (steps) {
    const { s, t } = schedulerAt(setting);
    const c = s.coefficients(t, setting.eta);
    parts.push(
      tr('steprerun.situation.step', {
        schedule: tr(`schedule.${setting.betaSchedule}` as UiKey),
        T: setting.numTrainTimesteps,
        N: setting.numInferenceSteps,
        spacing: setting.timestepSpacing,
        k: setting.stepIndex,
        t: int(t),
        prev: int(c.prevTimestep),
        alpha: num(c.alphaProdT),
        alphaPrev: num(c.alphaProdTPrev),
        eta: setting.eta,
        seed: values.seed,
      }),
    );
  } else {
    const list = timestepsOf(setting);
    parts.push(tr('steprerun.situation.timesteps', { T: setting.numTrainTimesteps, N: setting.numInferenceSteps, offset: setting.stepsOffset, count: list.length, first: list[0], last: list[list.length - 1] }));
  }
  // What a stepping claim fixes is said separately; everything else it does not read is unused.
  const fixed = new Set<StepSettingField>();
  if (steps && needs.spacings?.length === 1) fixed.add('timestepSpacing');
  if (steps && needs.lastStep) fixed.add('stepIndex');
  if (steps && needs.eta !== undefined) fixed.add('eta');
  const labels = stepRerunParams([claim.id]);
  const unused = (Object.keys(PARAM_OF_FIELD) as StepSettingField[]).filter((f) => !reads.includes(f) && !fixed.has(f)).map((f) => tr(labels[PARAM_OF_FIELD[f]].label));
  if (unused.length > 0) parts.push(tr('steprerun.notUsed', { names: unused.join(zh ? '、' : ', ') }));
  if (fixed.has('timestepSpacing')) parts.push(tr('steprerun.fixedSpacing', { spacing: setting.timestepSpacing }));
  if (fixed.has('stepIndex')) parts.push(tr('steprerun.fixedLast', { k: setting.stepIndex }));
  if (fixed.has('eta')) parts.push(tr('rerun.fixedEta', { eta: setting.eta }));
  // Chinese sentences follow each other without a space.
  return parts.join(zh ? '' : ' ');
}

export async function mount(ctx: WidgetContext<StepRerunTable>): Promise<WidgetInstance<StepRerunTable>> {
  const { output, tr, setStatus } = ctx;
  const zh = ctx.root.dataset.lang === 'zh';
  ctx.root.querySelector('.rerun-placeholder')?.remove();
  return {
    update(values) {
      const claim = getClaim(values.claim);
      const meta: StepClaimMeta = { reads: claim.scheduler!.reads, needs: claim.scheduler!.needs };
      setStatus(tr('rerun.running'));
      const setting = settingFor(values, meta);
      const result = evaluateAtSetting(claim, setting, values.seed);
      showResult(output, tr, claim.id, result, () => situationText(tr, values, claim, setting, zh));
      setStatus(tr('rerun.ready'));
    },
  };
}
