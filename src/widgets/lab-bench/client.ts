/**
 * Benchmark widget, heavy half. "Run" measures src/lab/bench/workloads.ts on the current backend
 * and the plain-TypeScript baseline right after, and adds a row; switch the backend and run again
 * to compare. "Train to the threshold" times src/lab/bench/train-to-threshold.ts. Both run in a
 * worker (bench-worker.ts): the page stays responsive, shows which phase runs, and "Cancel" ends
 * the worker. scripts/bench.ts drives this widget in headless Chromium for `npm run bench`;
 * results are also left in data attributes.
 */
import { tf } from '../runtime/tf-browser.ts';
import { attachBackendPicker } from '../runtime/backend-picker.ts';
import type { WidgetContext, WidgetInstance } from '../runtime/island.ts';
import type { BenchRow } from '../../lab/bench/workloads.ts';
import type { BackendName } from '../../lab/backend-order.ts';
import { SW2_THRESHOLD } from '../../lab/bench/threshold.ts';
import { addButton, table } from '../lab/dom.ts';
import type { labBenchParams } from './params.ts';
import { BENCH_PHASES, type BenchReply, type BenchRequest } from './protocol.ts';

type Table = typeof labBenchParams;
type Job = 'bench' | 'threshold';

export async function mount(ctx: WidgetContext<Table>): Promise<WidgetInstance<Table>> {
  const { root, output, tr } = ctx;
  let values = ctx.values;
  const rows: (BenchRow & { n: number; steps: number })[] = [];
  const run = addButton(root, tr('lab.bench.run'), 'run');
  const train = addButton(root, tr('lab.bench.train', { threshold: SW2_THRESHOLD }), 'threshold');
  const cancel = addButton(root, tr('lab.bench.cancel'), 'cancel');
  cancel.hidden = true;
  const status = document.createElement('p');
  status.className = 'widget-readout';
  status.setAttribute('aria-live', 'polite');
  status.textContent = tr('lab.bench.idle');
  const progress = document.createElement('progress');
  progress.className = 'lab-progress';
  progress.hidden = true;
  const body = document.createElement('div');
  const trainOut = document.createElement('p');
  trainOut.className = 'widget-readout';
  trainOut.setAttribute('aria-live', 'polite');
  output.replaceChildren(status, progress, body, trainOut);
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

  let worker: Worker | null = null;
  let job: Job | null = null;
  const stateKey = (j: Job) => (j === 'bench' ? 'benchState' : 'thresholdState');
  const line = (j: Job) => (j === 'bench' ? status : trainOut);

  const finish = (state: 'done' | 'failed' | 'cancelled') => {
    if (job) root.dataset[stateKey(job)] = state;
    worker?.terminate();
    worker = null;
    job = null;
    run.disabled = train.disabled = false;
    cancel.hidden = true;
    progress.hidden = true;
  };

  const onReply = (reply: BenchReply) => {
    if (!job) return;
    switch (reply.kind) {
      case 'progress':
        progress.value = BENCH_PHASES.indexOf(reply.phase);
        status.textContent = tr(`lab.bench.doing.${reply.phase}`, { backend: reply.backend, step: BENCH_PHASES.indexOf(reply.phase) + 1, of: BENCH_PHASES.length });
        break;
      case 'thresholdProgress':
        trainOut.textContent = tr('lab.bench.trainingRound', { steps: reply.steps, sw2: reply.slicedW2.toFixed(3), threshold: SW2_THRESHOLD });
        break;
      case 'row': {
        const row = { ...reply.row, n: values.n, steps: values.steps };
        rows.push(row);
        render();
        status.textContent = tr('lab.bench.done', { backend: row.backend });
        root.dataset.benchRow = JSON.stringify(row);
        finish('done');
        break;
      }
      case 'threshold': {
        const r = reply.result;
        trainOut.textContent = tr(r.reached ? 'lab.bench.reached' : 'lab.bench.notReached', { backend: reply.backend, steps: r.steps, train: r.trainSeconds.toFixed(1), total: r.totalSeconds.toFixed(1), sw2: r.slicedW2.toFixed(3), threshold: SW2_THRESHOLD });
        root.dataset.thresholdResult = JSON.stringify({ ...r, backend: reply.backend });
        finish('done');
        break;
      }
      case 'failed':
        line(job).textContent = tr('lab.bench.failed', { message: reply.message });
        finish('failed');
        break;
    }
  };

  const start = (j: Job, request: BenchRequest) => {
    run.disabled = train.disabled = true;
    cancel.hidden = false;
    job = j;
    root.dataset[stateKey(j)] = 'running';
    if (j === 'bench') {
      progress.hidden = false;
      progress.max = BENCH_PHASES.length;
      progress.value = 0;
    }
    line(j).textContent = tr(j === 'bench' ? 'lab.bench.starting' : 'lab.bench.training', { backend: request.backend });
    worker = new Worker(new URL('./bench-worker.ts', import.meta.url), { type: 'module', name: 'lab-bench' });
    worker.onmessage = (event: MessageEvent<BenchReply>) => onReply(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      onReply({ kind: 'failed', message: event.message || 'the worker stopped' });
    };
    worker.postMessage(request);
  };

  run.addEventListener('click', () => start('bench', { kind: 'run', backend: tf.getBackend() as BackendName, n: values.n, steps: values.steps }));
  train.addEventListener('click', () => start('threshold', { kind: 'threshold', backend: tf.getBackend() as BackendName }));
  cancel.addEventListener('click', () => {
    if (!job) return;
    line(job).textContent = tr('lab.bench.cancelled');
    finish('cancelled');
    run.focus();
  });

  await attachBackendPicker(root, tr, ctx.setStatus, () => undefined);
  return {
    update(v) {
      values = v;
    },
  };
}
