/** The exercise index: "3 of 6 solved" next to each chapter, from saved progress. */
import { statusOf } from '../../exercises/progress/schema.ts';
import { pageData, progressStore } from './page.ts';

export function showIndexProgress(): void {
  const { known, tr } = pageData();
  const { store } = progressStore();
  for (const slot of document.querySelectorAll<HTMLElement>('[data-index-progress]')) {
    const chapter = slot.dataset.indexProgress!;
    const mine = known.filter((k) => k.id.startsWith(`${chapter}/`));
    const solved = mine.filter((k) => statusOf(store.get(k.id, 'default'), k.parts) === 'solved').length;
    if (solved > 0) slot.textContent = tr('ex.index.solvedCount', { solved, total: mine.length });
  }
}
