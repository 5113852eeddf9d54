/**
 * Build-time renderer for exercise text: a small markup with math typeset by KaTeX.
 *
 *   paragraphs separated by blank lines; lines starting with "- " form a list
 *   $…$ inline math, $$…$$ display math (optionally followed by {check=ID}: a solution check badge)
 *   **bold**, [[code]]
 *   {{name}} a value filled in per version (a parameter or a value derived from it)
 *
 * Placeholders work inside math too. Each is rendered as a unique sentinel number, then the
 * sentinel is replaced in both KaTeX outputs — `<span data-p=name>` in the HTML, `<mn data-p=name>`
 * in the MathML that screen readers read — so the page can swap in another student's numbers
 * without a TeX engine. A sentinel left over, an unknown placeholder or a KaTeX error fails the build.
 */
import katex from 'katex';
import { katexOptions } from '../../markdown/katex-options.ts';
import { escapeHtml } from './escape.ts';
import { normalizeRichZh } from './cjk.ts';

export interface RichOptions {
  /** Values shown at build time for each placeholder. */
  values: Record<string, string>;
  /** HTML for a `{check=ID}` badge after a display equation. */
  checkBadge?: (id: string) => string;
  /** Where the text comes from, for error messages. */
  where: string;
  /** Chinese text: full-width punctuation in the prose (see cjk.ts). */
  cjk?: boolean;
}

const PLACEHOLDER = /\{\{(\w+(?:\.\w+)?)\}\}/g;

export function renderRich(source: string, options: RichOptions): string {
  const text = options.cjk ? normalizeRichZh(source) : source;
  const blocks = text.trim().split(/\n\s*\n/);
  return blocks.map((b) => renderBlock(b.trim(), options)).join('\n');
}

/** Inline-only rendering (labels, options, titles): no paragraphs. */
export function renderInline(source: string, options: RichOptions): string {
  return renderSpans((options.cjk ? normalizeRichZh(source) : source).trim(), options);
}

function renderBlock(block: string, options: RichOptions): string {
  if (block.startsWith('$$')) return renderDisplay(block, options);
  const lines = block.split('\n');
  if (lines.every((l) => l.trimStart().startsWith('- '))) {
    return `<ul>${lines.map((l) => `<li>${renderSpans(l.trimStart().slice(2), options)}</li>`).join('')}</ul>`;
  }
  return `<p>${renderSpans(lines.join(' '), options)}</p>`;
}

function renderDisplay(block: string, options: RichOptions): string {
  const m = /^\$\$([\s\S]+?)\$\$\s*(?:\{check=([\w.-]+)\})?$/.exec(block);
  if (!m) throw new Error(`${options.where}: a display block must be "$$ … $$" optionally followed by {check=ID}:\n${block}`);
  const math = renderMath(m[1], true, options);
  const badge = m[2] ? (options.checkBadge?.(m[2]) ?? '') : '';
  return `<div class="ex-display" ${m[2] ? `data-check="${escapeHtml(m[2])}"` : ''}>${math}${badge}</div>`;
}

/** Text with inline math, bold, code and placeholders. */
function renderSpans(text: string, options: RichOptions): string {
  let out = '';
  let rest = text;
  while (rest.length > 0) {
    const next = rest.search(/\$|\*\*|\[\[|\{\{/);
    if (next < 0) {
      out += escapeHtml(rest);
      break;
    }
    out += escapeHtml(rest.slice(0, next));
    rest = rest.slice(next);
    const close = (open: string, end: string) => {
      const stop = rest.indexOf(end, open.length);
      if (stop < 0) throw new Error(`${options.where}: unclosed ${open} in: ${text}`);
      const inner = rest.slice(open.length, stop);
      rest = rest.slice(stop + end.length);
      return inner;
    };
    if (rest.startsWith('$')) out += renderMath(close('$', '$'), false, options);
    else if (rest.startsWith('**')) out += `<strong>${renderSpans(close('**', '**'), options)}</strong>`;
    else if (rest.startsWith('[[')) out += `<code>${fillTextPlaceholders(close('[[', ']]'), options)}</code>`;
    else out += placeholderSpan(close('{{', '}}'), options);
  }
  return out;
}

function placeholderSpan(name: string, options: RichOptions): string {
  const value = options.values[name];
  if (value === undefined) throw new Error(`${options.where}: unknown placeholder {{${name}}}`);
  return `<span class="ex-value" data-p="${escapeHtml(name)}">${escapeHtml(value)}</span>`;
}

function fillTextPlaceholders(text: string, options: RichOptions): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    out += escapeHtml(text.slice(last, m.index)) + placeholderSpan(m[1], options);
    last = m.index! + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

let sentinelCounter = 0;

function renderMath(tex: string, display: boolean, options: RichOptions): string {
  const sentinels = new Map<string, string>();
  const withSentinels = tex.replace(PLACEHOLDER, (_, name: string) => {
    if (options.values[name] === undefined) throw new Error(`${options.where}: unknown placeholder {{${name}}} in $${tex}$`);
    const sentinel = String(86_750_000 + (sentinelCounter++ % 9_999));
    sentinels.set(sentinel, name);
    return sentinel;
  });
  let html: string;
  try {
    html = katex.renderToString(withSentinels, { ...katexOptions, displayMode: display, throwOnError: true });
  } catch (error) {
    throw new Error(`${options.where}: KaTeX could not render ${JSON.stringify(tex)}: ${(error as Error).message}`);
  }
  for (const [sentinel, name] of sentinels) {
    const value = escapeHtml(options.values[name]);
    const attr = `data-p="${escapeHtml(name)}"`;
    const inMathml = `<mn>${sentinel}</mn>`;
    const inHtml = new RegExp(`(<span class="mord[^"]*">)${sentinel}(</span>)`);
    if (!html.includes(inMathml) || !inHtml.test(html)) {
      throw new Error(`${options.where}: placeholder {{${name}}} must stand alone as a number in $${tex}$`);
    }
    html = html
      .replace(inMathml, `<mn ${attr}>${value}</mn>`)
      .replace(inHtml, `$1<span class="ex-value" ${attr}>${value}</span>$2`)
      .replaceAll(sentinel, value);
  }
  return html;
}

/** TeX commands read out as a character in `plainInline`. */
const TEX_SYMBOLS: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', eta: 'η', theta: 'θ', lambda: 'λ', mu: 'μ',
  pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', varphi: 'φ', omega: 'ω', Sigma: 'Σ', Delta: 'Δ', Omega: 'Ω',
  sqrt: '√', cdot: '·', times: '×', le: '≤', leq: '≤', ge: '≥', geq: '≥', ne: '≠', neq: '≠', approx: '≈', to: '→', infty: '∞',
  sum: 'Σ', prod: 'Π', pm: '±', mid: '|', ldots: '…', dots: '…', cdots: '…', lVert: '‖', rVert: '‖', Vert: '‖',
};

/** A formula as plain text for an accessible name: Greek and symbols as characters, markup dropped. */
export function texToText(tex: string): string {
  return tex
    .replace(/\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, '($1)/($2)')
    .replace(/\\(?:text|mathrm|operatorname|mathbf|boldsymbol|bm)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\(bar|overline)\s*\{?(\\?\w)\}?/g, (_, __, x: string) => `${x}\u0304`)
    .replace(/\\(hat|widehat)\s*\{?(\\?\w)\}?/g, (_, __, x: string) => `${x}\u0302`)
    .replace(/\\(tilde|widetilde)\s*\{?(\\?\w)\}?/g, (_, __, x: string) => `${x}\u0303`)
    .replace(/\\(left|right|big|Big|bigl|bigr|Bigl|Bigr)\b/g, '')
    .replace(/\\([A-Za-z]+)/g, (whole, name: string) => TEX_SYMBOLS[name] ?? '')
    .replace(/\\[,;:! ]/g, ' ')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Inline text as plain text (HTML-escaped, placeholders kept as swappable spans) for an accessible
 * name: Chromium gives a `<label>` holding only KaTeX output no name at all, so inputs point at
 * this text with aria-labelledby.
 */
export function plainInline(source: string, options: RichOptions): string {
  const text = options.cjk ? normalizeRichZh(source) : source;
  const spans = text
    .trim()
    .replace(/\*\*|\[\[|\]\]/g, '')
    .split(/(\$[^$]*\$)/);
  return spans
    .map((s) => {
      const isMath = s.startsWith('$') && s.endsWith('$') && s.length >= 2;
      const body = isMath ? texToText(s.slice(1, -1).replace(PLACEHOLDER, '{{$1}}')) : s;
      return fillTextPlaceholders(body, options);
    })
    .join('')
    .trim();
}
