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

/**
 * `spellings` are whole spellings replaced first, longest first (e.g. "α_{t-n}" → "a_tn"), each
 * output character pointing at the spelling's first input character.
 */
export function normalizeInput(input: string, spellings: readonly (readonly [string, string])[] = []): Normalized {
  let text = '';
  const origin: number[] = [];
  let i = 0;
  while (i < input.length) {
    const whole = spellings.find(([from]) => input.startsWith(from, i));
    const ch = whole ? whole[0] : String.fromCodePoint(input.codePointAt(i)!);
    const out = whole ? whole[1] : (MAP[ch] ?? ch);
    for (let k = 0; k < out.length; k++) origin.push(i);
    text += out;
    i += ch.length;
  }
  origin.push(input.length);
  return { text, origin };
}
