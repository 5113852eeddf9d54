/**
 * The progress page: a table of every exercise with the reader's answers (printable as a
 * report), export to a JSON file, import of such a file (validated entry by entry), and the
 * stored data that could not be used.
 */
import type { UiKey } from '../../i18n/index.ts';
import type { ExerciseSummary } from '../../exercises/render/page-data.ts';
import { statusOf, type EntryProblem, type ExerciseProgress } from '../../exercises/progress/schema.ts';
import { buildExport, exportFileName, MAX_IMPORT_BYTES, readImport, type FileProblem } from '../../exercises/progress/transfer.ts';
import { damagedLeftInPlace, pageData, progressStore, showStoreNotice } from './page.ts';

export function problemText(problem: EntryProblem | { code?: unknown }): string {
  const { tr } = pageData();
  const p = problem as Record<string, unknown>;
  const known = ['notJson', 'notObject', 'newerVersion', 'badVersion', 'badField', 'unknownExercise', 'keyMismatch'];
  const code = typeof p.code === 'string' && known.includes(p.code) ? p.code : 'notObject';
  return tr(`ex.problem.${code}` as UiKey, { version: String(p.version ?? ''), field: String(p.field ?? ''), id: String(p.id ?? '') });
}

function fileProblemText(problem: FileProblem): string {
  const { tr } = pageData();
  return tr(`ex.progress.file.${problem.code}` as UiKey, problem as unknown as Record<string, string | number>);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function startProgressPage(): void {
  const { tr, lang } = pageData();
  const summaries = JSON.parse(document.querySelector('script[data-ex-summaries]')?.textContent ?? '[]') as ExerciseSummary[];
  const { store, problems } = progressStore();
  showStoreNotice(document.querySelector('[data-store-notice]'));
  const transfer = document.querySelector<HTMLElement>('[data-transfer]')!;
  const date = document.querySelector('[data-report-date]');
  if (date) date.textContent = tr('ex.progress.reportDate', { date: new Date().toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') });

  const render = () => {
    const rows = document.querySelector<HTMLElement>('[data-progress-rows]')!;
    rows.replaceChildren();
    const entries = store.all();
    let solved = 0;
    let attempted = 0;
    for (const s of summaries) {
      const mine = entries.filter((e) => e.id === s.id);
      const versions: (ExerciseProgress | undefined)[] = mine.length ? mine.sort((a, b) => a.variant.localeCompare(b.variant)) : [undefined];
      versions.forEach((entry) => {
        const status = statusOf(entry, s.parts);
        if (status === 'solved') solved++;
        else if (status === 'attempted') attempted++;
        rows.append(row(s, entry, status));
      });
    }
    document.querySelector('[data-summary]')!.textContent = tr('ex.progress.summary', { solved, attempted, total: summaries.length });
    renderSetAside();
  };

  const row = (s: ExerciseSummary, entry: ExerciseProgress | undefined, status: string) => {
    const tr_ = el('tr');
    tr_.dataset.progressRow = s.id;
    tr_.dataset.status = status;
    const name = el('td');
    const link = el('a', `${s.number} ${s.title}`);
    link.href = `/${lang}/exercises/${s.chapter}/#ex-${s.id.replace('/', '--')}`;
    name.append(link);
    if (entry && entry.variant !== 'default') name.append(el('div', tr('ex.progress.version', { variant: entry.variant }), 'ex-help'));
    const answers = el('td');
    s.parts.forEach((partId, i) => {
      const p = entry?.parts[partId];
      if (!p) return;
      const line = el('div');
      line.append(el('span', `(${String.fromCharCode(97 + i)}) `));
      if (p.answer.includes('\n') || p.answer.length > 80) {
        const d = el('details');
        d.append(el('summary', `${p.answer.split('\n')[0].slice(0, 40)}…`), el('pre', p.answer));
        line.append(d);
      } else line.append(el('code', p.answer));
      line.append(el('span', p.correct ? ' ✓' : ' ✗', p.correct ? 'ex-ok' : 'ex-bad'));
      answers.append(line);
    });
    const attempts = Object.values(entry?.parts ?? {}).reduce((n, p) => n + p.attempts, 0);
    const help = [entry?.hints ? `${entry.hints} × ${tr('ex.hint.label', { n: '' }).trim()}` : '', entry?.solution ? tr('ex.progress.solutionSeen') : ''].filter(Boolean).join(', ');
    const updated = entry && entry.updated > '1971' ? new Date(entry.updated).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') : '';
    tr_.append(name, el('td', tr(`ex.status.${status}` as UiKey)), answers, el('td', attempts ? String(attempts) : ''), el('td', help), el('td', updated));
    return tr_;
  };

  let revealed = false;
  const renderSetAside = () => {
    const section = document.querySelector<HTMLElement>('[data-set-aside]')!;
    const list = section.querySelector('[data-set-aside-list]')!;
    const records = store.setAsideRecords();
    const kept = damagedLeftInPlace(problems).filter((p) => store.hasRaw(p.key));
    const short = (key: string) => key.replace(/^ddim-notebook\/exercise\//, '');
    list.replaceChildren(
      ...records.map((r) => el('li', `${short(r.key)} — ${problemText(r.reason)} (${r.raw.length} B)`)),
      ...kept.map((p) => el('li', `${short(p.key)} — ${problemText(p.problem)}; ${tr('ex.progress.damagedKept')} (${p.length} B)`)),
    );
    section.hidden = records.length === 0 && kept.length === 0;
    // The damaged-data notice links to #set-aside: the section is shown only now, so go there once.
    if (!revealed && location.hash === '#set-aside' && !section.hidden) {
      revealed = true;
      section.scrollIntoView({ block: 'start' });
      section.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
    }
  };

  document.querySelector('[data-export]')!.addEventListener('click', () => {
    const file = buildExport(store.all(), store.setAsideRecords());
    const name = exportFileName();
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    transfer.textContent = tr('ex.progress.exported', { file: name, count: file.entries.length });
  });

  const input = document.querySelector<HTMLInputElement>('[data-import]')!;
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const result = file.size > MAX_IMPORT_BYTES ? ({ ok: false, problem: { code: 'tooLarge', max: MAX_IMPORT_BYTES } } as const) : readImport(await file.text(), pageData().knownIds);
    transfer.replaceChildren();
    if (!result.ok) {
      transfer.append(el('p', tr('ex.progress.importFailed', { file: file.name, reason: fileProblemText(result.problem) }), 'ex-bad'));
      return;
    }
    for (const entry of result.plan.entries) store.put(entry);
    for (const record of result.plan.setAside) store.addSetAside(record);
    transfer.append(el('p', tr('ex.progress.imported', { file: file.name, count: result.plan.entries.length })));
    if (result.plan.skipped.length) {
      transfer.append(el('p', tr('ex.progress.importSkipped', { count: result.plan.skipped.length })));
      const ul = el('ul');
      for (const s of result.plan.skipped) ul.append(el('li', tr('ex.progress.importSkippedItem', { index: s.index + 1, id: s.id ? ` (${s.id})` : '', reason: problemText(s.problem) })));
      transfer.append(ul);
    }
    showStoreNotice(document.querySelector('[data-store-notice]'));
    render();
  });

  document.querySelector('[data-print]')!.addEventListener('click', () => window.print());
  document.querySelector('[data-set-aside-delete]')!.addEventListener('click', () => {
    if (!window.confirm(tr('ex.progress.setAsideDelete'))) return;
    store.clearSetAside();
    for (const p of damagedLeftInPlace(problems)) store.removeRaw(p.key);
    render();
  });
  render();
}
