/**
 * The code editor's token colours (src/styles/exercises.css) against every background a token can
 * sit on: the page, the active line (7% accent over the page), a selection and a matched bracket,
 * in the light theme and in the dark one. WCAG 2 AA asks 4.5:1 for text this size.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const MIN_CONTRAST = 4.5;
const exercisesCss = readFileSync(new URL('../../src/styles/exercises.css', import.meta.url), 'utf8');
const globalCss = readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8');

type Rgb = [number, number, number];

function hex(h: string): Rgb {
  const m = /^#([0-9a-f]{6})$/i.exec(h.trim());
  if (!m) throw new Error(`not a 6-digit hex colour: ${h}`);
  return [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16)) as Rgb;
}

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return a.map((c, i) => c * (1 - t) + b[i] * t) as Rgb;
}

/** The `--cm-*` custom properties of the first rule block whose selector matches `selector`. */
function block(css: string, selector: RegExp): Record<string, string> {
  const m = selector.exec(css);
  if (!m) throw new Error(`no block ${selector}`);
  const body = css.slice(m.index + m[0].length, css.indexOf('}', m.index));
  return Object.fromEntries([...body.matchAll(/(--cm-[a-z]+):\s*(#[0-9a-f]{6})/gi)].map((d) => [d[1], d[2]]));
}

function pageColour(name: string, theme: 0 | 1): Rgb {
  const m = new RegExp(`--${name}:\\s*light-dark\\((#[0-9a-f]{6}),\\s*(#[0-9a-f]{6})\\)`, 'i').exec(globalCss);
  if (!m) throw new Error(`no light-dark() value for --${name}`);
  return hex(m[1 + theme]);
}

const themes = [
  { name: 'light', index: 0 as const, vars: block(exercisesCss, /^:root\s*\{/m) },
  { name: 'dark', index: 1 as const, vars: block(exercisesCss, /^:root\[data-theme='dark'\]\s*\{/m) },
];

describe.each(themes)('code editor colours, $name theme', ({ index, vars }) => {
  const tokens = ['--cm-keyword', '--cm-number', '--cm-string', '--cm-comment', '--cm-function'];
  const bg = pageColour('bg', index);
  const backgrounds: Record<string, Rgb> = {
    page: bg,
    'active line': mix(bg, pageColour('accent', index), 0.07),
    selection: hex(vars['--cm-selection']),
    'matched bracket': hex(vars['--cm-bracket']),
  };

  it.each(tokens)('%s keeps 4.5:1 on the page, the active line, a selection and a matched bracket', (token) => {
    const fg = hex(vars[token]);
    for (const [where, colour] of Object.entries(backgrounds)) {
      expect(contrast(fg, colour), `${token} on the ${where}`).toBeGreaterThanOrEqual(MIN_CONTRAST);
    }
  });

  it('the plain text and the caret keep 4.5:1 on a selection', () => {
    expect(contrast(pageColour('fg', index), backgrounds.selection)).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });
});

it('the dark palette is the same whether the system or the reader picks dark', () => {
  const system = block(exercisesCss, /:root:not\(\[data-theme='light'\]\)\s*\{/);
  expect(system).toEqual(themes[1].vars);
});
