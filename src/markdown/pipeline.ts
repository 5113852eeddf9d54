/**
 * The Markdown/MDX plugin lists, shared by astro.config.mjs and the tests that check the pipeline.
 * - remark-math parses $…$ and $$…$$; rehype-katex renders them to HTML + MathML at build time.
 * - fail-on-katex-error turns any KaTeX error into a build error.
 * - remark-cjk-punctuation fixes punctuation in Chinese chapters.
 */
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import failOnKatexError from './fail-on-katex-error.ts';
import remarkCjkPunctuation from './remark-cjk-punctuation.ts';
import { katexOptions } from './katex-options.ts';

export const remarkPlugins = [remarkMath, remarkCjkPunctuation];
export const rehypePlugins: [unknown, unknown?][] = [[rehypeKatex, katexOptions], [failOnKatexError]];
