/**
 * Training widget, heavy half. Trains a fresh MLP with src/lab/mlp/train.ts (yielding to the browser
 * between steps, so the page stays responsive), shows a progress bar and the loss curve as it goes, and can
 * pause, resume and cancel. A finished model becomes this page's MLP for its dataset (the sampler
 * and the experiments use it); then 2,000 samples are drawn with it and scored.
 */
import { tf } from '../runtime/tf-browser.ts';
import { attachBackendPicker } from '../runtime/backend-picker.ts';
import type { WidgetContext, WidgetInstance } from '../runtime/island.ts';
import { initMlpParams } from '../../core/nn/mlp-layout.ts';
import { mulberry32 } from '../../core/rng.ts';
import { sampleMixture } from '../../core/data/mixture.ts';
import { qualityInWorker } from '../lab/quality.ts';
import { formatNumber } from '../../i18n/format.ts';
import { createMlp } from '../../lab/mlp/model.ts';
import { trainMlp, type TrainControl } from '../../lab/mlp/train.ts';
import { labAlphasCumprod } from '../../lab/schedule.ts';
import { MissingDataError, requireData, runSampler } from '../lab/runner.ts';
import { setTrainedModel } from '../lab/store.ts';
import { addButton, panel } from '../lab/dom.ts';
import { lineChart } from '../lab/plots.ts';
import { yieldToBrowser } from '../lab/yield.ts';
import { SW2_THRESHOLD } from '../../lab/bench/threshold.ts';
import type { labTrainParams } from './params.ts';

type Table = typeof labTrainParams;

export async function mount(ctx: WidgetContext<Table>): Promise<WidgetInstance<Table>> {
  const { root, output, tr } = ctx;
  let values = ctx.values;
  let control: TrainControl | null = null;
  const train = addButton(root, tr('lab.train.start'), 'train');
  const pause = addButton(root, tr('lab.train.pause'), 'pause');
  const cancel = addButton(root, tr('lab.train.cancel'), 'cancel');
  const progress = document.createElement('progress');
  progress.className = 'lab-progress';
  progress.max = 1;
  progress.value = 0;
  const progressText = document.createElement('p');
  progressText.className = 'widget-readout';
  progressText.dataset.progress = '';
  progressText.setAttribute('aria-live', 'polite');
  const chart = document.createElement('div');
  const result = document.createElement('p');
  result.className = 'widget-readout';
  result.dataset.readout = '';
  output.replaceChildren(progress, progressText, chart, result);
  output.style.aspectRatio = 'auto';

  const setRunning = (running: boolean) => {
    train.disabled = running;
    pause.disabled = !running;
    cancel.disabled = !running;
    root.dataset.training = running ? 'running' : 'idle';
  };
  setRunning(false);
  progressText.textContent = tr('lab.train.ready');

  pause.addEventListener('click', () => {
    if (!control) return;
    control.paused = !control.paused;
    pause.textContent = control.paused ? tr('lab.train.resume') : tr('lab.train.pause');
    root.dataset.training = control.paused ? 'paused' : 'running';
  });
  cancel.addEventListener('click', () => {
    if (control) control.cancelled = true;
  });

  train.addEventListener('click', async () => {
    const v = values;
    let source;
    try {
      source = requireData(v.dataset, v.seed);
    } catch (error) {
      if (error instanceof MissingDataError) {
        progressText.textContent = tr('lab.needPoints');
        return;
      }
      throw error;
    }
    control = { paused: false, cancelled: false };
    setRunning(true);
    pause.textContent = tr('lab.train.pause');
    progress.max = v.steps;
    progress.value = 0;
    result.textContent = '';
    const losses: { x: number; y: number; series: string }[] = [];
    const model = createMlp(initMlpParams(mulberry32(v.seed)));
    const width = output.clientWidth || 640;
    try {
      const r = await trainMlp(model, {
        alphasCumprod: labAlphasCumprod(),
        // Built-in data: fresh draws from the known density; the reader's points: draws from that finite set.
        sampleData: (rng, n) => sampleMixture(v.dataset === 'custom' ? source.empirical : source.mixture, rng, n),
        steps: v.steps,
        batchSize: v.batch,
        learningRate: v.lr,
        seed: v.seed,
        predictionType: v.prediction,
        control: control!,
        yieldFn: yieldToBrowser,
        reportEvery: Math.max(1, Math.round(v.steps / 200)),
        onProgress: (step, loss) => {
          progress.value = step;
          progressText.textContent = tr('lab.train.progress', { step, steps: v.steps, loss: formatNumber(loss, 4) });
          losses.push({ x: step, y: loss, series: tr('lab.train.lossSeries') });
          if (losses.length % 5 === 1 || step === v.steps) {
            chart.replaceChildren(panel(lineChart({ width, height: 200, label: tr('lab.train.lossLabel'), xLabel: tr('lab.train.stepAxis'), yLabel: tr('lab.train.lossAxis'), rows: losses, yType: 'log' }), tr('lab.train.lossCaption'), 'loss'));
          }
        },
      });
      if (r.cancelled) {
        progressText.textContent = tr('lab.train.cancelled', { step: r.steps });
        return;
      }
      const params = await model.read();
      setTrainedModel({ dataset: v.dataset, params, steps: r.steps, finalLoss: r.finalLoss, predictionType: v.prediction });
      progressText.textContent = tr('lab.train.done', { steps: r.steps, seconds: r.seconds.toFixed(1), loss: formatNumber(r.finalLoss, 4), rate: (r.steps / r.seconds).toFixed(1) });
      const check = await runSampler({ dataset: v.dataset, denoiser: 'mlp', steps: 50, eta: 0, variance: 'eta', schedule: 'linear', spacing: 'leading', prediction: 'epsilon', n: 2000, seed: v.seed });
      const { quality: q } = await qualityInWorker(check.source.mixture, check.samples, 2000, {});
      result.textContent = tr('lab.train.quality', { sw2: formatNumber(q.slicedW2, 3), threshold: SW2_THRESHOLD });
      root.dataset.sw2 = String(q.slicedW2);
    } finally {
      model.dispose();
      control = null;
      setRunning(false);
      root.dataset.numTensors = String(tf.memory().numTensors);
    }
  });

  await attachBackendPicker(root, tr, ctx.setStatus, () => undefined);
  return {
    update(v) {
      values = v;
    },
  };
}
