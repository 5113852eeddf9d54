/**
 * Benchmark widget, heavy half. "Run" measures src/lab/bench/workloads.ts on the current backend
 * and the plain-TypeScript baseline right after, and adds a row; switch the backend and run again
 * to compare. "Train to the threshold" times src/lab/bench/train-to-threshold.ts. scripts/bench.ts
 * drives this widget in headless Chromium for `npm run bench`; results are also left in data attributes.
 */
import { tf } from '../runtime/tf-browser.ts';
import { attachBackendPicker } from '../runtime/backend-picker.ts';
import type { WidgetContext, WidgetInstance } from '../runtime/island.ts';
import { benchAll, type BenchRow } from '../../lab/bench/workloads.ts';
import { trainToThreshold } from '../../lab/bench/train-to-threshold.ts';
import { SW2_THRESHOLD } from '../../lab/bench/threshold.ts';
import { addButton, table } from '../lab/dom.ts';
import type { labBenchParams } from './params.ts';
import { yieldToBrowser } from '../lab/yield.ts';

type Table = typeof labBenchParams;


export async function mount(ctx: WidgetContext<Table>): Promise<WidgetInstance<Table>> {
  const { root, output, tr } = ctx;
  let values = ctx.values;
  const rows: (BenchRow & { n: number; steps: number })[] = [];
  const run = addButton(root, tr('lab.bench.run'), 'run');
  const train = addButton(root, tr('lab.bench.train', { threshold: SW2_THRESHOLD }), 'threshold');
  const status = document.createElement('p');
  status.className = 'widget-readout';
  status.setAttribute('aria-live', 'polite');
  status.textContent = tr('lab.bench.idle');
  const body = document.createElement('div');
  const trainOut = document.createElement('p');
  trainOut.className = 'widget-readout';
  output.replaceChildren(status, body, trainOut);
  const s = (x: number) => `${x.toFixed(2)} s`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;

  const render = () => {
    body.replaceChildren(
      table(
        [tr('lab.bench.colBackend'), tr('lab.bench.colGmm'), tr('lab.bench.colBase'), tr('lab.bench.colSpeedup'), tr('lab.bench.colMlp'), tr('lab.bench.colBase'), tr('lab.bench.colSpeedup'), tr('lab.bench.colTrain'), tr('lab.bench.colBase')],
        rows.map((r) => [r.backend, s(r.gmmSeconds), s(r.gmmBaselineSeconds), ratio(r.gmmBaselineSeconds, r.gmmSeconds), s(r.mlpSeconds), s(r.mlpBaselineSeconds), ratio(r.mlpBaselineSeconds, r.mlpSeconds), r.trainPerSecond.toFixed(1), r.trainBaselinePerSecond.toFixed(1)]),
        tr('lab.bench.caption', { n: rows[0]?.n ?? values.n, steps: rows[0]?.steps ?? values.steps }),
      ),
    );
  };

  run.addEventListener('click', async () => {
    run.disabled = train.disabled = true;
    root.dataset.benchState = 'running';
    const v = values;
    try {
      const row = await benchAll({ n: v.n, steps: v.steps }, (what) => (status.textContent = tr(`lab.bench.doing.${what}` as Parameters<typeof tr>[0], { backend: tf.getBackend() })), yieldToBrowser);
      rows.push({ ...row, n: v.n, steps: v.steps });
      render();
      status.textContent = tr('lab.bench.done', { backend: row.backend });
      root.dataset.benchRow = JSON.stringify({ ...row, n: v.n, steps: v.steps });
      root.dataset.benchState = 'done';
    } catch (e) {
      status.textContent = String(e);
      root.dataset.benchState = 'failed';
    } finally {
      run.disabled = train.disabled = false;
    }
  });

  train.addEventListener('click', async () => {
    run.disabled = train.disabled = true;
    root.dataset.thresholdState = 'running';
    trainOut.textContent = tr('lab.bench.training', { backend: tf.getBackend() });
    try {
      const r = await trainToThreshold({ yieldFn: yieldToBrowser });
      trainOut.textContent = tr(r.reached ? 'lab.bench.reached' : 'lab.bench.notReached', { backend: tf.getBackend(), steps: r.steps, train: r.trainSeconds.toFixed(1), total: r.totalSeconds.toFixed(1), sw2: r.slicedW2.toFixed(3), threshold: SW2_THRESHOLD });
      root.dataset.thresholdResult = JSON.stringify({ ...r, backend: tf.getBackend() });
      root.dataset.thresholdState = 'done';
    } catch (e) {
      trainOut.textContent = String(e);
      root.dataset.thresholdState = 'failed';
    } finally {
      run.disabled = train.disabled = false;
    }
  });

  await attachBackendPicker(root, tr, ctx.setStatus, () => undefined);
  return {
    update(v) {
      values = v;
    },
  };
}
