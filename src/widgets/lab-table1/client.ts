/**
 * Table 1 analogue, heavy half. On demand (a button), runs the sampler for every S ∈ {10, 20, 50,
 * 100, 1000} and η ∈ {0, 0.2, 0.5, 1} plus σ̂ from the same seed, filling the table cell by cell
 * (the page stays responsive: the loop yields to the browser). Each cell is the sliced W₂ to the
 * known density; hovering shows MMD² and the mean log-likelihood. The paper's CIFAR-10 FIDs sit beside it.
 */
import { tf } from '../runtime/tf-browser.ts';
import { attachBackendPicker } from '../runtime/backend-picker.ts';
import type { WidgetContext, WidgetInstance } from '../runtime/island.ts';
import { sampleQuality, qualityFloor } from '../../core/metrics/sample-quality.ts';
import { PAPER_ROWS, PAPER_S, PAPER_TABLE1_CIFAR10, type PaperRow } from '../../core/experiments/paper-tables.ts';
import { formatNumber } from '../../components/format.ts';
import { MissingDataError, runSampler } from '../lab/runner.ts';
import { addButton, table } from '../lab/dom.ts';
import type { labTable1Params } from './params.ts';

type Table = typeof labTable1Params;

export interface Table1Cell {
  row: PaperRow;
  S: number;
  slicedW2: number;
  mmd2: number;
  logLikelihood: number | null;
}

export async function mount(ctx: WidgetContext<Table>): Promise<WidgetInstance<Table>> {
  const { root, output, tr } = ctx;
  let values = ctx.values;
  let generation = 0;
  const run = addButton(root, tr('lab.table1.run'), 'run');
  const status = document.createElement('p');
  status.className = 'widget-readout';
  status.setAttribute('aria-live', 'polite');
  status.textContent = tr('lab.table1.idle');
  const mine = document.createElement('div');
  const paper = document.createElement('div');
  const rowLabel = (r: PaperRow) => (r === 'sigmaHat' ? 'σ̂' : `η = ${r}`);
  paper.append(table([tr('lab.table1.paperHead'), ...PAPER_S.map(String)], PAPER_ROWS.map((r) => [rowLabel(r), ...PAPER_TABLE1_CIFAR10[r].map((v) => v.toFixed(2))]), tr('lab.table1.paperCaption')));
  paper.querySelector('table')!.classList.add('paper');
  output.replaceChildren(status, mine, paper);

  const render = (cells: Table1Cell[], floor: number, v: typeof values) => {
    const byKey = new Map(cells.map((c) => [`${c.row}/${c.S}`, c]));
    const t = table(
      [tr('lab.table1.head'), ...PAPER_S.map(String)],
      PAPER_ROWS.map((r) => [rowLabel(r), ...PAPER_S.map((S) => {
        const c = byKey.get(`${r}/${S}`);
        return c ? formatNumber(c.slicedW2, 3) : '…';
      })]),
      tr('lab.table1.caption', { n: v.n, floor: formatNumber(floor, 3), denoiser: tr(`lab.denoiser.${v.denoiser}` as Parameters<typeof tr>[0]) }),
    );
    t.querySelectorAll('tbody tr').forEach((row, i) => {
      row.querySelectorAll('td').forEach((td, j) => {
        const c = byKey.get(`${PAPER_ROWS[i]}/${PAPER_S[j]}`);
        if (c) td.title = tr('lab.table1.cellTitle', { mmd: formatNumber(c.mmd2, 3), ll: c.logLikelihood === null ? '—' : formatNumber(c.logLikelihood, 3) });
      });
    });
    mine.replaceChildren(t);
  };

  run.addEventListener('click', async () => {
    const v = values;
    const me = ++generation;
    run.disabled = true;
    root.dataset.table1 = 'running';
    const cells: Table1Cell[] = [];
    const started = performance.now();
    try {
      let floor = NaN;
      let done = 0;
      const total = PAPER_ROWS.length * PAPER_S.length;
      for (const r of PAPER_ROWS) {
        for (const S of PAPER_S) {
          if (generation !== me || ctx.current() !== v) {
            status.textContent = tr('lab.table1.stopped');
            return;
          }
          status.textContent = tr('lab.running', { done: done + 1, total });
          const out = await runSampler({ dataset: v.dataset, denoiser: v.denoiser, steps: S, eta: r === 'sigmaHat' ? 0 : Number(r), variance: r === 'sigmaHat' ? 'sigmaHat' : 'eta', schedule: 'linear', spacing: 'leading', prediction: 'epsilon', n: v.n, seed: v.seed }, { isCancelled: () => generation !== me || ctx.current() !== v });
          if (out.cancelled) continue;
          if (Number.isNaN(floor)) floor = qualityFloor(out.source.mixture, v.n).slicedW2;
          const q = sampleQuality(out.source.mixture, out.samples);
          cells.push({ row: r, S, ...q });
          done++;
          render(cells, floor, v);
        }
      }
      status.textContent = tr('lab.table1.done', { seconds: ((performance.now() - started) / 1000).toFixed(1) });
      root.dataset.table1 = 'done';
      root.dataset.results = JSON.stringify(cells);
    } catch (e) {
      status.textContent = e instanceof MissingDataError ? tr('lab.needPoints') : String(e);
    } finally {
      run.disabled = false;
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
