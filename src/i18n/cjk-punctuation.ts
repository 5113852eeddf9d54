/**
 * Chinese prose uses full-width punctuation (，：；？！（）). Text typed or generated with ASCII
 * punctuation between Chinese characters reads as a typo to a Chinese reader, so Chinese text is
 * normalised: at build time for chapters (src/markdown/remark-cjk-punctuation.ts), and by a test
 * for the UI string table. Only prose is touched: code, math and URLs never reach this function.
 */

/** Han characters, CJK symbols and punctuation, full-width forms. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018-\u201d]/u;
const isCjk = (c: string | undefined) => c !== undefined && CJK.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

/** The nearest character before (dir −1) or after (dir +1) index i that is not a space. */
function neighbour(chars: string[], i: number, dir: -1 | 1): string | undefined {
  for (let j = i + dir; j >= 0 && j < chars.length; j += dir) if (chars[j] !== ' ') return chars[j];
  return undefined;
}

/** Pairs of matching parentheses in `chars` (indices), innermost first. */
function parenPairs(chars: string[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  chars.forEach((c, i) => {
    if (c === '(') stack.push(i);
    else if (c === ')' && stack.length > 0) pairs.set(stack.pop()!, i);
  });
  return pairs;
}

/** Join lines broken between two Chinese characters: a soft line break there is not a space. */
export function joinCjkLines(text: string): string {
  return text
    .replace(/([\u3000-\u303f\uff00-\uffef])[ \t]*\n[ \t]*/gu, '$1')
    .replace(/([\p{Script=Han}])[ \t]*\n[ \t]*(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu, '$1');
}

export function normalizeCjkPunctuation(text: string): string {
  // Each mark is decided from its neighbours, and a converted mark is itself a Chinese neighbour:
  // repeat until nothing changes, so that normalising twice gives the same text as once.
  let current = text;
  for (let pass = 0; pass < 8; pass++) {
    const next = normalizeOnce(current);
    if (next === current) return next;
    current = next;
  }
  return current;
}

function normalizeOnce(text: string): string {
  if (!CJK.test(text)) return text;
  const chars = [...text];

  // Pass 1: parentheses, decided per matched pair.
  const pairs = parenPairs(chars);
  const paired = new Set<number>();
  for (const [open, close] of pairs) {
    paired.add(open).add(close);
    const inner = chars.slice(open + 1, close);
    // "(" attached to a preceding Latin letter, digit or symbol is notation (q(x_t | x_0), step(),
    // √(1 − α)) unless what it encloses is Chinese.
    const before = chars[open - 1];
    const notation = before !== undefined && before !== ' ' && before !== '\n' && !isCjk(before);
    if (inner.some(isCjk) || (!notation && isCjk(neighbour(chars, open, -1)))) {
      chars[open] = FULL['('];
      chars[close] = FULL[')'];
    }
  }
  // An unmatched parenthesis belongs to a pair split across inline elements (e.g. around inline
  // code); this text contains Chinese (checked above), so it is Chinese punctuation.
  chars.forEach((c, i) => {
    if ((c === '(' || c === ')') && !paired.has(i)) chars[i] = FULL[c];
  });

  // Pass 2: the rest, looking at neighbours as already normalised.
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const spaceOrEnd = next === undefined || next === ' ' || next === '\n';
    const nextWord = chars.slice(i + 1).find((x) => x !== ' ' && x !== '\n');
    switch (c) {
      case ',':
        // "1,000" stays; an English comma is followed by a space.
        if (isDigit(prev) && isDigit(next)) break;
        if (isCjk(prev) || isCjk(nextWord) || !spaceOrEnd) chars[i] = FULL[c];
        break;
      case ':':
        if ((isDigit(prev) && isDigit(next)) || next === '/') break; // times, URLs
        if (isCjk(prev) || isCjk(nextWord) || !spaceOrEnd) chars[i] = FULL[c];
        break;
      case ';':
        if (isCjk(prev) || isCjk(nextWord) || !spaceOrEnd) chars[i] = FULL[c];
        break;
      case '?':
      case '!':
        if (isCjk(prev) || isCjk(nextWord)) chars[i] = FULL[c];
        break;
    }
  }
  // Full-width punctuation carries its own spacing: drop spaces (not line breaks) on either side.
  return chars.join('').replace(/ +([，。：；？！（）、])/g, '$1').replace(/([，。：；？！（）、]) +/g, '$1');
}
