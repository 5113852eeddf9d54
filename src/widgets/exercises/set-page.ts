/**
 * The assignment page. Reads and validates the set from the link, asks for the student id when
 * numbers are per student, fetches the cards of the chapters it needs (rendered at build time),
 * and mounts them with each exercise's version for this student. The instructor's key link
 * (`#key=<token>`, checked against the digest in the set) shows answer keys for a roster of ids
 * instead, each on its own printed page. A student link has no way to the key.
 */
import { mulberry32 } from '../../core/rng.ts';
import { decodeSet, parseStudentId, variantSeed, type AssignmentSet } from '../../exercises/sets/encode.ts';
import { canHashKeys, tokenOpensKey } from '../../exercises/sets/key-token.ts';
import { chapterOf } from '../../exercises/catalog/index.ts';
import { versionValues } from '../../exercises/render/values.ts';
import type { ExerciseLogic } from '../../exercises/types.ts';
import { loadLogic, mountSection } from './mount.ts';
import { pageData } from './page.ts';
import { fillValues } from './values.ts';
import { setProblemText } from './set-problems.ts';

const q = <T extends Element>(s: string) => document.querySelector<T>(s)!;

async function fetchCards(lang: string, ids: string[]): Promise<Map<string, string>> {
  const chapters = [...new Set(ids.map(chapterOf))];
  const out = new Map<string, string>();
  for (const c of chapters) {
    const res = await fetch(`/${lang}/exercises/cards/${c}.json`);
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
    const data = (await res.json()) as { cards: Record<string, string> };
    for (const [id, html] of Object.entries(data.cards)) out.set(id, html);
  }
  return out;
}

function cardElement(html: string, index: number): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = html;
  const card = template.content.firstElementChild as HTMLElement;
  card.querySelector('.ex-number')!.textContent = `${index + 1}.`;
  return card;
}

function paramsFor(set: AssignmentSet, student: string | null, logic: ExerciseLogic) {
  const seed = variantSeed(set, student, logic.id);
  return { key: `s${seed}`, params: logic.params.sample(mulberry32(seed)) };
}

export async function startSetPage(): Promise<void> {
  const { tr, lang, knownIds } = pageData();
  const search = new URLSearchParams(location.search);
  const decoded = decodeSet(search.get('s'), knownIds);
  if (!decoded.ok) {
    const box = q<HTMLElement>('[data-set-error]');
    box.replaceChildren(Object.assign(document.createElement('p'), { textContent: tr('ex.set.bad', { reason: setProblemText(decoded.problem) }) }), Object.assign(document.createElement('p'), { textContent: tr('ex.set.badHelp') }));
    box.hidden = false;
    return;
  }
  const set = decoded.set;
  const keyMode = await keyModeFor(set, new URLSearchParams(location.hash.slice(1)).get('key'));
  // Printing from the browser menu prints the same as the buttons: the worksheet, or the key.
  q<HTMLElement>('main').dataset.printMode = keyMode ? 'key' : 'worksheet';
  q<HTMLElement>('[data-set-body]').hidden = false;
  if (set.title) {
    q('h1').textContent = set.title;
    document.title = `${set.title} · ${document.title}`;
  }
  const rawStudent = search.get('student');
  const student = rawStudent === null ? null : parseStudentId(rawStudent);
  const input = q<HTMLInputElement>('[data-student]');
  const studentError = q<HTMLElement>('[data-student-error]');
  if (rawStudent !== null && student === null) {
    studentError.textContent = tr('ex.set.studentInvalid', { raw: rawStudent.slice(0, 40) });
    studentError.hidden = false;
  }
  input.value = student ?? '';
  q('[data-set-meta]').textContent = keyMode ? tr('ex.set.keyHeading') : set.perStudent ? (student ? tr('ex.set.versionFor', { student }) : tr('ex.set.studentNeeded')) : tr('ex.set.sameForAll');
  if (!set.perStudent) q<HTMLElement>('[data-student-form]').hidden = true;
  q<HTMLFormElement>('[data-student-form]').addEventListener('submit', (e) => {
    e.preventDefault();
    const id = parseStudentId(input.value);
    if (!id) {
      studentError.textContent = tr('ex.set.studentInvalid', { raw: input.value.slice(0, 40) });
      studentError.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    const url = new URL(location.href);
    url.searchParams.set('student', id);
    location.assign(url);
  });
  q('[data-print-worksheet]').addEventListener('click', () => printAs('worksheet'));

  const status = q<HTMLElement>('[data-set-status]');
  status.textContent = tr('ex.set.loading');
  let html: Map<string, string>;
  let logic: Map<string, ExerciseLogic>;
  try {
    [html, logic] = await Promise.all([fetchCards(lang, set.exercises), loadLogic(set.exercises)]);
  } catch (error) {
    status.textContent = tr('ex.set.loadFailed', { message: (error as Error).message });
    return;
  }
  status.textContent = '';

  if (keyMode) {
    q<HTMLElement>('[data-set-cards]').hidden = true;
    q<HTMLElement>('[data-student-form]').hidden = true;
    q<HTMLElement>('[data-print-worksheet]').hidden = true;
    const roster = q<HTMLFormElement>('[data-roster-form]');
    roster.hidden = false;
    const area = q<HTMLTextAreaElement>('[data-roster]');
    area.value = student ?? '';
    const show = () => {
      const lines = area.value.split('\n').map((l) => l.trim()).filter(Boolean);
      const bad = lines.filter((l) => parseStudentId(l) === null);
      const err = q<HTMLElement>('[data-roster-error]');
      err.hidden = bad.length === 0;
      if (bad.length) err.textContent = tr('ex.set.studentInvalid', { raw: bad[0].slice(0, 40) });
      renderKeys(set, lines.filter((l) => parseStudentId(l) !== null).map((l) => parseStudentId(l)!), html, logic);
    };
    roster.addEventListener('submit', (e) => {
      e.preventDefault();
      show();
    });
    q('[data-print-key]').addEventListener('click', () => printAs('key'));
    show();
    return;
  }

  if (set.perStudent && !student) return;
  const section = q<HTMLElement>('[data-set-cards]');
  set.exercises.forEach((id, i) => section.append(cardElement(html.get(id)!, i)));
  await mountSection(section, { variantFor: (l) => paramsFor(set, student, l), policy: { hints: set.hints, solutions: set.solutions } });
}

/** Key mode only for the instructor's token; a token that does not open this set's key is said so. */
async function keyModeFor(set: AssignmentSet, token: string | null): Promise<boolean> {
  if (token === null) return false;
  const { tr } = pageData();
  const refuse = (key: 'ex.set.keyRefused' | 'ex.set.keyUnavailable') => {
    const box = q<HTMLElement>('[data-key-refused]');
    box.textContent = tr(key);
    box.hidden = false;
    return false;
  };
  if (!canHashKeys()) return refuse('ex.set.keyUnavailable');
  return (await tokenOpensKey(token, set.keyHash)) || refuse('ex.set.keyRefused');
}

function renderKeys(set: AssignmentSet, students: string[], html: Map<string, string>, logic: Map<string, ExerciseLogic>): void {
  const { tr } = pageData();
  const root = q<HTMLElement>('[data-key-pages]');
  root.replaceChildren();
  const ids = set.perStudent ? (students.length ? students : [null]) : [null];
  for (const student of ids) {
    const page = document.createElement('section');
    page.className = 'ex-key-page';
    page.dataset.keyStudent = student ?? '';
    const h = document.createElement('h2');
    h.textContent = `${tr('ex.set.keyHeading')}${student ? ` — ${tr('ex.set.versionFor', { student })}` : ''}`;
    page.append(h);
    set.exercises.forEach((id, i) => {
      const card = cardElement(html.get(id)!, i);
      const l = logic.get(id)!;
      const v = paramsFor(set, student, l);
      fillValues(card, versionValues(l, v.params), l, v.params);
      card.querySelector<HTMLElement>('[data-key]')!.hidden = false;
      card.querySelector<HTMLDetailsElement>('[data-solution]')?.setAttribute('open', '');
      for (const hint of card.querySelectorAll<HTMLElement>('[data-hint]')) hint.hidden = false;
      card.querySelector('[data-status]')?.remove();
      card.removeAttribute('id');
      page.append(card);
    });
    root.append(page);
  }
}

function printAs(mode: 'worksheet' | 'key'): void {
  q<HTMLElement>('main').dataset.printMode = mode;
  window.print();
}
