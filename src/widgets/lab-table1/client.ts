/**
 * Table 1 analogue, heavy half. On demand (a button), runs the sampler for every S ∈ {10, 20, 50,
 * 100, 1000} and η ∈ {0, 0.2, 0.5, 1} plus σ̂ from the same seed, filling the table cell by cell
 * (the page stays responsive: the loop yields to the browser). Two tables: the mean log-likelihood
 * of the samples under the known density, and their sliced W₂ to it. The paper's CIFAR-10 FIDs sit beside them.
 * A last row runs the source notes' formulas as written (src/core/experiments/notes-row.ts); where
 * one of its steps has no real value the cell says "×" and the caption names the step.
 */
import { tf } from '../runtime/tf-browser.ts';
import { attachBackendPicker } from '../runtime/backend-picker.ts';
import type { WidgetContext, WidgetInstance } from '../runtime/island.ts';
import { qualityInWorker } from '../lab/quality.ts';
import { PAPER_ROWS, PAPER_S, PAPER_TABLE1_CIFAR10, type PaperRow } from '../../core/experiments/paper-tables.ts';
import { formatNumber } from '../../i18n/format.ts';
import { NoRealValueError, runSampler, runErrorMessage } from '../lab/runner.ts';
import { NOTES_ROW } from '../../core/experiments/notes-row.ts';
import { addButton, table } from '../lab/dom.ts';
import type { labTable1Params } from './params.ts';

type Table = typeof labTable1Params;

/** The paper's rows, and the source notes' formulas. */
type Row = PaperRow | 'notes';
const ROWS: readonly Row[] = [...PAPER_ROWS, 'notes'];

export interface Table1Cell {
  row: Row;
  S: number;
  /** Null when the run has a step with no real value (then `noRealValue` names it, "t→prev"). */
  slicedW2: number | null;
  mmd2: number | null;
  logLikelihood: number | null;
  noRealValue?: string;
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
  const rowLabel = (r: Row) => (r === 'notes' ? tr('lab.table1.notesRow') : r === 'sigmaHat' ? 'σ̂' : `η = ${r}`);
  paper.append(table([tr('lab.table1.paperHead'), ...PAPER_S.map(String)], PAPER_ROWS.map((r) => [rowLabel(r), ...PAPER_TABLE1_CIFAR10[r].map((v) => v.toFixed(2))]), tr('lab.table1.paperCaption')));
  paper.querySelector('table')!.classList.add('paper');
  output.replaceChildren(status, mine, paper);

  const render = (cells: Table1Cell[], floor: { slicedW2: number; logLikelihood: number | null }, v: typeof values) => {
    const byKey = new Map(cells.map((c) => [`${c.row}/${c.S}`, c]));
    const grid = (pick: (c: Table1Cell) => number | null, head: string, caption: string) =>
      table(
        [head, ...PAPER_S.map(String)],
        ROWS.map((r) => [rowLabel(r), ...PAPER_S.map((S) => {
          const c = byKey.get(`${r}/${S}`);
          const value = c ? pick(c) : null;
          return c ? (c.noRealValue ? '×' : value === null ? '—' : formatNumber(value, 3)) : '…';
        })]),
        caption,
      );
    const denoiser = tr(`lab.denoiser.${v.denoiser}` as Parameters<typeof tr>[0]);
    const sw2 = grid((c) => c.slicedW2, tr('lab.table1.head'), tr('lab.table1.caption', { n: v.n, floor: formatNumber(floor.slicedW2, 3), denoiser }));
    sw2.querySelector('table')!.dataset.metric = 'sw2';
    const ll = grid((c) => c.logLikelihood, tr('lab.table1.llHead'), tr('lab.table1.llCaption', { floor: floor.logLikelihood === null ? '—' : formatNumber(floor.logLikelihood, 3) }));
    ll.querySelector('table')!.dataset.metric = 'll';
    const broken = cells.filter((c) => c.noRealValue);
    const notes = document.createElement('p');
    notes.className = 'widget-readout';
    notes.dataset.notesRow = '';
    notes.textContent = tr('lab.table1.notesCaption', { list: broken.length ? broken.map((c) => `S = ${c.S}: t = ${c.noRealValue!.replace('→', ' → ')}`).join('; ') : '—' });
    mine.replaceChildren(ll, sw2, notes);
  };

  run.addEventListener('click', async () => {
    const v = values;
    const me = ++generation;
    run.disabled = true;
    root.dataset.table1 = 'running';
    const cells: Table1Cell[] = [];
    const started = performance.now();
    try {
      let floor: { slicedW2: number; logLikelihood: number | null } | null = null;
      let done = 0;
      const total = ROWS.length * PAPER_S.length;
      for (const r of ROWS) {
        for (const S of PAPER_S) {
          if (generation !== me || ctx.current() !== v) {
            status.textContent = tr('lab.table1.stopped');
            return;
          }
          status.textContent = tr('lab.running', { done: done + 1, total });
          const eta = r === 'notes' ? NOTES_ROW.eta : r === 'sigmaHat' ? 0 : Number(r);
          const formulas = r === 'notes' ? NOTES_ROW.formulas : null;
          let out;
          try {
            out = await runSampler({ dataset: v.dataset, denoiser: v.denoiser, steps: S, eta, variance: r === 'sigmaHat' ? 'sigmaHat' : 'eta', formulas, schedule: 'linear', spacing: 'leading', prediction: 'epsilon', n: v.n, seed: v.seed }, { isCancelled: () => generation !== me || ctx.current() !== v });
          } catch (e) {
            if (!(e instanceof NoRealValueError)) throw e;
            cells.push({ row: r, S, slicedW2: null, mmd2: null, logLikelihood: null, noRealValue: `${e.step.timestep}→${e.step.prevTimestep}` });
            done++;
            if (floor) render(cells, floor, v);
            continue;
          }
          if (out.cancelled) continue;
          // Off the main thread (quadratic MMD over up to 5,000 points); full sets, as in the paper's table.
          const metrics = await qualityInWorker(out.source.mixture, out.samples, v.n, {});
          floor ??= metrics.floor;
          const q = metrics.quality;
          cells.push({ row: r, S, ...q });
          done++;
          render(cells, floor!, v);
        }
      }
      status.textContent = tr('lab.table1.done', { seconds: ((performance.now() - started) / 1000).toFixed(1) });
      root.dataset.table1 = 'done';
      root.dataset.results = JSON.stringify(cells);
    } catch (e) {
      status.textContent = runErrorMessage(e, tr);
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
