/**
 * Reading and writing diffusers' `scheduler_config.json` (snake_case keys), so a configuration can
 * travel between diffusers and this port. `_class_name`, `_diffusers_version` and other keys
 * starting with "_" are metadata and are skipped; any other unknown key is an error.
 */
import { DIFFUSERS_NAMES, type DDPMSchedulerConfig, type ResolvedConfig } from './config.ts';
import { SchedulerConfigError } from './errors.ts';

const CAMEL_OF: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(Object.entries(DIFFUSERS_NAMES).map(([camel, snake]) => [snake, camel])));

/** camelCase configuration from a diffusers JSON object. */
export function fromDiffusersConfig(json: Record<string, unknown>): DDPMSchedulerConfig {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new SchedulerConfigError('config', 'a JSON object', json);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    if (key.startsWith('_')) continue;
    const camel = CAMEL_OF[key];
    if (camel === undefined) {
      throw new SchedulerConfigError('config', `an object whose keys are diffusers scheduler options (${Object.keys(CAMEL_OF).join(', ')})`, key, `"${key}" is not one.`);
    }
    out[camel] = value;
  }
  return out as DDPMSchedulerConfig;
}

/** diffusers JSON object for a resolved configuration (this port's own options are left out). */
export function toDiffusersConfig(config: ResolvedConfig & { varianceType?: string }, className = 'DDIMScheduler'): Record<string, unknown> {
  const out: Record<string, unknown> = { _class_name: className };
  for (const [camel, snake] of Object.entries(DIFFUSERS_NAMES)) {
    const value = (config as unknown as Record<string, unknown>)[camel];
    if (value !== undefined) out[snake] = value;
  }
  return out;
}
