/**
 * DDIMScheduler.fromConfig (src/core/scheduler/from-config.ts): the conversion DDIMPipeline's
 * constructor applies to any scheduler, with diffusers' rules for which keys survive.
 */
import { describe, expect, it } from 'vitest';
import { DDIMScheduler } from '../../../src/core/scheduler/ddim.ts';
import { DDPMScheduler } from '../../../src/core/scheduler/ddpm.ts';
import { ddimConfigFrom } from '../../../src/core/scheduler/from-config.ts';

describe('DDIMScheduler.fromConfig', () => {
  it('from a DDPM scheduler: variance_type is dropped as a compatible scheduler\'s key, set_alpha_to_one takes DDIM\'s default, the rest carries over', () => {
    const ddpm = new DDPMScheduler({ varianceType: 'fixed_large', stepsOffset: 1, betaSchedule: 'scaled_linear', betaStart: 0.00085, betaEnd: 0.012 });
    const { scheduler, conversion } = DDIMScheduler.fromConfigWithReport(ddpm.config as unknown as Record<string, unknown>, 'DDPMScheduler');
    expect(conversion.dropped.map((d) => `${d.diffusersName}:${d.reason}`)).toEqual(['variance_type:compatible']);
    expect(conversion.defaulted).toEqual(['setAlphaToOne']);
    expect(scheduler.config.setAlphaToOne).toBe(true);
    expect(scheduler.config.stepsOffset).toBe(1);
    expect(scheduler.config.betaSchedule).toBe('scaled_linear');
    expect(Array.from(scheduler.alphasCumprod)).toEqual(Array.from(ddpm.alphasCumprod));
    scheduler.setTimesteps(50);
    expect(scheduler.timesteps.slice(0, 3)).toEqual([981, 961, 941]);
  });

  it('from a diffusers JSON object (snake_case, _class_name): private keys skipped, unknown keys reported as unexpected', () => {
    const json = { _class_name: 'DDPMScheduler', _diffusers_version: '0.x', beta_schedule: 'linear', num_train_timesteps: 1000, variance_type: 'fixed_small', clip_sample: false, skip_prk_steps: true };
    const c = ddimConfigFrom(json);
    expect(c.sourceClass).toBe('DDPMScheduler');
    expect(c.carried).toEqual(['numTrainTimesteps', 'betaSchedule', 'clipSample']);
    expect(c.dropped).toEqual([
      { key: 'varianceType', diffusersName: 'variance_type', value: 'fixed_small', reason: 'compatible' },
      { key: 'skip_prk_steps', diffusersName: 'skip_prk_steps', value: true, reason: 'unexpected' },
    ]);
    expect(new DDIMScheduler(c.config).config.clipSample).toBe(false);
  });

  it('from a DDIM config: everything carries over, nothing is dropped', () => {
    const ddim = new DDIMScheduler({ setAlphaToOne: false, timestepSpacing: 'trailing' });
    const c = ddimConfigFrom(ddim.config as unknown as Record<string, unknown>);
    expect(c.dropped).toEqual([]);
    expect(c.defaulted).toEqual([]);
    expect(DDIMScheduler.fromConfig(ddim.config as unknown as Record<string, unknown>).config).toEqual(ddim.config);
  });

  it('refuses a value that is not an object, naming config', () => {
    expect(() => ddimConfigFrom(null as unknown as Record<string, unknown>)).toThrow(/^config must be a configuration object/);
  });
});
