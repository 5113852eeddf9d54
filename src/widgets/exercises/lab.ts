/**
 * An exercise's experiment: validated settings (same rules and messages as widget parameters,
 * the previous valid value kept on a bad edit), a Run button that waits for the prediction when
 * the exercise asks for one, and the result filled into the card's build-time template.
 */
import { parseParam, defaults, type ParamValues, type ParamTable } from '../params.ts';
import { joinSentences, keptMessage, paramErrorMessage } from '../param-messages.ts';
import type { ExerciseLogic, Params } from '../../exercises/types.ts';
import { pageData } from './page.ts';
import { fillValues } from './values.ts';

export interface LabHooks {
  answered(partId: string): boolean;
  ran(): void;
}

export function mountLab(card: HTMLElement, logic: ExerciseLogic, p: Params, hooks: LabHooks): void {
  const lab = logic.lab!;
  const { tr, lang, chapters } = pageData();
  const root = card.querySelector<HTMLElement>('[data-lab]');
  if (!root) return;
  const table: ParamTable = lab.settings;
  let values = defaults(table) as Record<string, unknown>;
  const status = root.querySelector<HTMLElement>('[data-lab-status]')!;
  const result = root.querySelector<HTMLElement>('[data-lab-result]')!;
  const button = root.querySelector<HTMLButtonElement>('[data-lab-run]')!;

  for (const [name, spec] of Object.entries(table)) {
    const input = root.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-param="${name}"]`);
    const error = root.querySelector<HTMLElement>(`[data-param-error="${name}"]`);
    if (!input || !error) continue;
    input.addEventListener('change', () => {
      const raw = input instanceof HTMLInputElement && input.type === 'checkbox' ? String(input.checked) : input.value;
      const parsed = parseParam(name, spec, raw);
      if (parsed.ok) {
        values = { ...values, [name]: parsed.value };
        error.hidden = true;
        error.textContent = '';
        input.removeAttribute('aria-invalid');
      } else {
        error.textContent = joinSentences(paramErrorMessage(tr, parsed.error), keptMessage(tr, spec, values[name]));
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
      }
    });
  }

  const link = root.querySelector<HTMLElement>('[data-widget-link]');
  const target = logic.widget?.(p);
  if (link && target && chapters.includes(target.chapter)) {
    const a = link.querySelector('a')!;
    a.href = `/${lang}/${target.chapter}/?${new URLSearchParams(target.query)}#${target.anchor}`;
    link.hidden = false;
  }

  button.addEventListener('click', () => {
    if (lab.after && !hooks.answered(lab.after)) {
      status.textContent = tr('ex.lab.after');
      card.querySelector<HTMLElement>(`form[data-part="${lab.after}"] [data-answer]`)?.focus();
      return;
    }
    button.disabled = true;
    status.textContent = tr('ex.lab.running');
    // Let the status paint before the (short, synchronous) float64 run.
    setTimeout(() => {
      try {
        const out = lab.run(p, values as ParamValues<ParamTable>);
        fillValues(result, Object.fromEntries(Object.entries(out).map(([k, v]) => [`r.${k}`, v])));
        result.hidden = false;
        status.textContent = '';
        hooks.ran();
      } catch (error) {
        status.textContent = tr('ex.lab.failed', { message: error instanceof Error ? error.message : String(error) });
      } finally {
        button.disabled = false;
      }
    }, 30);
  });
}
