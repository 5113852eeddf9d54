/**
 * diffusers' `SchedulerMixin.from_config(config)` for a DDIMScheduler target, as `DDIMPipeline.__init__`
 * uses it ("make sure scheduler can always be converted to DDIM": `DDIMScheduler.from_config(scheduler.config)`,
 * pipeline_ddim.py at 58eb52c). The rules are those of `ConfigMixin.extract_init_dict`
 * (configuration_utils.py):
 *
 * - keys DDIMScheduler's `__init__` takes are carried over;
 * - keys that belong to a compatible scheduler (`_compatibles`, e.g. DDPMScheduler's `variance_type`)
 *   or to the source class are dropped without a warning (they stay in the config's hidden part);
 * - any other key is dropped with the warning "… were passed to DDIMScheduler, but are not expected
 *   and will be ignored";
 * - DDIM keys the source lacks take DDIM's defaults (a DDPM config has no `set_alpha_to_one`, so it
 *   becomes true).
 *
 * This port does not raise or log: it returns what was kept, what was dropped and why, and what was
 * defaulted, so a page can show it. The port's own options (`schedulePrecision`, `strict`) carry over.
 */
import { DIFFUSERS_NAMES, type SchedulerConfig } from './config.ts';
import { SchedulerConfigError } from './errors.ts';

/** DDIMScheduler.__init__ keywords (scheduling_ddim.py), camelCase. */
export const DDIM_INIT_KEYS = [
  'numTrainTimesteps', 'betaStart', 'betaEnd', 'betaSchedule', 'trainedBetas', 'clipSample', 'setAlphaToOne', 'stepsOffset',
  'predictionType', 'thresholding', 'dynamicThresholdingRatio', 'clipSampleRange', 'sampleMaxValue', 'timestepSpacing', 'rescaleBetasZeroSnr',
] as const;

/** DDPMScheduler.__init__ keywords (scheduling_ddpm.py), camelCase: no setAlphaToOne, plus varianceType. */
export const DDPM_INIT_KEYS = [
  'numTrainTimesteps', 'betaStart', 'betaEnd', 'betaSchedule', 'trainedBetas', 'varianceType', 'clipSample', 'predictionType',
  'thresholding', 'dynamicThresholdingRatio', 'clipSampleRange', 'sampleMaxValue', 'timestepSpacing', 'stepsOffset', 'rescaleBetasZeroSnr',
] as const;

/** Options of this port that are not diffusers keys; they travel with the config unchanged. */
const PORT_KEYS = ['schedulePrecision', 'strict'] as const;

export type SourceClass = 'DDIMScheduler' | 'DDPMScheduler';
export const SOURCE_CLASSES: readonly SourceClass[] = ['DDIMScheduler', 'DDPMScheduler'];

export interface DroppedKey {
  /** camelCase name (snake_case in `diffusersName`). */
  key: string;
  diffusersName: string;
  value: unknown;
  /**
   * "compatible": a key of the source class or of a compatible scheduler, dropped silently by diffusers;
   * "unexpected": unknown to every scheduler here, dropped by diffusers with a warning.
   */
  reason: 'compatible' | 'unexpected';
}

export interface ConfigConversion {
  sourceClass: SourceClass;
  /** The DDIM configuration the new scheduler is built from (port options included). */
  config: SchedulerConfig;
  /** DDIM keys taken from the source, in DDIM's signature order. */
  carried: string[];
  dropped: DroppedKey[];
  /** DDIM keys the source did not have: DDIM's defaults apply. */
  defaulted: string[];
}

const SNAKE_TO_CAMEL: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(Object.entries(DIFFUSERS_NAMES).map(([camel, snake]) => [snake, camel])));

/**
 * The DDIM configuration `DDIMScheduler.from_config(source)` would build. `source` is a scheduler's
 * `config` (camelCase, this port) or a diffusers `scheduler_config.json` object (snake_case, with
 * `_class_name`); `sourceClass` defaults to the JSON's `_class_name`, else DDIMScheduler.
 */
export function ddimConfigFrom(source: Readonly<Record<string, unknown>>, sourceClass?: SourceClass): ConfigConversion {
  if (source === null || typeof source !== 'object' || Array.isArray(source)) throw new SchedulerConfigError('config', 'a configuration object', source);
  const named = source._class_name;
  const cls = sourceClass ?? (typeof named === 'string' && (SOURCE_CLASSES as readonly string[]).includes(named) ? (named as SourceClass) : 'DDIMScheduler');
  if (!SOURCE_CLASSES.includes(cls)) throw new SchedulerConfigError('sourceClass', `one of ${SOURCE_CLASSES.join(', ')}`, cls);
  const sourceKeys: readonly string[] = cls === 'DDPMScheduler' ? DDPM_INIT_KEYS : DDIM_INIT_KEYS;
  const compatibleKeys = new Set<string>([...DDPM_INIT_KEYS, ...DDIM_INIT_KEYS]);

  const config: Record<string, unknown> = {};
  const carried: string[] = [];
  const dropped: DroppedKey[] = [];
  for (const [rawKey, value] of Object.entries(source)) {
    if (rawKey.startsWith('_') || value === undefined) continue; // private keys: `_class_name`, `_diffusers_version`
    const key = SNAKE_TO_CAMEL[rawKey] ?? rawKey;
    if ((PORT_KEYS as readonly string[]).includes(key)) {
      config[key] = value;
      continue;
    }
    const diffusersName = DIFFUSERS_NAMES[key] ?? rawKey;
    if (!(DDIM_INIT_KEYS as readonly string[]).includes(key)) {
      dropped.push({ key, diffusersName, value, reason: compatibleKeys.has(key) ? 'compatible' : 'unexpected' });
    } else if (!sourceKeys.includes(key)) {
      // A DDIM key that the source class does not have. This port's DDPMScheduler.config carries
      // every shared option, setAlphaToOne included, but diffusers' DDPMScheduler has no
      // set_alpha_to_one and never writes one: the key is not part of the source, and DDIM's default applies.
      continue;
    } else {
      config[key] = value;
    }
  }
  for (const key of DDIM_INIT_KEYS) if (key in config) carried.push(key);
  const defaulted = DDIM_INIT_KEYS.filter((key) => !(key in config));
  return { sourceClass: cls, config: config as SchedulerConfig, carried, dropped, defaulted };
}
