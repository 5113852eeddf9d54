/**
 * Consistency, heavy half: one seeded x_T, decoded by DDIM (η = 0) with S = 10, 20, 50, 100 and
 * 1000. Each x_T's results are joined by a line; the table gives the mean distance of each S's
 * result to the S = 1000 result.
 */
import * as Plot from '@observablehq/plot';
import { tf } from '../runtime/tf-browser.ts';
import { attachBackendPicker } from '../runtime/backend-picker.ts';
import type { WidgetContext, WidgetInstance } from '../runtime/island.ts';
import { formatNumber } from '../../i18n/format.ts';
import { MissingDataError, MissingModelError, runSampler } from '../lab/runner.ts';
import { panel, table } from '../lab/dom.ts';
import { scatterOverDensity } from '../lab/plots.ts';
import type { labConsistencyParams } from './params.ts';

type Table = typeof labConsistencyParams;
const STEPS = [10, 20, 50, 100, 1000];
const PALETTE = ['#d95f02', '#e6ab02', '#66a61e', '#7570b3', '#1b9e77'];

export async function mount(ctx: WidgetContext<Table>): Promise<WidgetInstance<Table>> {
  const { root, output, tr } = ctx;
  let last = ctx.values;
  let generation = 0;
  const instance: WidgetInstance<Table> = {
    async update(v) {
      last = v;
      const me = ++generation;
      const results: Float32Array[] = [];
      let mixture;
      for (const S of STEPS) {
        try {
          const out = await runSampler({ dataset: v.dataset, denoiser: v.denoiser, steps: S, eta: 0, variance: 'eta', schedule: 'linear', spacing: 'leading', prediction: 'epsilon', n: v.n, seed: v.seed }, { isCancelled: () => generation !== me || ctx.current() !== v });
          if (out.cancelled) return;
          results.push(out.samples);
          mixture = out.source.mixture;
        } catch (e) {
          if (e instanceof MissingDataError || e instanceof MissingModelError) return ctx.setStatus(tr(e instanceof MissingDataError ? 'lab.needPoints' : 'lab.needModel'));
          throw e;
        }
      }
      const rows = results.flatMap((s, k) => Array.from({ length: v.n }, (_, i) => ({ x: s[2 * i], y: s[2 * i + 1], S: `S = ${STEPS[k]}`, i, order: k }))).filter((r) => Number.isFinite(r.x) && Number.isFinite(r.y));
      const ref = results[results.length - 1];
      const distances = results.map((s) => {
        let d = 0;
        for (let i = 0; i < v.n; i++) d += Math.hypot(s[2 * i] - ref[2 * i], s[2 * i + 1] - ref[2 * i + 1]);
        return d / v.n;
      });
      const width = output.clientWidth || 640;
      const plot = scatterOverDensity({
        width: Math.min(width, 560),
        label: tr('lab.consistency.label', { n: v.n }),
        mixture,
        points: [],
        extent: 1.2,
        marks: [
          Plot.line(rows, { clip: true, x: 'x', y: 'y', z: 'i', sort: 'order', stroke: 'var(--muted)', strokeOpacity: 0.5, strokeWidth: 0.8 }),
          // Colours by S without a colour scale (the density raster owns that scale).
          Plot.dot(rows, { clip: true, x: 'x', y: 'y', fill: (d: { order: number }) => PALETTE[d.order], r: 1.8 }),
        ],
      });
      const legend = document.createElement('p');
      legend.className = 'lab-legend';
      for (const [k, S] of STEPS.entries()) {
        const item = document.createElement('span');
        item.innerHTML = `<svg width="10" height="10" aria-hidden="true"><circle cx="5" cy="5" r="4" fill="${PALETTE[k]}"/></svg> S = ${S}`;
        legend.append(item);
      }
      const figure = panel(plot, tr('lab.consistency.caption'), 'consistency');
      figure.insertBefore(legend, figure.firstChild);
      const t = table([tr('lab.consistency.colS'), tr('lab.consistency.colDist')], STEPS.map((S, k) => [`S = ${S}`, formatNumber(distances[k], 3)]), tr('lab.consistency.tableCaption'));
      const grid = document.createElement('div');
      grid.className = 'lab-grid';
      grid.append(figure, t);
      output.replaceChildren(grid);
      root.dataset.distances = JSON.stringify(distances);
      root.dataset.numTensors = String(tf.memory().numTensors);
    },
  };
  await attachBackendPicker(root, tr, ctx.setStatus, () => void instance.update(last));
  return instance;
}
