/**
 * remark plugin: in Chinese chapters (files under content/zh/), normalise ASCII punctuation in
 * prose to full-width and drop soft line breaks between Chinese characters (which would otherwise
 * render as stray spaces); see src/i18n/cjk-punctuation.ts. Touches text nodes and string attributes
 * of MDX components (captions); never code, inline code or math, which are separate node types.
 */
import type { VFile } from 'vfile';
import { joinCjkLines, normalizeCjkPunctuation } from '../i18n/cjk-punctuation.ts';

interface Node {
  type: string;
  value?: unknown;
  children?: Node[];
  attributes?: { type: string; name?: string; value?: unknown }[];
}

const SKIP = new Set(['code', 'inlineCode', 'math', 'inlineMath', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'html']);

function walk(node: Node) {
  if (SKIP.has(node.type)) return;
  if (node.type === 'text' && typeof node.value === 'string') node.value = joinCjkLines(normalizeCjkPunctuation(node.value));
  if (node.attributes) {
    for (const a of node.attributes) {
      if (a.type === 'mdxJsxAttribute' && typeof a.value === 'string' && a.name !== 'file' && a.name !== 'name' && a.name !== 'id') {
        a.value = normalizeCjkPunctuation(a.value);
      }
    }
  }
  node.children?.forEach(walk);
}

export default function remarkCjkPunctuation() {
  return function (tree: Node, file: VFile) {
    const path = (file.path ?? '').split('\\').join('/');
    if (!/\/content\/zh\//.test(path)) return;
    walk(tree);
  };
}
