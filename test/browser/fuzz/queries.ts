/**
 * Seeded hostile query strings for a widget page, generated from the parameters its widgets
 * declare (read from the built markup): out-of-range, boundary, NaN / Infinity, huge N, text,
 * empty, repeated and unknown keys, 10,000-character values, unicode and script-injection
 * payloads. Each query records which parameters it makes invalid, so the test can check that a
 * message names each of them.
 */
import { mulberry32, type Rng } from '../../../src/core/rng.ts';

export interface FuzzParam {
  widget: string;
  name: string;
  kind: 'number' | 'enum' | 'bool' | 'list' | 'timesteps';
  /** Numbers: the slider's range and whether only whole numbers are accepted. */
  min?: number;
  max?: number;
  integer?: boolean;
  choices?: string[];
}

export interface FuzzQuery {
  search: string;
  /** "widget.name" of each parameter given an invalid value (first occurrence of its key). */
  invalid: string[];
  /** What kinds of value the query holds (for the report). */
  kinds: string[];
}

/** Payloads that would run script if any were ever inserted as HTML or evaluated. */
export const INJECTIONS = [
  '<script>__fuzzPwned("script")</script>',
  '"><img src=x onerror=__fuzzPwned("img")>',
  "'><svg onload=__fuzzPwned('svg')>",
  'javascript:__fuzzPwned("js")',
  '${__fuzzPwned("template")}',
  '{{constructor.constructor("__fuzzPwned(\'ctor\')")()}}',
  '</textarea><script>__fuzzPwned("ta")</script>',
  '<iframe srcdoc="<script>parent.__fuzzPwned(1)</script>">',
];

const TEXT = ['abc', 'NaN', 'Infinity', '-Infinity', '1e999', '-1e999', '0x10', '1_000', '', ' ', '١٢٣', '５', '1,5', '½', 'null', 'undefined', 'true', '[]', '{}', '🙂', 'ＮａＮ', '\u202e123', '%', '%%', '+-1'];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)];

/** One invalid value for `p`, with its kind. */
function invalidValue(rng: Rng, p: FuzzParam): [string, string] {
  const r = rng.next();
  if (r < 0.12) return [pick(rng, INJECTIONS), 'injection'];
  if (r < 0.2) return ['9'.repeat(10_000), '10k chars'];
  if (r < 0.26) return [pick(rng, ['∞', 'Ⅻ', '一', 'ß', 'é', '中文', '\u0000', '\uFFFF']), 'unicode'];
  switch (p.kind) {
    case 'number': {
      const span = (p.max ?? 1) - (p.min ?? 0);
      const options: [string, string][] = [
        [String((p.max ?? 0) + (p.integer ? 1 : span * 0.01 + 1e-9)), 'out of range'],
        [String((p.min ?? 0) - (p.integer ? 1 : span * 0.01 + 1e-9)), 'out of range'],
        [String(1e12), 'huge N'],
        ['NaN', 'NaN'],
        ['Infinity', 'Infinity'],
        ['-Infinity', 'Infinity'],
        [pick(rng, TEXT.filter((t) => t.trim() !== '' || rng.next() < 0.5)), 'text'],
        ['', 'empty'],
      ];
      if (p.integer) options.push([String((p.min ?? 0) + 0.5), 'not an integer']);
      const [v, k] = pick(rng, options);
      // An empty or whitespace value is invalid for a number; a text that parses is not generated.
      return [v, k];
    }
    case 'enum': {
      const wrong = ['', 'LINEAR', 'cosine', 'custom2', '0', 'undefined', '__proto__', 'constructor', 'toString'].filter((c) => !(p.choices ?? []).includes(c.trim()));
      return [pick(rng, wrong), 'unknown choice'];
    }
    case 'bool':
      return [pick(rng, ['yes', 'no', 'TRUE', '2', '', 'null']), 'not a boolean'];
    case 'list':
      return [pick(rng, ['', ' , ', 'a, b', '1, NaN', '1, Infinity', '0x1', `${'1,'.repeat(6000)}1`, '1;;;x']), 'bad list'];
    case 'timesteps':
      return [pick(rng, ['', ' , ', 'a', '999, 1.5', '1000', '-1', '999 NaN', `${'1 '.repeat(6000)}`]), 'bad list'];
  }
}

/** One valid value for `p` (boundaries half of the time), with its kind. */
function validValue(rng: Rng, p: FuzzParam): [string, string] {
  switch (p.kind) {
    case 'number': {
      const lo = p.min ?? 0;
      const hi = p.max ?? 1;
      const r = rng.next();
      if (r < 0.25) return [String(lo), 'boundary'];
      if (r < 0.5) return [String(hi), 'boundary'];
      const v = lo + rng.next() * (hi - lo);
      return [p.integer ? String(Math.round(v)) : String(Number(v.toPrecision(4))), 'valid'];
    }
    case 'enum':
      return [pick(rng, p.choices ?? ['']), 'valid'];
    case 'bool':
      return [pick(rng, ['true', 'false', '1', '0', 'on', 'off']), 'valid'];
    case 'list':
      return ['0.5', 'valid'];
    case 'timesteps':
      return ['999, 500, 10', 'valid'];
  }
}

/**
 * `count` queries for a page whose widgets declare `params`. Numbers in valid ones are kept
 * small enough that no widget starts a long computation (the gate does not wait for sampling).
 */
export function hostileQueries(params: readonly FuzzParam[], count: number, seed: number): FuzzQuery[] {
  const rng = mulberry32(seed);
  const out: FuzzQuery[] = [];
  for (let q = 0; q < count; q++) {
    const entries: [string, string][] = [];
    const invalid: string[] = [];
    const kinds = new Set<string>();
    const seen = new Set<string>();
    const howMany = 1 + Math.floor(rng.next() * 3);
    for (let i = 0; i < howMany; i++) {
      const p = pick(rng, params);
      const key = `${p.widget}.${p.name}`;
      const bad = rng.next() < 0.75;
      const [value, kind] = bad ? invalidValue(rng, p) : validValue(rng, p);
      entries.push([key, value]);
      kinds.add(kind);
      if (!seen.has(key)) {
        seen.add(key);
        if (bad) invalid.push(key);
      } else kinds.add('repeated key');
      // Sometimes the same key again (URLSearchParams.get reads the first).
      if (rng.next() < 0.1) {
        entries.push([key, pick(rng, INJECTIONS)]);
        kinds.add('repeated key');
      }
    }
    if (rng.next() < 0.3) {
      entries.push([pick(rng, ['utm_source', 'x', '__proto__', 'constructor', `${params[0]?.widget ?? 'w'}.nope`, 'tfjsflags', '']), pick(rng, [...INJECTIONS, '%', '1'])]);
      kinds.add('unknown key');
    }
    let search = new URLSearchParams(entries).toString();
    // Raw, malformed escapes now and then (URLSearchParams would encode them).
    if (rng.next() < 0.08) {
      search += `&junk=${pick(rng, ['%', '%E0%A4%A', '%ED%A0%80', '%zz'])}`;
      kinds.add('malformed escape');
    }
    out.push({ search: `?${search}`, invalid, kinds: [...kinds] });
  }
  return out;
}
