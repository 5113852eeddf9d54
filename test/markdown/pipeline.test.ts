/**
 * The math pipeline the site builds with (src/markdown/pipeline.ts), run on Markdown snippets:
 * the constructs the chapters need render to KaTeX HTML, and a broken equation is an error,
 * not red text in the page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import { remarkPlugins, rehypePlugins } from '../../src/markdown/pipeline.ts';

async function render(markdown: string, path = '/site/content/en/x.mdx'): Promise<string> {
  const processor = unified().use(remarkParse);
  for (const p of remarkPlugins) processor.use(p as never);
  processor.use(remarkRehype);
  for (const [plugin, options] of rehypePlugins) processor.use(plugin as never, options as never);
  processor.use(rehypeStringify);
  return String(await processor.process(new VFile({ value: markdown, path })));
}

describe('the math pipeline', () => {
  it('emits only class names that the shipped KaTeX stylesheet styles (one KaTeX renders and styles)', async () => {
    const html = await render('Inline $x_{t-n}^2$ and\n\n$$\\sigma = \\sqrt{a}$$\n');
    const css = readFileSync('node_modules/katex/dist/katex.css', 'utf8');
    const classes = new Set([...html.matchAll(/class="([^"]+)"/g)].flatMap((m) => m[1].split(/\s+/)));
    for (const c of ['katex-base', 'katex-strut', 'msupsub', 'vlist']) expect(classes).toContain(c);
    // Atom classes (mord, mrel, …) carry no style of their own; every other class must be in the CSS.
    const atoms = /^(mord|mrel|mbin|mopen|mclose|mpunct|minner|mop|mspace|mathnormal|mtight)$/;
    expect([...classes].filter((c) => !atoms.test(c) && !css.includes(`.${c}`))).toEqual([]);
  });

  it('renders aligned environments, \\underbrace and \\bcancel with KaTeX', async () => {
    const html = await render(
      '$$\n\\begin{aligned} a &= \\underbrace{b + c}_{\\text{两项}} \\\\ &= \\bcancel{d} + \\cancel{e} \\end{aligned}\n$$\n\nand $x_t$ inline.',
    );
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('class="katex"');
    expect(html).not.toContain('katex-error');
    expect(html).not.toContain('$$');
    expect((html.match(/class="katex"/g) ?? []).length).toBe(2);
    expect(html).toContain('<math');
  });

  it('fails on a KaTeX parse error, naming the file and line', async () => {
    const error = await render('Intro.\n\n$$\n\\frac{a}{\n$$\n', '/site/content/en/broken.mdx').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/KaTeX could not render 1 equation/);
    expect((error as Error).message).toContain('broken.mdx:3');
  });

  it('fails on an unknown command instead of printing it in red', async () => {
    await expect(render('$\\notacommand{x}$')).rejects.toThrow(/notacommand/);
  });

  it('normalises punctuation in Chinese chapters only', async () => {
    expect(await render('先统一记号,再推导:第一步。', '/site/content/zh/x.mdx')).toContain('先统一记号，再推导：第一步。');
    expect(await render('先统一记号,再推导:第一步。', '/site/content/en/x.mdx')).toContain('先统一记号,再推导:第一步。');
  });
});
