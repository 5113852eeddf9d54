/**
 * KaTeX options shared by the Markdown pipeline and anything else that renders math at build time.
 * `strict: 'error'` turns LaTeX that KaTeX would only warn about (unknown Unicode in math mode,
 * for instance) into an error, which `fail-on-katex-error` then turns into a failed build.
 */
import type { KatexOptions } from 'katex';

export const katexOptions: KatexOptions = {
  strict: (code: string) => (code === 'newLineInDisplayMode' ? 'ignore' : 'error'),
  output: 'htmlAndMathml',
  trust: false,
};
