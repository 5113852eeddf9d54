/**
 * rehype plugin, placed right after rehype-katex: turn any KaTeX failure into a build error.
 *
 * rehype-katex reports a parse error as a file message and renders red text instead; a build
 * would then ship a broken equation silently. This plugin throws on the first such message,
 * naming the file, the line and the TeX that failed.
 */
import type { VFile } from 'vfile';

export default function failOnKatexError() {
  return function (_tree: unknown, file: VFile) {
    const failures = file.messages.filter((m) => m.source === 'rehype-katex');
    if (failures.length === 0) return;
    // The message's own place can be empty (the math element may carry no position); fall back
    // on the nearest ancestor that has one.
    const line = (m: (typeof failures)[number]) =>
      m.line ?? [...(m.ancestors ?? [])].reverse().find((a) => a.position)?.position?.start.line ?? '?';
    const where = (m: (typeof failures)[number]) => `${file.path ?? '<unknown file>'}:${line(m)}`;
    const lines = failures.map((m) => `${where(m)}: ${m.cause instanceof Error ? m.cause.message : m.reason}`);
    throw new Error(`KaTeX could not render ${failures.length} equation(s):\n${lines.join('\n')}`);
  };
}
