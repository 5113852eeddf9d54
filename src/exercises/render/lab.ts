/** Labelled controls for an exercise experiment's settings (a declared parameter table, like a widget's). */
import type { UiKey } from '../../i18n/index.ts';
import { formatParam, type ParamTable } from '../../widgets/params.ts';
import { escapeHtml } from '../text/escape.ts';

export function labSettingsHtml(table: ParamTable, cardId: string, tr: (k: UiKey, v?: Record<string, string | number>) => string): string {
  const rows = Object.entries(table).map(([name, spec]) => {
    const id = `${cardId}-lab-${name}`;
    const error = `<p class="param-error" id="${id}-error" data-param-error="${name}" role="alert" hidden></p>`;
    const described = `aria-describedby="${id}-error"`;
    let control: string;
    if (spec.type === 'enum') {
      control = `<select id="${id}" data-param="${name}" ${described}>${spec.choices
        .map((c) => `<option value="${escapeHtml(c)}"${c === spec.default ? ' selected' : ''}>${escapeHtml(spec.choiceLabels?.[c] ? tr(spec.choiceLabels[c]!) : c)}</option>`)
        .join('')}</select>`;
    } else if (spec.type === 'bool') {
      return `<div class="param"><label class="param-check"><input type="checkbox" id="${id}" data-param="${name}" ${spec.default ? 'checked' : ''} ${described} /> ${escapeHtml(tr(spec.label))}</label>${error}</div>`;
    } else {
      control = `<input type="text" id="${id}" data-param="${name}" value="${escapeHtml(formatParam(spec, spec.default))}" inputmode="${spec.type === 'int' ? 'numeric' : 'decimal'}" size="7" autocomplete="off" spellcheck="false" ${described} />`;
    }
    return `<div class="param"><label for="${id}">${escapeHtml(tr(spec.label))}</label>${control}${error}</div>`;
  });
  return `<div class="ex-lab-settings">${rows.join('')}</div>`;
}
