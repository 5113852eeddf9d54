/**
 * Forward-process widget, heavy half: loaded when the widget scrolls into view.
 * Draws x_0 from the 8-Gaussian ring, noises it to x_t with tfjs, plots both, and compares the
 * sample mean and variance of x_t − √α_t x_0 with q(x_t | x_0)'s 0 and 1 − α_t.
 */
import * as Plot from '@observablehq/plot';
import { tf } from '../runtime/tf-browser.ts';
import { attachBackendPicker } from '../runtime/backend-picker.ts';
import type { WidgetContext, WidgetInstance } from '../runtime/island.ts';
import { betaSchedule, type BetaScheduleName } from '../../core/schedule/betas.ts';
import { alphasFromBetas } from '../../core/schedule/alphas.ts';
import { sampleGaussianRing } from '../../core/data/gaussian-ring.ts';
import { mulberry32, randn } from '../../core/rng.ts';
import { meanVariance } from '../../core/stats.ts';
import { forwardNoise } from '../../lab/forward.ts';
import { formatNumber } from '../../i18n/format.ts';
import { tensorFrom } from '../../lab/tensors.ts';
import type { forwardNoiseParams } from './params.ts';

type Table = typeof forwardNoiseParams;

export async function mount(ctx: WidgetContext<Table>): Promise<WidgetInstance<Table>> {
  const { root, output, tr } = ctx;
  const alphaCache = new Map<BetaScheduleName, Float64Array>();
  const alphaOf = (name: BetaScheduleName) => {
    if (!alphaCache.has(name)) alphaCache.set(name, alphasFromBetas(betaSchedule(name)));
    return alphaCache.get(name)!;
  };
  let last = ctx.values;
  const instance: WidgetInstance<Table> = {
    async update(values) {
      last = values;
      const alpha = alphaOf(values.schedule)[values.t];
      const x0 = sampleGaussianRing(mulberry32(values.seed), values.n);
      const eps = randn(mulberry32(values.seed ^ 0x9e3779b9), 2 * values.n);
      const x0t = tensorFrom(x0, [values.n, 2]);
      const epst = tensorFrom(eps, [values.n, 2]);
      const xt = forwardNoise(x0t, epst, alpha);
      const xtData = await xt.data();
      tf.dispose([x0t, epst, xt]);

      const residual = new Float64Array(xtData.length);
      for (let i = 0; i < residual.length; i++) residual[i] = xtData[i] - Math.sqrt(alpha) * x0[i];
      const { mean, variance } = meanVariance(residual);

      const points = Array.from({ length: values.n }, (_, i) => ({
        x0: x0[2 * i], y0: x0[2 * i + 1], xt: xtData[2 * i], yt: xtData[2 * i + 1],
      }));
      const width = Math.max(280, Math.min(output.clientWidth || 640, 720));
      const plot = Plot.plot({
        width,
        height: Math.round(width / 1.6),
        x: { domain: [-3, 3], label: 'x₁' },
        y: { domain: [-3, 3], label: 'x₂' },
        aspectRatio: 1,
        marks: [
          Plot.frame({ strokeOpacity: 0.3 }),
          Plot.dot(points, { clip: true, x: 'x0', y: 'y0', r: 1, fill: 'currentColor', fillOpacity: 0.25 }),
          Plot.dot(points, { clip: true, x: 'xt', y: 'yt', r: 1.3, fill: 'var(--accent)', fillOpacity: 0.6 }),
        ],
        ariaLabel: tr('fwd.plotLabel', { t: values.t }),
        ariaDescription: tr('fwd.plotDescription'),
      });
      const caption = document.createElement('p');
      caption.className = 'widget-readout';
      caption.dataset.readout = '';
      caption.textContent = tr('fwd.readout', {
        t: values.t,
        alpha: formatNumber(alpha, 4),
        mean: formatNumber(mean, 2),
        variance: formatNumber(variance, 4),
        expected: formatNumber(1 - alpha, 4),
      });
      output.replaceChildren(plot, caption);
    },
  };
  await attachBackendPicker(root, tr, ctx.setStatus, () => void instance.update(last));
  return instance;
}
