/**
 * One exercise as static HTML (build time): prompt, answer forms, lab, hints, solution with its
 * checked equations, feedback templates and the answer key. The page script brings it to life;
 * without JavaScript everything is still readable (hints and solution in <details>-like blocks
 * revealed by the script, kept in the DOM for print and screen readers once revealed).
 */
import { t, type Lang, type UiKey } from '../../i18n/index.ts';
import { formatNumber } from '../../i18n/format.ts';
import { plainInline, renderInline, renderRich, type RichOptions } from '../text/rich.ts';
import { escapeHtml } from '../text/escape.ts';
import { normalizeCjkPunctuation } from '../../i18n/cjk-punctuation.ts';
import type { CheckResult } from '../checks.ts';
import type { ExerciseLogic, ExerciseText, Part } from '../types.ts';
import { labPlaceholders, versionValues } from './values.ts';
import { labSettingsHtml } from './lab.ts';
import { formulaExamples, NUMBER_EXAMPLES } from '../formula/help-examples.ts';
import type { FormulaVar } from '../types.ts';

export interface CardOptions {
  lang: Lang;
  /** Shown before the title, e.g. "4.2". */
  number: string;
  checks: Map<string, CheckResult>;
  /** Heading level of the title (3 inside a chapter's "Exercises" section). */
  level?: 2 | 3;
}

/** The plain title, with full-width punctuation in Chinese. */
export function titleOf(text: ExerciseText, lang: Lang): string {
  return lang === 'zh' ? normalizeCjkPunctuation(text.title) : text.title;
}

export function domId(exerciseId: string): string {
  return `ex-${exerciseId.replace('/', '--')}`;
}

export function renderCard(exercise: ExerciseLogic, text: ExerciseText, { lang, number, checks, level = 3 }: CardOptions): string {
  const tr = (key: UiKey, vars?: Record<string, string | number>) => t(lang, key, vars);
  const id = domId(exercise.id);
  const values = { ...versionValues(exercise, exercise.params.defaults), ...labPlaceholders(text.lab?.result) };
  const rich = (where: string): RichOptions => ({ values, where: `${exercise.id} (${lang}) ${where}`, cjk: lang === 'zh', checkBadge: (c) => badge(c, checks, tr, exercise.id) });
  const h = `h${level}`;
  const parts = exercise.parts.map((part) => renderPart(part, text, id, rich, tr, exercise.id)).join('\n');
  const hints = text.hints
    .map((hint, i) => `<li data-hint="${i}" hidden><span class="ex-hint-label">${escapeHtml(tr('ex.hint.label', { n: i + 1 }))}</span> ${renderInline(hint, rich(`hint ${i + 1}`))}</li>`)
    .join('');
  const feedback = Object.entries(text.feedback ?? {})
    .map(([key, body]) => `<template data-feedback-template="${escapeHtml(key)}">${renderInline(body, rich(`feedback ${key}`))}</template>`)
    .join('');
  const lab = exercise.lab && text.lab ? renderLab(exercise, text, id, rich, tr) : '';
  return `<article class="ex-card" id="${id}" data-exercise="${escapeHtml(exercise.id)}" data-kind="${exercise.kind}" aria-labelledby="${id}-title">
<header class="ex-head">
<${h} class="ex-title" id="${id}-title"><span class="ex-number">${escapeHtml(number)}</span> ${escapeHtml(titleOf(text, lang))}</${h}>
<p class="ex-meta"><span class="ex-kind">${escapeHtml(tr(`ex.kind.${exercise.kind}` as UiKey))}</span> <span class="ex-status" data-status="untried">${escapeHtml(tr('ex.status.untried'))}</span></p>
</header>
<div class="ex-prompt">${renderRich(text.prompt, rich('prompt'))}</div>
${parts}
${lab}
<div class="ex-help-block">
<div class="ex-hints" data-hints>
<ol class="ex-hint-list" id="${id}-hints-list" aria-live="polite">${hints}</ol>
${text.hints.length ? `<button type="button" class="ex-button ex-secondary" data-hint-next aria-controls="${id}-hints-list" hidden>${escapeHtml(tr('ex.hint.next', { n: 1, total: text.hints.length }))}</button>` : ''}
<p class="ex-locked" data-hints-locked hidden>${escapeHtml(tr('ex.hint.locked'))}</p>
</div>
<div class="ex-solution-block">
<p class="ex-locked" data-solution-locked hidden>${escapeHtml(tr('ex.solution.locked'))}</p>
<details class="ex-solution" id="${id}-solution" data-solution>
<summary>${escapeHtml(tr('ex.solution.title'))}</summary>
${renderRich(text.solution, rich('solution'))}
</details>
</div>
</div>
<div class="ex-key" data-key hidden>
<h${level + 1} class="ex-key-title">${escapeHtml(tr('ex.key.title'))}</h${level + 1}>
${exercise.parts.map((part) => renderKey(part, text, rich, tr, exercise.parts.length, correctDefault(exercise, part))).join('\n')}
</div>
${feedback}
</article>`;
}

type Tr = (k: UiKey, v?: Record<string, string | number>) => string;

/** The help under a number answer; its examples are NUMBER_EXAMPLES (each parsed by a test). */
export function numberHelp(tr: Tr): string {
  const [plain, exponent, arithmetic] = NUMBER_EXAMPLES;
  return tr('ex.help.number', { plain, exponent, arithmetic });
}

/** The help under a formula answer: examples made of this part's own variables (each parsed by a test). */
export function formulaHelp(tr: Tr, vars: readonly FormulaVar[]): string {
  const { ascii, greek } = formulaExamples(vars);
  const names = vars.map((v) => (v.name === v.symbol ? v.name : `${v.name} (${v.symbol})`)).join(', ');
  return greek ? tr('ex.help.formulaGreek', { example: ascii, vars: names, greek }) : tr('ex.help.formula', { example: ascii, vars: names });
}

function renderPart(part: Part<never>, text: ExerciseText, cardId: string, rich: (w: string) => RichOptions, tr: (k: UiKey, v?: Record<string, string | number>) => string, exerciseId: string): string {
  const pt = text.parts[part.id];
  if (!pt) throw new Error(`${exerciseId}: no text for part "${part.id}"`);
  const pid = `${cardId}-${part.id}`;
  const label = renderInline(pt.label, rich(`label ${part.id}`));
  // The accessible name of the text box or code editor, as plain text (see plainInline).
  const name = `<span id="${pid}-name" hidden>${plainInline(pt.label, rich(`label ${part.id}`))}</span>`;
  const feedback = `<div class="ex-feedback" id="${pid}-feedback" data-feedback role="status" aria-live="polite"></div>`;
  const blank = `<p class="ex-blank print-only">${escapeHtml(tr('ex.blank'))}</p>`;
  const open = `<form class="ex-part" data-part="${escapeHtml(part.id)}" data-part-kind="${part.kind}" novalidate>`;
  switch (part.kind) {
    case 'number':
    case 'formula': {
      const help = part.kind === 'number' ? numberHelp(tr) : formulaHelp(tr, part.vars);
      return `${open}
<label class="ex-label" for="${pid}-input">${label}</label>${name}
<div class="ex-row"><input class="ex-input${part.kind === 'formula' ? ' ex-formula' : ''}" id="${pid}-input" aria-labelledby="${pid}-name" type="text" data-answer autocomplete="off" autocapitalize="off" spellcheck="false" ${part.kind === 'number' ? 'inputmode="decimal"' : ''} aria-describedby="${pid}-help ${pid}-feedback" /><button type="submit" class="ex-button">${escapeHtml(tr('ex.check'))}</button></div>
<p class="ex-help" id="${pid}-help">${escapeHtml(help)}</p>
${feedback}${blank}</form>`;
    }
    case 'choice': {
      const options = part.options
        .map((o) => {
          const body = pt.options?.[o];
          if (!body) throw new Error(`${exerciseId}: no text for option "${o}" of part "${part.id}"`);
          return `<li><label class="ex-option"><input type="radio" name="${pid}" value="${escapeHtml(o)}" data-answer /> <span>${renderInline(body, rich(`option ${o}`))}</span></label></li>`;
        })
        .join('');
      return `${open}
<fieldset class="ex-choice" aria-describedby="${pid}-feedback"><legend class="ex-label">${label}</legend><ul class="ex-options">${options}</ul></fieldset>
<div class="ex-row"><button type="submit" class="ex-button">${escapeHtml(tr('ex.check'))}</button></div>
${feedback}</form>`;
    }
    case 'code': {
      const starter = pt.starter ?? '';
      return `${open}
<label class="ex-label" for="${pid}-code">${label}</label>${name}
<div class="ex-editor" data-editor><textarea class="ex-code" id="${pid}-code" aria-labelledby="${pid}-name" data-answer data-starter="${escapeHtml(starter)}" rows="${Math.max(6, starter.split('\n').length + 2)}" spellcheck="false" autocomplete="off" autocapitalize="off" aria-describedby="${pid}-help ${pid}-feedback">${escapeHtml(starter)}</textarea></div>
<p class="ex-help" id="${pid}-help">${escapeHtml(tr('ex.help.code'))}</p>
<div class="ex-row"><button type="submit" class="ex-button">${escapeHtml(tr('ex.code.run'))}</button><button type="button" class="ex-button ex-secondary" data-code-reset>${escapeHtml(tr('ex.code.reset'))}</button></div>
${feedback.replace('class="ex-feedback"', 'class="ex-feedback ex-code-feedback"')}</form>`;
    }
  }
}

function renderLab(exercise: ExerciseLogic, text: ExerciseText, cardId: string, rich: (w: string) => RichOptions, tr: (k: UiKey, v?: Record<string, string | number>) => string): string {
  const lab = exercise.lab!;
  const intro = text.lab?.intro ? `<div class="ex-lab-intro">${renderRich(text.lab.intro, rich('lab intro'))}</div>` : '';
  // A div, not a section: every card's lab has the same title, and same-named regions confuse landmark navigation.
  return `<div class="ex-lab" data-lab aria-labelledby="${cardId}-lab-title" role="group">
<p class="ex-lab-title" id="${cardId}-lab-title"><strong>${escapeHtml(tr('ex.lab.title'))}</strong></p>
${intro}
${labSettingsHtml(lab.settings, cardId, tr)}
<div class="ex-row"><button type="button" class="ex-button" data-lab-run>${escapeHtml(tr('ex.lab.run'))}</button></div>
${lab.after ? `<p class="ex-help" data-lab-after>${escapeHtml(tr('ex.lab.after'))}</p>` : ''}
<p class="ex-lab-status" data-lab-status role="status" aria-live="polite"></p>
<div class="ex-lab-result" data-lab-result hidden>${renderRich(text.lab!.result, rich('lab result'))}</div>
<p class="ex-widget-link" data-widget-link hidden><a href="#">${escapeHtml(tr('ex.widget.open'))}</a></p>
</div>`;
}

function correctDefault(exercise: ExerciseLogic, part: Part<never>): string | undefined {
  return part.kind === 'choice' ? (part as { correct(p: unknown): string }).correct(exercise.params.defaults) : undefined;
}

function renderKey(part: Part<never>, text: ExerciseText, rich: (w: string) => RichOptions, tr: (k: UiKey, v?: Record<string, string | number>) => string, _count: number, correct?: string): string {
  const label = renderInline(text.parts[part.id].label, rich(`key ${part.id}`));
  switch (part.kind) {
    case 'number':
      return `<p>${label} <span class="ex-value" data-p="key.${part.id}">${escapeHtml(rich('').values[`key.${part.id}`])}</span></p>`;
    case 'formula':
      return `<p>${label} <code>${escapeHtml(part.answer)}</code></p>`;
    case 'choice':
      return `<p>${label} ${part.options
        .map((o) => `<span data-key-option="${escapeHtml(o)}"${o === correct ? '' : ' hidden'}>${renderInline(text.parts[part.id].options![o], rich(`key option ${o}`))}</span>`)
        .join('')}</p>`;
    case 'code':
      return `<p>${escapeHtml(tr('ex.key.code'))}</p><pre class="ex-key-code"><code>${escapeHtml(part.solution)}</code></pre>`;
  }
}

function badge(id: string, checks: Map<string, CheckResult>, tr: (k: UiKey, v?: Record<string, string | number>) => string, exerciseId: string): string {
  const result = checks.get(id);
  if (!result) throw new Error(`${exerciseId}: the solution cites {check=${id}}, which the exercise does not define`);
  const vars = { residual: formatNumber(result.maxResidual, 2), draws: result.draws.toLocaleString('en-US') };
  const pass = result.pass;
  return `<span class="ex-check ${pass ? 'ex-check-pass' : 'ex-check-fail'}" data-check-result="${pass ? 'pass' : 'fail'}" role="note"><span aria-hidden="true">${pass ? '✓' : '✗'}</span> ${escapeHtml(tr(pass ? 'ex.checkBadge.pass' : 'ex.checkBadge.fail', vars))}</span>`;
}
