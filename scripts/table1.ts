#!/usr/bin/env node
/**
 * The Table 1 analogue under Node, with the same code the page runs (scheduler plans, denoisers,
 * seeded noise, metrics): sliced W₂ to the known density for S ∈ {10, 20, 50, 100, 1000} ×
 * η ∈ {0, 0.2, 0.5, 1} plus σ̂, printed next to the paper's CIFAR-10 FIDs, and a last row with the
 * source notes' formulas as written (src/core/experiments/notes-row.ts; "×": a step has no real value).
 *
 *   npm run table1 -- [dataset] [--denoiser exact|mlp|empirical] [--n 1000] [--seed 1] [--backend wasm|cpu]
 */
import { readFileSync } from 'node:fs';
import { useBackend, nodeYield } from './lib/tf-node.ts';
import { datasetMixture, parseDatasetName, sampleDataset } from '../src/core/data/datasets.ts';
import { empiricalMixture } from '../src/core/data/mixture.ts';
import { sampleQuality, qualityFloor } from '../src/core/metrics/sample-quality.ts';
import { decodeCheckpoint } from '../src/core/nn/checkpoint-format.ts';
import { mulberry32 } from '../src/core/rng.ts';
import { PAPER_ROWS, PAPER_S, PAPER_TABLE1_CIFAR10 } from '../src/core/experiments/paper-tables.ts';
import { mixtureDenoiser } from '../src/lab/denoisers/mixture.ts';
import { mlpDenoiser } from '../src/lab/denoisers/mlp.ts';
import { createMlp } from '../src/lab/mlp/model.ts';
import { sampleLoop } from '../src/lab/sampling/sample-loop.ts';
import { buildPlan } from '../src/lab/sampling/scheduler-plan.ts';
import { buildNotesPlan } from '../src/lab/sampling/notes-plan.ts';
import { NOTES_ROW } from '../src/core/experiments/notes-row.ts';
import { labAlphasCumprod } from '../src/lab/schedule.ts';
import { initialNoise, stepNoise } from '../src/widgets/lab/noise.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const dataset = parseDatasetName(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'moons');
const kind = option('--denoiser', 'exact');
const n = Number(option('--n', '1000'));
const seed = Number(option('--seed', '1'));
await useBackend(option('--backend', 'wasm') as 'wasm' | 'cpu');

const mixture = datasetMixture(dataset);
function denoiser() {
  if (kind === 'exact') return mixtureDenoiser(mixture);
  // The page's memorising denoiser uses 256 points drawn with the page's data seed.
  if (kind === 'empirical') return mixtureDenoiser(empiricalMixture(sampleDataset(dataset, mulberry32(seed ^ 0x5bd1e995), 256)));
  const { params, manifest } = decodeCheckpoint(JSON.parse(readFileSync(`public/checkpoints/${dataset}.json`, 'utf8')), readFileSync(`public/checkpoints/${dataset}.bin`).buffer as ArrayBuffer);
  return mlpDenoiser(createMlp(params), { trainAlphasCumprod: labAlphasCumprod(), predictionType: manifest.predictionType, ownsModel: true });
}

const label = (r: string) => (r === 'notes' ? 'notes' : r === 'sigmaHat' ? 'σ̂' : `η = ${r}`);
const lines: string[] = [];
const llLines: string[] = [];
const floorQ = qualityFloor(mixture, n);
lines.push(`Table 1 analogue: ${dataset}, ${kind} denoiser, N = ${n}, seed ${seed}; sliced W₂ to the known density (a fresh data sample of size N: ${floorQ.slicedW2.toFixed(4)}). Paper: CIFAR-10 FID.`);
lines.push(`| row      | ${PAPER_S.map((S) => `S=${S}`.padStart(8)).join(' | ')} | paper FID: ${PAPER_S.map((S) => `S=${S}`.padStart(7)).join(' | ')} |`);
llLines.push(`Mean log-likelihood of the same samples under the data density (higher is better; the data itself: ${floorQ.logLikelihood?.toFixed(3)}).`);
llLines.push(`| row      | ${PAPER_S.map((S) => `S=${S}`.padStart(8)).join(' | ')} |`);
const broken: string[] = [];
for (const r of [...PAPER_ROWS, 'notes'] as const) {
  const cells: string[] = [];
  const llCells: string[] = [];
  for (const S of PAPER_S) {
    const notes = r === 'notes' ? buildNotesPlan({ numInferenceSteps: S, eta: NOTES_ROW.eta, formulas: NOTES_ROW.formulas }) : null;
    if (notes?.noRealValue) {
      broken.push(`S = ${S}: t = ${notes.noRealValue.timestep} → ${notes.noRealValue.prevTimestep}`);
      cells.push('×'.padStart(8));
      llCells.push('×'.padStart(8));
      continue;
    }
    const den = denoiser();
    const plan = notes ?? buildPlan({ numInferenceSteps: S, eta: r === 'sigmaHat' ? 0 : Number(r), variance: r === 'sigmaHat' ? 'sigmaHat' : 'eta' });
    const out = await sampleLoop({ plan, denoiser: den, xT: initialNoise(seed, n), noiseAt: (i) => stepNoise(seed, i, n), yieldFn: nodeYield, yieldEvery: 100 });
    den.dispose();
    const q = sampleQuality(mixture, out.samples);
    cells.push(q.slicedW2.toFixed(4).padStart(8));
    llCells.push((q.logLikelihood ?? NaN).toFixed(3).padStart(8));
  }
  lines.push(`| ${label(r).padEnd(8)} | ${cells.join(' | ')} |${r === 'notes' ? '' : `            ${PAPER_TABLE1_CIFAR10[r].map((v) => v.toFixed(2).padStart(7)).join(' | ')} |`}`);
  llLines.push(`| ${label(r).padEnd(8)} | ${llCells.join(' | ')} |`);
}
if (broken.length) lines.push(`"notes": the source notes' formulas as written at η = ${NOTES_ROW.eta}; × = a step has no real value (${broken.join('; ')}).`);
console.log([...lines, '', ...llLines].join('\n'));
