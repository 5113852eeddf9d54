/**
 * Interpolation, heavy half. For each pair of seeded latents (x_T⁽¹⁾, x_T⁽²⁾), `frames` latents
 * along the slerp and along the straight line are decoded by DDIM (η = 0) in one batch. Left: the
 * latent paths; right: where they decode to. In 2D the straight line passes near the origin, where
 * no data lives; slerp keeps the norm and so keeps decoding to data.
 */
import * as Plot from '@observablehq/plot';
import { tf } from '../runtime/tf-browser.ts';
import { attachBackendPicker } from '../runtime/backend-picker.ts';
import type { WidgetContext, WidgetInstance } from '../runtime/island.ts';
import { slerp } from '../../core/slerp.ts';
import { mixtureLogDensity } from '../../core/data/mixture.ts';
import { mulberry32, randn } from '../../core/rng.ts';
import { formatNumber } from '../../i18n/format.ts';
import { MissingDataError, MissingModelError, runSampler } from '../lab/runner.ts';
import { streamSeed } from '../lab/noise.ts';
import { panel } from '../lab/dom.ts';
import { lineLegend, scatterOverDensity } from '../lab/plots.ts';
import type { labInterpParams } from './params.ts';

type Table = typeof labInterpParams;

/** The straight line between two latents, for contrast with slerp. */
function lerp(a: ArrayLike<number>, b: ArrayLike<number>, lambda: number): Float64Array {
  return Float64Array.from(a, (v, i) => (1 - lambda) * v + lambda * b[i]);
}

export async function mount(ctx: WidgetContext<Table>): Promise<WidgetInstance<Table>> {
  const { root, output, tr } = ctx;
  let last = ctx.values;
  let generation = 0;
  const instance: WidgetInstance<Table> = {
    async update(v) {
      last = v;
      const me = ++generation;
      const ends = randn(mulberry32(streamSeed(v.seed, 3)), 4 * v.pairs);
      const kinds = ['slerp', 'lerp'] as const;
      const latents: number[] = [];
      const meta: { kind: (typeof kinds)[number]; pair: number; lambda: number }[] = [];
      for (const kind of kinds) {
        for (let p = 0; p < v.pairs; p++) {
          const a = ends.subarray(4 * p, 4 * p + 2);
          const b = ends.subarray(4 * p + 2, 4 * p + 4);
          for (let f = 0; f < v.frames; f++) {
            const lambda = f / (v.frames - 1);
            latents.push(...(kind === 'slerp' ? slerp(a, b, lambda) : lerp(a, b, lambda)));
            meta.push({ kind, pair: p, lambda });
          }
        }
      }
      let out;
      try {
        out = await runSampler({ dataset: v.dataset, denoiser: v.denoiser, steps: v.steps, eta: 0, variance: 'eta', schedule: 'linear', spacing: 'leading', prediction: 'epsilon', n: meta.length, seed: v.seed }, { xT: latents, isCancelled: () => generation !== me || ctx.current() !== v });
      } catch (e) {
        if (e instanceof MissingDataError || e instanceof MissingModelError) return ctx.setStatus(tr(e instanceof MissingDataError ? 'lab.needPoints' : 'lab.needModel'));
        throw e;
      }
      if (out.cancelled) return;
      const rows = meta.map((m, i) => ({ ...m, zx: latents[2 * i], zy: latents[2 * i + 1], x: out.samples[2 * i], y: out.samples[2 * i + 1], path: `${m.kind}-${m.pair}` }));
      const ll = kinds.map((kind) => {
        const pts = rows.filter((r) => r.kind === kind).flatMap((r) => [r.x, r.y]);
        const lp = out.source.mixture.variances.every((s) => s > 0) ? mixtureLogDensity(out.source.mixture, pts) : null;
        return lp ? lp.reduce((s, x) => s + x, 0) / lp.length : NaN;
      });
      const width = output.clientWidth || 640;
      const half = width >= 700 ? width / 2 - 12 : width;
      const colour = { slerp: 'var(--accent)', lerp: 'var(--accent-2)' };
      const marks = (xKey: 'zx' | 'x', yKey: 'zy' | 'y') =>
        kinds.flatMap((kind) => {
          const r = rows.filter((q) => q.kind === kind && Number.isFinite(q[xKey]) && Number.isFinite(q[yKey]));
          return [
            Plot.line(r, { clip: true, x: xKey, y: yKey, z: 'path', stroke: colour[kind], strokeWidth: 1.5, strokeOpacity: 0.8, strokeDasharray: kind === 'lerp' ? '4 3' : undefined }),
            Plot.dot(r.filter((q) => q.lambda === 0 || q.lambda === 1), { clip: true, x: xKey, y: yKey, r: 3, fill: colour[kind] }),
          ];
        });
      const grid = document.createElement('div');
      grid.className = 'lab-grid';
      grid.append(
        panel(scatterOverDensity({ width: half, label: tr('lab.interp.latentLabel'), mixture: null, points: [], extent: 3, marks: marks('zx', 'zy') }), tr('lab.interp.latentCaption'), 'latent'),
        panel(scatterOverDensity({ width: half, label: tr('lab.interp.decodedLabel'), mixture: out.source.mixture, points: [], extent: 1.2, marks: marks('x', 'y') }), tr('lab.interp.decodedCaption'), 'decoded'),
      );
      const readout = document.createElement('p');
      readout.className = 'widget-readout';
      readout.dataset.readout = '';
      readout.textContent = tr('lab.interp.readout', { slerp: formatNumber(ll[0], 3), lerp: formatNumber(ll[1], 3) });
      const legend = lineLegend([
        { label: tr('lab.interp.legendSlerp'), color: colour.slerp },
        { label: tr('lab.interp.legendLerp'), color: colour.lerp, dashed: true },
      ]);
      output.replaceChildren(legend, grid, readout);
      root.dataset.numTensors = String(tf.memory().numTensors);
    },
  };
  await attachBackendPicker(root, tr, ctx.setStatus, () => void instance.update(last));
  return instance;
}
