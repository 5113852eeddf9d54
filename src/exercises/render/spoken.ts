/**
 * A plain-text reading of a label written with inline math, for an input's accessible name:
 * Chromium's accessibility tree gets no name from a <label> that holds only KaTeX output (its
 * MathML half is not used for the name), so such inputs get `aria-label` with this text.
 * "$\sqrt{\alpha_{t-n}}\,x_0$ (to 4 digits)" → "√α_t-n x_0 (to 4 digits)".
 */
const SYMBOLS: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', eta: 'η', theta: 'θ', lambda: 'λ', mu: 'μ',
  pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', omega: 'ω', Sigma: 'Σ', sqrt: '√', cdot: '·', times: '×', le: '≤', ge: '≥',
  leq: '≤', geq: '≥', approx: '≈', infty: '∞', sum: 'Σ', prod: '∏', mid: '|', lVert: '‖', rVert: '‖', to: '→', int: '∫',
};

export function texToText(tex: string): string {
  return tex
    .replace(/\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, '($1)/($2)')
    .replace(/\\(?:mathrm|text|mathbf|mathcal|operatorname|hat|bar|tilde)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\([A-Za-z]+)/g, (whole, name: string) => SYMBOLS[name] ?? name)
    .replace(/\\[,;:! ]/g, ' ')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The label's text with each $…$ read as text and Markdown emphasis marks dropped. */
export function spokenLabel(source: string): string {
  return source
    .replace(/\$([^$]+)\$/g, (_, tex: string) => texToText(tex))
    .replace(/\*\*|[*_`](?=\S)|(?<=\S)[*`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a label's source has no words outside its math (so the <label> alone names nothing). */
export function labelIsOnlyMath(source: string): boolean {
  return source.replace(/\$[^$]+\$/g, '').replace(/[\s.,:;()（）：，。*_`=]/g, '') === '';
}
