/**
 * Parsers for loose configuration values: each returns the value typed, or throws a
 * `SchedulerConfigError` naming the parameter and its valid range. Nothing is evaluated.
 */
import { SchedulerConfigError } from './errors.ts';

export function parseChoice<C extends string>(param: string, value: unknown, choices: readonly C[]): C {
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as C;
  throw new SchedulerConfigError(param, `one of ${choices.map((c) => `"${c}"`).join(', ')}`, value);
}

export function parseBoolean(param: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  throw new SchedulerConfigError(param, 'true or false', value);
}

export function parseInteger(param: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  const range = max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer in [${min}, ${max}]`;
  throw new SchedulerConfigError(param, range, value);
}

export interface NumberRange {
  min?: number;
  max?: number;
  /** Exclude `min` itself. */
  minOpen?: boolean;
}

export function describeNumberRange({ min, max, minOpen = false }: NumberRange): string {
  if (min === undefined && max === undefined) return 'a finite number';
  if (max === undefined) return `a finite number ${minOpen ? '>' : '≥'} ${min}`;
  if (min === undefined) return `a finite number ≤ ${max}`;
  return `a number in ${minOpen ? '(' : '['}${min}, ${max}]`;
}

export function parseNumber(param: string, value: unknown, range: NumberRange = {}): number {
  const { min, max, minOpen = false } = range;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (min === undefined || (minOpen ? value > min : value >= min)) &&
    (max === undefined || value <= max);
  if (ok) return value as number;
  throw new SchedulerConfigError(param, describeNumberRange(range), value);
}
