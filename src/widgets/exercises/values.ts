/** Put another version's numbers into a card rendered at build time with the default ones. */
import type { ExerciseLogic, Params } from '../../exercises/types.ts';

export function fillValues(root: HTMLElement, values: Record<string, string>, logic?: ExerciseLogic, p?: Params): void {
  for (const el of root.querySelectorAll<HTMLElement | MathMLElement>('[data-p]')) {
    const name = el.getAttribute('data-p')!;
    if (name in values) el.textContent = values[name];
  }
  if (!logic || !p) return;
  for (const part of logic.parts) {
    if (part.kind !== 'choice') continue;
    const correct = part.correct(p);
    for (const span of root.querySelectorAll<HTMLElement>(`[data-key] [data-key-option]`)) {
      if (part.options.includes(span.dataset.keyOption!)) span.hidden = span.dataset.keyOption !== correct;
    }
  }
}
