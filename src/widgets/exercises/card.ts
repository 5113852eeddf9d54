/**
 * One exercise card in the page: fills in its version's numbers, restores saved answers, checks
 * answers (loading the formula parser, the code sandbox and the editor only when needed),
 * reveals hints one at a time and the solution on request, runs its experiment, and saves.
 */
import type { ExerciseLogic, Params, Part } from '../../exercises/types.ts';
import { emptyProgress, statusOf, type ExerciseProgress } from '../../exercises/progress/schema.ts';
import { versionValues } from '../../exercises/render/values.ts';
import { checkNumber, readPlainNumber } from '../../exercises/numeric.ts';
import { formulaErrorLines, formulaMessage, numberMessage, show, templateNode, type Message } from './feedback.ts';
import { pageData, progressStore, showCardSaveNotice, showStoreNotice } from './page.ts';
import { mountLab } from './lab.ts';
import { fillValues } from './values.ts';

export interface Variant {
  /** "default" or "s<seed>". */
  key: string;
  params: Params;
}

export interface Policy {
  hints: boolean;
  solutions: boolean;
}

export interface CardHandle {
  variant: Variant;
  /** Current progress (for the set page's summary). */
  progress(): ExerciseProgress;
}

export function mountCard(card: HTMLElement, logic: ExerciseLogic, variant: Variant, policy: Policy = { hints: true, solutions: true }): CardHandle {
  const { tr } = pageData();
  const { store } = progressStore();
  const notice = card.closest('[data-exercises]')?.querySelector<HTMLElement>('[data-store-notice]') ?? null;
  if (variant.key !== 'default') fillValues(card, versionValues(logic, variant.params), logic, variant.params);
  card.dataset.variant = variant.key;

  let entry: ExerciseProgress = store.get(logic.id, variant.key) ?? emptyProgress(logic.id, variant.key);
  const partIds = logic.parts.map((p) => p.id);
  /** Save; a refusal is said in this card, next to `near` (the form just answered). */
  const save = (near: Element | null = null) => {
    entry = { ...entry, updated: new Date().toISOString() };
    const saved = store.put(entry);
    // Another card's notice stays until that card's own answer is saved.
    showCardSaveNotice(card, saved, near);
    if (saved) showStoreNotice(notice);
    renderStatus();
  };
  const statusEl = card.querySelector<HTMLElement>('[data-status]');
  const renderStatus = () => {
    const status = statusOf(entry, partIds);
    if (statusEl) {
      statusEl.dataset.status = status;
      statusEl.textContent = tr(`ex.status.${status}`);
    }
  };

  for (const part of logic.parts) {
    const form = card.querySelector<HTMLFormElement>(`form[data-part="${part.id}"]`);
    if (!form) continue;
    const region = form.querySelector<HTMLElement>('[data-feedback]')!;
    restoreAnswer(form, part, entry.parts[part.id]?.answer);
    if (entry.parts[part.id]?.correct) show(region, { tone: 'correct', lines: [tr('ex.fb.correct')] });
    let busy = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (busy) return;
      busy = true;
      // A previous verdict must never be mistaken for this one's, even for a moment.
      show(region, { tone: 'info', lines: [tr('ex.checking')] });
      const answer = readAnswer(form, part);
      void judge(card, part, answer, variant.params, form)
        .then(({ message, correct, counted }) => {
          const previous = entry.parts[part.id];
          // Once solved, a part stays solved: a later wrong attempt is counted, and the correct
          // answer stays the one recorded (and restored on the next visit).
          const keepSolved = counted && !correct && previous?.correct === true;
          show(region, keepSolved ? { ...message, lines: [...message.lines, tr('ex.fb.staysSolved')] } : message);
          if (counted) {
            const at = new Date().toISOString();
            const attempts = (previous?.attempts ?? 0) + 1;
            const record = keepSolved ? { ...previous, attempts, at } : { answer, correct, attempts, at };
            entry = { ...entry, parts: { ...entry.parts, [part.id]: record } };
            save(form);
            card.dispatchEvent(new CustomEvent('exercise-answered', { bubbles: true, detail: { part: part.id, correct } }));
          }
        })
        .finally(() => {
          busy = false;
        });
    });
  }

  mountHints(card, policy.hints, entry.hints, (n) => {
    entry = { ...entry, hints: n };
    save();
  });
  mountSolution(card, policy.solutions, entry.solution, () => {
    entry = { ...entry, solution: true };
    save();
  });
  if (logic.lab) {
    mountLab(card, logic, variant.params, {
      answered: (partId) => Boolean(entry.parts[partId]?.answer),
      ran: () => {
        if (!entry.ran) {
          entry = { ...entry, ran: true };
          save();
        }
      },
    });
  }
  renderStatus();
  card.dataset.ready = 'true';
  return { variant, progress: () => entry };
}

function restoreAnswer(form: HTMLFormElement, part: Part<Params>, answer: string | undefined): void {
  if (answer === undefined) return;
  if (part.kind === 'choice') {
    const radio = form.querySelector<HTMLInputElement>(`input[type=radio][value="${CSS.escape(answer)}"]`);
    if (radio) radio.checked = true;
  } else {
    const input = form.querySelector<HTMLInputElement | HTMLTextAreaElement>('[data-answer]');
    if (input) input.value = answer;
    if (part.kind === 'code') form.dispatchEvent(new CustomEvent('code-restored'));
  }
}

function readAnswer(form: HTMLFormElement, part: Part<Params>): string {
  if (part.kind === 'choice') return form.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value ?? '';
  return form.querySelector<HTMLInputElement | HTMLTextAreaElement>('[data-answer]')?.value ?? '';
}

interface Judgement {
  message: Message;
  correct: boolean;
  /** False when nothing was really submitted (empty answer): not saved as an attempt. */
  counted: boolean;
}

async function judge(card: HTMLElement, part: Part<Params>, answer: string, p: Params, form: HTMLFormElement): Promise<Judgement> {
  const { tr } = pageData();
  const region = form.querySelector<HTMLElement>('[data-feedback]')!;
  switch (part.kind) {
    case 'choice': {
      if (!answer) return { message: { tone: 'wrong', lines: [tr('ex.fb.choiceNone')] }, correct: false, counted: false };
      const correct = answer === part.correct(p);
      const detail = correct ? null : templateNode(card, answer);
      return { message: { tone: correct ? 'correct' : 'wrong', lines: correct ? [tr('ex.fb.correct')] : [tr('ex.fb.choiceWrong'), ...(detail ? [detail] : [])] }, correct, counted: true };
    }
    case 'number': {
      let read = readPlainNumber(answer);
      if (!read.ok && 'needsParser' in read) {
        show(region, { tone: 'info', lines: [tr('ex.fb.parserLoading')] });
        const { compileFormula } = await import('../../exercises/formula/parse.ts');
        const compiled = compileFormula(answer, []);
        read = compiled.ok ? { ok: true, value: compiled.evaluate({}) } : { ok: false, error: compiled.error };
      }
      if (!read.ok) {
        const error = 'error' in read ? read.error : ({ code: 'empty' } as const);
        return { message: { tone: 'wrong', lines: formulaErrorLines(tr, error, answer, []) }, correct: false, counted: error.code !== 'empty' };
      }
      const verdict = checkNumber(read.value, part, p);
      return { message: numberMessage(tr, card, verdict), correct: verdict.ok, counted: true };
    }
    case 'formula': {
      if (answer.trim() === '') return { message: { tone: 'wrong', lines: [tr('ex.fb.empty')] }, correct: false, counted: false };
      show(region, { tone: 'info', lines: [tr('ex.checking')] });
      try {
        const { checkFormula } = await import('../../exercises/formula/check.ts');
        const verdict = checkFormula(answer, part, p);
        return { message: formulaMessage(tr, card, verdict, answer, part.vars), correct: verdict.ok, counted: true };
      } catch (error) {
        return { message: { tone: 'wrong', lines: [tr('ex.fb.parserFailed', { message: (error as Error).message })] }, correct: false, counted: false };
      }
    }
    case 'code': {
      const { runCodePart } = await import('./code.ts');
      return runCodePart(part, answer, region);
    }
  }
}

function mountHints(card: HTMLElement, allowed: boolean, shown: number, onReveal: (n: number) => void): void {
  const items = [...card.querySelectorAll<HTMLElement>('[data-hint]')];
  const button = card.querySelector<HTMLButtonElement>('[data-hint-next]');
  const { tr } = pageData();
  if (!allowed) {
    if (items.length) card.querySelector<HTMLElement>('[data-hints-locked]')!.hidden = false;
    items.forEach((li) => (li.hidden = true));
    if (button) button.hidden = true;
    return;
  }
  let n = Math.min(shown, items.length);
  const render = () => {
    items.forEach((li, i) => (li.hidden = i >= n));
    if (!button) return;
    button.hidden = n >= items.length;
    button.textContent = tr('ex.hint.next', { n: n + 1, total: items.length });
  };
  button?.addEventListener('click', () => {
    n = Math.min(n + 1, items.length);
    render();
    onReveal(n);
    // The list is a polite live region, so the new hint is read out; when the button disappears
    // with the last hint, keyboard focus moves to that hint instead of being lost.
    if (n >= items.length) {
      items[n - 1]?.setAttribute('tabindex', '-1');
      items[n - 1]?.focus();
    }
  });
  render();
}

function mountSolution(card: HTMLElement, allowed: boolean, seen: boolean, onOpen: () => void): void {
  // Without solutions, the printed answer key is not part of a student's card either.
  if (!allowed) card.querySelector('[data-key]')?.remove();
  const details = card.querySelector<HTMLDetailsElement>('[data-solution]');
  if (!details) return;
  if (!allowed) {
    details.remove();
    card.querySelector<HTMLElement>('[data-solution-locked]')!.hidden = false;
    return;
  }
  details.open = false;
  if (seen) details.dataset.seen = 'true';
  details.addEventListener('toggle', () => {
    if (details.open && !details.dataset.seen) {
      details.dataset.seen = 'true';
      onOpen();
    }
  });
}
