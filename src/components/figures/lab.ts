/**
 * Build-time numbers and figures for the lab chapters. Everything shown in the prose is computed
 * here from src/core (and from the checkpoint manifests in public/checkpoints), never typed in.
 */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import { DATASETS, datasetMixture, sampleDataset, type DatasetName } from '../../core/data/datasets.ts';
import { mixtureLogDensity, type Mixture2D } from '../../core/data/mixture.ts';
import { mixtureEpsilon } from '../../core/denoise/mixture-eps.ts';
import { parameterCount } from '../../core/nn/mlp-layout.ts';
import { mulberry32 } from '../../core/rng.ts';
import { qualityFloor } from '../../core/metrics/sample-quality.ts';
import type { CheckpointManifest } from '../../core/nn/checkpoint-format.ts';
import { DDPMScheduler } from '../../core/scheduler/ddpm.ts';
import { labSchedulerConfig } from '../../core/sampling/lab-config.ts';

const manifests = import.meta.glob<CheckpointManifest>('/public/checkpoints/*.json', { eager: true, import: 'default' });

/** The checkpoint manifests, by dataset. */
export function checkpointManifests(): Record<string, CheckpointManifest> {
  return Object.fromEntries(Object.values(manifests).map((m) => [m.dataset, m]));
}

export const MLP_PARAMETERS = parameterCount();

/** Points per dataset in the gallery figure: enough to show each shape at 120 px per panel. */
export const GALLERY_POINTS = 400;

/** Six small scatter plots of the built-in datasets (one seeded sample each). */
export function datasetGallery(labels: Record<DatasetName, string>, n = GALLERY_POINTS): PlotOptions {
  const rows = DATASETS.flatMap((name) => {
    const pts = sampleDataset(name, mulberry32(1), n);
    return Array.from({ length: n }, (_, i) => ({ x: pts[2 * i], y: pts[2 * i + 1], name: labels[name] }));
  });
  return {
    width: 720,
    height: 260,
    marginTop: 24,
    x: { domain: [-1.1, 1.1], label: null, ticks: [] },
    y: { domain: [-1.1, 1.1], label: null, ticks: [] },
    fx: { label: null, domain: DATASETS.map((d) => labels[d]) },
    style: { background: 'transparent', color: 'currentColor', fontSize: '11px' },
    marks: [Plot.frame({ strokeOpacity: 0.3 }), Plot.dot(rows, { x: 'x', y: 'y', fx: 'name', r: 1, fill: "var(--accent)", fillOpacity: 0.6 })],
    ariaLabel: DATASETS.map((d) => labels[d]).join(', '),
  };
}

/** Component counts of the built-in mixtures. */
export function componentCounts(): Record<DatasetName, number> {
  return Object.fromEntries(DATASETS.map((d) => [d, datasetMixture(d).weights.length])) as Record<DatasetName, number>;
}

function noised(mix: Mixture2D, alpha: number): Mixture2D {
  return { weights: mix.weights, means: mix.means.map((m) => Math.sqrt(alpha) * m), variances: mix.variances.map((s) => alpha * s + 1 - alpha) };
}

/**
 * The check behind the ε* formula: on 200 points of two moons at several noise levels, the largest
 * |ε* − (−√(1−α) ∇ log p_t)| with the gradient taken by central differences of the exact density.
 */
export function epsilonStarResidual(): { worst: number; points: number; levels: number[] } {
  const mix = datasetMixture('moons');
  const levels = [0.999, 0.9, 0.5, 0.1, 0.01];
  const pts = sampleDataset('moons', mulberry32(3), 200).map((v, i) => v + 0.2 * Math.sin(i));
  let worst = 0;
  const h = 1e-5;
  for (const a of levels) {
    const eps = mixtureEpsilon(mix, pts, a);
    const pt = noised(mix, a);
    for (let i = 0; i < pts.length; i++) {
      const plus = Float64Array.from(pts.subarray(2 * (i >> 1), 2 * (i >> 1) + 2));
      const minus = Float64Array.from(plus);
      plus[i & 1] += h;
      minus[i & 1] -= h;
      const fd = (-Math.sqrt(1 - a) * (mixtureLogDensity(pt, plus)[0] - mixtureLogDensity(pt, minus)[0])) / (2 * h);
      worst = Math.max(worst, Math.abs(eps[i] - fd));
    }
  }
  return { worst, points: pts.length / 2, levels };
}

/** What a perfect sampler scores on two moons at N = 2,000 (the floor of the sliced W₂ and the mean log-likelihood). */
export function moonsFloor() {
  return qualityFloor(datasetMixture('moons'), 2000);
}

/**
 * The σ̂ sampler's second-to-last step with S steps (leading spacing): its timestep t, the timestep
 * it lands on, and the standard deviation √(1 − α_t/α_prev) of the noise it adds (DDPMScheduler,
 * variance_type "fixed_large", as the lab runs it).
 */
export function sigmaHatLateNoise(S = 10): { t: number; prev: number; std: number } {
  const ddpm = new DDPMScheduler({ ...labSchedulerConfig('linear', 'epsilon'), varianceType: 'fixed_large' });
  ddpm.setTimesteps(S);
  const t = ddpm.timesteps[ddpm.timesteps.length - 2];
  return { t, prev: ddpm.previousTimestep(t), std: Math.sqrt(ddpm.getVariance(t)) };
}
