/**
 * Timestep-spacing visualiser, heavy half (loaded when the widget nears the viewport). Draws the
 * schedule of `set_timesteps(N)` on an axis, marks where DDIM's prev = t − T // N is not the next
 * entry and where −1 (or an out-of-range timestep) appears, and lists every entry in a table.
 * All numbers come from src/core/scheduler/timestep-report.ts.
 */
import type { WidgetContext, WidgetInstance } from '../runtime/island.ts';
import type { Lookup } from '../param-messages.ts';
import { timestepReport, type TimestepReport } from '../../core/scheduler/timestep-report.ts';
import type { timestepSpacingParams } from './params.ts';
import { el, svgEl } from '../runtime/dom.ts';

type Table = typeof timestepSpacingParams;

/** −1 is shown with a true minus sign. */
const num = (x: number) => String(x).replace('-', '−');

function axis(report: TimestepReport, T: number, label: string, available: number): SVGSVGElement {
  // Drawn at the width it is shown at, so the labels stay legible on a phone.
  const width = Math.max(300, Math.min(available || 640, 900));
  const height = 96;
  const left = 28;
  const right = 12;
  const x = (t: number) => left + ((t + 1) / T) * (width - left - right);
  const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, class: 'sched-axis', role: 'img', 'aria-label': label }) as SVGSVGElement;
  svg.append(svgEl('line', { x1: x(-1), x2: x(T - 1), y1: 40, y2: 40, class: 'axis' }));
  for (const v of [0, Math.round((T - 1) / 2), T - 1]) {
    const text = svgEl('text', { x: x(v), y: 88, 'text-anchor': 'middle' });
    text.textContent = num(v);
    svg.append(text);
  }
  for (const row of report.rows) {
    if (row.mismatch && row.ddimPrev >= 0) {
      svg.append(svgEl('path', { d: `M${x(row.t)},36 Q${(x(row.t) + x(row.ddimPrev)) / 2},10 ${x(row.ddimPrev)},60`, class: 'link' }));
      svg.append(svgEl('circle', { cx: x(row.ddimPrev), cy: 62, r: 2.6, class: 'prev' }));
    }
  }
  for (const row of report.rows) {
    svg.append(svgEl('circle', { cx: x(Math.min(row.t, T - 1)), cy: 40, r: row.outOfRange ? 4 : 2.6, class: row.outOfRange ? 'bad' : 'tick' }));
    if (row.outOfRange) {
      const text = svgEl('text', { x: x(Math.min(row.t, T - 1)), y: 26, 'text-anchor': 'middle', class: 'bad' });
      text.textContent = num(row.t);
      svg.append(text);
    }
  }
  return svg;
}

function legend(tr: Lookup): HTMLUListElement {
  const ul = el('ul', { class: 'sched-legend' });
  for (const [key, colour] of [['sched.tsv.legend.t', 'var(--fg)'], ['sched.tsv.legend.prev', 'var(--accent-2)'], ['sched.tsv.legend.bad', 'var(--fail)']] as const) {
    const li = el('li');
    li.append(el('span', { style: `background:${colour}`, 'aria-hidden': 'true' }), tr(key));
    ul.append(li);
  }
  return ul;
}

function table(report: TimestepReport, tr: Lookup): HTMLDivElement {
  const wrap = el('div', { class: 'sched-table-wrap', tabindex: '0', role: 'region', 'aria-label': tr('sched.tsv.col.t') });
  const tbl = el('table', { class: 'sched-table', 'data-schedule-table': '' });
  const head = el('tr');
  for (const key of ['sched.tsv.col.k', 'sched.tsv.col.t', 'sched.tsv.col.raw', 'sched.tsv.col.next', 'sched.tsv.col.prev', 'sched.tsv.col.note'] as const) {
    head.append(el('th', { scope: 'col', class: key.endsWith('note') ? 'note' : '' }, tr(key)));
  }
  tbl.append(el('thead'), el('tbody'));
  tbl.tHead!.append(head);
  for (const r of report.rows) {
    const notes: string[] = [];
    if (r.t === -1) notes.push(tr('sched.tsv.note.minusOne'));
    else if (r.outOfRange) notes.push(tr('sched.tsv.note.out'));
    if (r.mismatch) notes.push(tr('sched.tsv.note.mismatch'));
    if (r.halfToEven) notes.push(tr('sched.tsv.note.half'));
    const tr_ = el('tr', { class: [r.mismatch ? 'mismatch' : '', r.outOfRange ? 'bad' : ''].join(' ').trim() });
    tr_.append(
      el('td', {}, String(r.k)),
      el('td', { class: 't' }, num(r.t)),
      el('td', {}, r.raw === null ? '' : num(Number(r.raw.toFixed(6)))),
      el('td', {}, num(r.next)),
      el('td', { class: 'prev' }, num(r.ddimPrev)),
      el('td', { class: 'note' }, notes.join(tr('sched.tsv.noteSeparator'))),
    );
    tbl.tBodies[0].append(tr_);
  }
  wrap.append(tbl);
  return wrap;
}

export async function mount(ctx: WidgetContext<Table>): Promise<WidgetInstance<Table>> {
  const { output, tr } = ctx;
  const body = el('div', { style: 'align-self: stretch' });
  output.replaceChildren(body);
  ctx.setStatus('');
  return {
    // N ≤ T is a rule of the island (params.ts): its message sits under the field, and update()
    // only ever sees valid values.
    update(v) {
      const report = timestepReport(v.n, { numTrainTimesteps: v.T, timestepSpacing: v.spacing, stepsOffset: v.offset });
      const count = report.rows.length;
      const summary = el('p', { class: 'widget-readout', 'data-readout': '' }, tr('sched.tsv.summary', { count, n: v.n, mismatches: report.mismatches, halves: report.halvesToEven }));
      const parts: Node[] = [axis(report, v.T, tr('sched.tsv.plotLabel', { count, spacing: v.spacing, n: v.n, max: v.T - 1 }), output.clientWidth), legend(tr), summary];
      if (report.extra > 0) parts.push(el('p', { class: 'widget-readout', 'data-extra': '' }, tr('sched.tsv.extra', { last: num(report.rows[count - 1].t) })));
      for (const t of report.outOfRange.filter((t) => t >= v.T)) parts.push(el('p', { class: 'widget-readout' }, tr('sched.tsv.outOfRange', { t })));
      parts.push(table(report, tr));
      body.replaceChildren(...parts);
    },
  };
}
