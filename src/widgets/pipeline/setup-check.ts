/**
 * The scheduler's own checks of the pipeline widget's settings, run before any sampling (light half:
 * imports the schedulers only). diffusers would fail inside the loop or return NaN; the port's
 * strict checks refuse the settings up front, and the widget shows the message under the field.
 */
import { DDIMScheduler } from '../../core/scheduler/ddim.ts';
import { DDPMScheduler } from '../../core/scheduler/ddpm.ts';
import { SchedulerInputError } from '../../core/scheduler/errors.ts';
import type { SchedulerConfig } from '../../core/scheduler/config.ts';
import type { TimestepSpacing } from '../../core/scheduler/timesteps.ts';
import type { ConstraintError } from '../params.ts';

export interface SchedulerChoice {
  source: 'ddim' | 'ddpm';
  spacing: TimestepSpacing;
  offset: number;
  clip: boolean;
}

/** The scheduler a model would ship with: a DDPM config (diffusers' default DDPMScheduler) or a DDIM one. */
export function sourceScheduler(v: SchedulerChoice): DDIMScheduler | DDPMScheduler {
  const config: SchedulerConfig = { timestepSpacing: v.spacing, stepsOffset: v.offset, clipSample: v.clip };
  return v.source === 'ddpm' ? new DDPMScheduler(config) : new DDIMScheduler(config);
}

const PARAM_OF: Readonly<Record<string, string>> = { numInferenceSteps: 'steps', stepsOffset: 'offset', eta: 'eta', timestepSpacing: 'spacing' };

/** What the scheduler refuses for these values before sampling, as a field message; null when it accepts them. */
export function pipelineSetupError(v: SchedulerChoice & { steps: number; eta: number }): ConstraintError | null {
  try {
    const scheduler = DDIMScheduler.fromConfig(sourceScheduler(v).config as unknown as Record<string, unknown>);
    scheduler.setTimesteps(v.steps, { eta: v.eta });
    return null;
  } catch (error) {
    if (!(error instanceof SchedulerInputError)) throw error;
    return { message: 'pipe.error.scheduler', vars: { message: error.message }, param: PARAM_OF[error.param] ?? 'steps' };
  }
}
