/** Page-wide state of the exercise scripts: strings, known exercises, the one progress store. */
import type { Lookup } from '../param-messages.ts';
import type { UiKey } from '../../i18n/index.ts';
import type { KnownExercise } from '../../exercises/render/page-data.ts';
import { ProgressStore, type StoredProblem } from '../../exercises/progress/store.ts';

export interface PageData {
  lang: 'en' | 'zh';
  tr: Lookup;
  known: KnownExercise[];
  knownIds: Set<string>;
  chapters: string[];
}

let data: PageData | null = null;
let store: { store: ProgressStore; problems: StoredProblem[] } | null = null;

function json<T>(selector: string, fallback: T): T {
  try {
    return JSON.parse(document.querySelector(selector)?.textContent ?? '') as T;
  } catch {
    return fallback;
  }
}

export function pageData(): PageData {
  if (data) return data;
  const strings = json<Record<string, string>>('script[data-ex-strings]', {});
  const known = json<KnownExercise[]>('script[data-ex-known]', []);
  const tr: Lookup = (key: UiKey, vars = {}) =>
    (strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  data = {
    lang: document.documentElement.lang.startsWith('zh') ? 'zh' : 'en',
    tr,
    known,
    knownIds: new Set(known.map((k) => k.id)),
    chapters: json<string[]>('script[data-ex-chapters]', []),
  };
  return data;
}

/** The page's progress store; the first call scans storage (and sets damaged data aside). */
export function progressStore(): { store: ProgressStore; problems: StoredProblem[] } {
  if (store) return store;
  const s = new ProgressStore(() => window.localStorage, pageData().knownIds);
  const { problems } = s.scan();
  store = { store: s, problems };
  return store;
}

/** Damaged entries that storage had no room to set aside (left under their own key, unused). */
export function damagedLeftInPlace(problems: readonly StoredProblem[]): StoredProblem[] {
  return problems.filter((p) => !p.setAside && p.problem.code !== 'newerVersion');
}

/**
 * The "not saved" notice of one exercise card, placed right under the form just answered (or at
 * the end of the card): shown while storage refuses the card's saves, removed by the next save
 * that succeeds.
 */
export function showCardSaveNotice(card: HTMLElement, saved: boolean, near: Element | null = null): void {
  const existing = card.querySelector<HTMLElement>('[data-card-store-notice]');
  if (saved) {
    existing?.remove();
    return;
  }
  const notice = existing ?? Object.assign(document.createElement('p'), { className: 'notice ex-store-notice' });
  notice.dataset.cardStoreNotice = '';
  notice.setAttribute('role', 'status');
  notice.textContent = pageData().tr('ex.store.cardFull');
  if (near) near.after(notice);
  else if (!existing) card.append(notice);
}

/** Fill a notice element with what the reader needs to know about storage. */
export function showStoreNotice(notice: HTMLElement | null): void {
  if (!notice) return;
  const { tr, lang } = pageData();
  const { store: s, problems } = progressStore();
  const lines: string[] = [];
  if (s.state === 'unavailable') lines.push(tr('ex.store.unavailable'));
  if (s.state === 'full') lines.push(tr('ex.store.full'));
  const setAside = problems.filter((p) => p.setAside || p.problem.code === 'newerVersion');
  const kept = damagedLeftInPlace(problems);
  notice.replaceChildren();
  if (lines.length === 0 && setAside.length === 0 && kept.length === 0) {
    notice.hidden = true;
    return;
  }
  for (const line of lines) notice.append(Object.assign(document.createElement('p'), { textContent: line }));
  if (setAside.length > 0 || kept.length > 0) {
    const p = document.createElement('p');
    const parts = [setAside.length > 0 ? tr('ex.store.problems', { count: setAside.length }) : '', kept.length > 0 ? tr('ex.store.damagedKept', { count: kept.length }) : ''];
    p.textContent = `${parts.filter(Boolean).join(' ')} `;
    const a = Object.assign(document.createElement('a'), { href: `/${lang}/exercises/progress/#set-aside`, textContent: tr('ex.store.details') });
    p.append(a);
    notice.append(p);
  }
  notice.hidden = false;
}
