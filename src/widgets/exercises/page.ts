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

/** Fill a notice element with what the reader needs to know about storage. */
export function showStoreNotice(notice: HTMLElement | null): void {
  if (!notice) return;
  const { tr, lang } = pageData();
  const { store: s, problems } = progressStore();
  const lines: string[] = [];
  if (s.state === 'unavailable') lines.push(tr('ex.store.unavailable'));
  if (s.state === 'full') lines.push(tr('ex.store.full'));
  const setAside = problems.filter((p) => p.setAside || p.problem.code === 'newerVersion');
  notice.replaceChildren();
  if (lines.length === 0 && setAside.length === 0) {
    notice.hidden = true;
    return;
  }
  for (const line of lines) notice.append(Object.assign(document.createElement('p'), { textContent: line }));
  if (setAside.length > 0) {
    const p = document.createElement('p');
    p.textContent = `${tr('ex.store.problems', { count: setAside.length })} `;
    const a = Object.assign(document.createElement('a'), { href: `/${lang}/exercises/progress/#set-aside`, textContent: tr('ex.store.details') });
    p.append(a);
    notice.append(p);
  }
  notice.hidden = false;
}
