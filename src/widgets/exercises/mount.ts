/**
 * Mount the exercise cards of a section: load each chapter's logic (one small chunk per chapter),
 * report stored data that could not be used, and bring each card to life.
 */
import { LOADERS, chapterOf } from '../../exercises/catalog/index.ts';
import type { ExerciseLogic } from '../../exercises/types.ts';
import { mountCard, type CardHandle, type Policy, type Variant } from './card.ts';
import { prepareCodeParts } from './code-setup.ts';
import { showStoreNotice } from './page.ts';

export interface MountOptions {
  /** The version of each exercise (default: the printed numbers). */
  variantFor?: (logic: ExerciseLogic) => Variant;
  policy?: Policy;
}

export async function loadLogic(ids: Iterable<string>): Promise<Map<string, ExerciseLogic>> {
  const chapters = new Set([...ids].map(chapterOf));
  const lists = await Promise.all([...chapters].filter((c) => c in LOADERS).map((c) => LOADERS[c]()));
  return new Map(lists.flat().map((e) => [e.id, e]));
}

export async function mountSection(section: HTMLElement, options: MountOptions = {}): Promise<CardHandle[]> {
  showStoreNotice(section.querySelector<HTMLElement>('[data-store-notice]'));
  const cards = [...section.querySelectorAll<HTMLElement>('[data-exercise]')].filter((c) => !c.dataset.ready);
  const logic = await loadLogic(cards.map((c) => c.dataset.exercise!));
  const handles: CardHandle[] = [];
  for (const card of cards) {
    const l = logic.get(card.dataset.exercise!);
    if (!l) continue;
    const variant = options.variantFor?.(l) ?? { key: 'default', params: l.params.defaults };
    handles.push(mountCard(card, l, variant, options.policy));
    prepareCodeParts(card);
  }
  section.dataset.mounted = 'true';
  return handles;
}
