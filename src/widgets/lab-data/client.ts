/**
 * Data widget, heavy half (Plot only, no tfjs). Shows a built-in distribution (its exact density
 * and a seeded sample), or the reader's points, which can be drawn by clicking or dragging on the
 * plot, pasted, or uploaded as CSV. A bad file gets the line number and what is wrong with it, and
 * the previous points are kept.
 */
import type { WidgetContext, WidgetInstance } from '../runtime/island.ts';
import { parsePointsCsv, pointsToCsv, type CsvError } from '../../core/data/csv.ts';
import { sampleMixture } from '../../core/data/mixture.ts';
import { mulberry32 } from '../../core/rng.ts';
import { dataSource, type LabDataset } from '../lab/data-source.ts';
import { scatterOverDensity, toPoints } from '../lab/plots.ts';
import { customPoints, onLabChange, setCustomPoints } from '../lab/store.ts';
import type { Lookup } from '../param-messages.ts';
import type { labDataParams } from './params.ts';

type Table = typeof labDataParams;
const MAX_POINTS = 5000;

function csvMessage(tr: Lookup, e: CsvError): string {
  switch (e.code) {
    case 'empty':
      return tr('lab.draw.errEmpty');
    case 'fieldCount':
      return tr('lab.draw.errFields', { line: e.line, found: e.found ?? '?' });
    case 'notANumber':
      return tr('lab.draw.errNumber', { line: e.line, found: e.found ?? '' });
    case 'tooFew':
      return tr('lab.draw.errTooFew', { limit: e.limit ?? 2, found: e.found ?? 0 });
    case 'tooMany':
      return tr('lab.draw.errTooMany', { line: e.line, limit: e.limit ?? MAX_POINTS });
  }
}

export async function mount(ctx: WidgetContext<Table>): Promise<WidgetInstance<Table>> {
  const { root, output, tr } = ctx;
  let values = ctx.values;
  const errors = root.querySelector<HTMLUListElement>('[data-csv-errors]')!;
  const status = root.querySelector<HTMLElement>('[data-points-status]')!;
  const download = root.querySelector<HTMLAnchorElement>('[data-action="download"]')!;

  const showErrors = (list: string[]) => {
    errors.replaceChildren(...list.map((m) => Object.assign(document.createElement('li'), { textContent: m })));
    errors.hidden = list.length === 0;
  };
  const accept = (text: string, what: string) => {
    const parsed = parsePointsCsv(text, { maxPoints: MAX_POINTS });
    if (!parsed.ok) {
      showErrors([tr('lab.draw.errIntro', { what }), ...parsed.errors.map((e) => csvMessage(tr, e)), tr('lab.draw.kept')]);
      return;
    }
    showErrors([]);
    setCustomPoints(parsed.value.points);
    status.textContent = parsed.value.rescaled
      ? tr('lab.draw.loadedRescaled', { count: parsed.value.count, scale: parsed.value.rescaled.scale.toPrecision(3) })
      : tr('lab.draw.loaded', { count: parsed.value.count });
  };

  root.querySelector<HTMLInputElement>('[data-csv-file]')!.addEventListener('change', async (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    if (file.size > 2_000_000) {
      showErrors([tr('lab.draw.errTooBig', { name: file.name })]);
      return;
    }
    accept(await file.text(), file.name);
    (e.target as HTMLInputElement).value = '';
  });
  root.querySelector('[data-action="paste"]')!.addEventListener('click', () => accept(root.querySelector<HTMLTextAreaElement>('[data-csv-text]')!.value, tr('lab.draw.pasted')));
  root.querySelector('[data-action="clear"]')!.addEventListener('click', () => {
    setCustomPoints(null);
    status.textContent = tr('lab.draw.cleared');
  });
  root.querySelector('[data-action="copy"]')!.addEventListener('click', () => {
    if (values.dataset === 'custom') return;
    const source = dataSource(values.dataset as LabDataset, { seed: values.seed });
    if (source) setCustomPoints(sampleMixture(source.mixture, mulberry32(values.seed), Math.min(values.n, 400)));
    status.textContent = tr('lab.draw.copied', { count: Math.min(values.n, 400) });
  });

  // Drawing: the listeners live on the output box (the plot is redrawn after every point).
  type Scaled = SVGSVGElement & { scale(name: string): { invert(v: number): number } };
  let currentPlot: Scaled | null = null;
  let dragging = false;
  let lastX = Infinity;
  let lastY = Infinity;
  const add = (ev: PointerEvent) => {
    const plot = currentPlot;
    if (!plot) return;
    const box = plot.getBoundingClientRect();
    const vb = plot.viewBox.baseVal;
    const sx = vb && vb.width ? vb.width / box.width : 1;
    const x = plot.scale('x').invert((ev.clientX - box.left) * sx);
    const y = plot.scale('y').invert((ev.clientY - box.top) * sx);
    if (!(Math.abs(x) <= 1 && Math.abs(y) <= 1) || Math.hypot(x - lastX, y - lastY) < 0.03) return;
    lastX = x;
    lastY = y;
    const current = customPoints() ?? new Float64Array();
    if (current.length / 2 >= MAX_POINTS) return;
    const next = new Float64Array(current.length + 2);
    next.set(current);
    next[current.length] = x;
    next[current.length + 1] = y;
    setCustomPoints(next);
  };
  output.addEventListener('pointerdown', (ev) => {
    if (!currentPlot) return;
    dragging = true;
    lastX = lastY = Infinity;
    add(ev);
  });
  output.addEventListener('pointermove', (ev) => dragging && add(ev));
  for (const end of ['pointerup', 'pointerleave', 'pointercancel']) output.addEventListener(end, () => (dragging = false));

  function draw() {
    const width = output.clientWidth || 560;
    const custom = values.dataset === 'custom';
    const mine = customPoints();
    const source = custom ? (mine ? dataSource('custom') : null) : dataSource(values.dataset as LabDataset, { seed: values.seed });
    const pts = custom ? (mine ?? new Float64Array()) : sampleMixture(source!.mixture, mulberry32(values.seed), values.n);
    const plot = scatterOverDensity({
      width,
      label: custom ? tr('lab.draw.customLabel', { count: pts.length / 2 }) : tr('lab.draw.builtinLabel', { n: values.n }),
      mixture: source?.mixture ?? null,
      points: toPoints(pts),
      extent: 1.2,
    }) as Scaled;
    if (custom) plot.classList.add('lab-drawable');
    currentPlot = custom ? plot : null;
    output.replaceChildren(plot);
    const count = mine ? mine.length / 2 : 0;
    download.href = `data:text/csv;charset=utf-8,${encodeURIComponent(pointsToCsv(mine ?? []))}`;
    download.hidden = count === 0;
    if (!status.textContent) status.textContent = count ? tr('lab.draw.have', { count }) : tr('lab.draw.none');
    root.dataset.points = String(count);
  }

  onLabChange((what) => {
    if (what === 'points') {
      // The count line follows every change (drawn, loaded, cleared, or changed in another tab);
      // an action that has more to say (loaded, rescaled, copied) writes its line right after.
      const count = (customPoints()?.length ?? 0) / 2;
      status.textContent = count ? tr('lab.draw.have', { count }) : tr('lab.draw.none');
      draw();
    }
  });
  return {
    update(v) {
      values = v;
      draw();
    },
  };
}
