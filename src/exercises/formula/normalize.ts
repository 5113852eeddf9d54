/**
 * Typed math often contains characters the parser does not know: the Unicode minus, ·, ×, √,
 * superscript digits, full-width punctuation from a Chinese keyboard. Map them to plain syntax,
 * remembering where each output character came from so error positions point into what the
 * reader typed.
 */

const MAP: Record<string, string> = {
  '−': '-', '–': '-', '—': '-', '·': '*', '⋅': '*', '×': '*', '∗': '*', '÷': '/', '√': 'sqrt',
  '²': '^2', '³': '^3', '（': '(', '）': ')', '，': ',', '。': '.', '　': ' ', 'ε': 'ε', 'ϵ': 'ε',
};

export interface Normalized {
  text: string;
  /** origin[i] = index in the input of output character i (origin[text.length] = input length). */
  origin: number[];
}

export function normalizeInput(input: string): Normalized {
  let text = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of input) {
    const out = MAP[ch] ?? ch;
    for (let k = 0; k < out.length; k++) origin.push(i);
    text += out;
    i += ch.length;
  }
  origin.push(input.length);
  return { text, origin };
}
