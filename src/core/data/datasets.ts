/**
 * The built-in 2D datasets of the lab. Each is a Gaussian mixture (so its density, its exact
 * denoiser and its log-likelihood are known in closed form), laid out inside [−1, 1]², and each
 * sample is drawn from a seed. Shapes follow the usual toy targets (FFJORD's 8 Gaussians, swiss
 * roll and checkerboard; scikit-learn's two moons and circles) but are re-drawn as mixtures of
 * small Gaussians placed along the curves.
 */
import type { Rng } from '../rng.ts';
import { ringCentres } from './gaussian-ring.ts';
import { mixtureFromCentres, sampleMixture, type Mixture2D } from './mixture.ts';

export const DATASETS = ['ring', 'moons', 'swissroll', 'checkerboard', 'circles', 'glyph'] as const;
export type DatasetName = (typeof DATASETS)[number];

type Pt = [number, number];

/** Points every `spacing` along a polyline (both ends included). */
function alongPolyline(vertices: readonly Pt[], spacing: number): Pt[] {
  const out: Pt[] = [vertices[0]];
  for (let s = 1; s < vertices.length; s++) {
    const [ax, ay] = vertices[s - 1];
    const [bx, by] = vertices[s];
    const steps = Math.max(1, Math.round(Math.hypot(bx - ax, by - ay) / spacing));
    for (let i = 1; i <= steps; i++) out.push([ax + ((bx - ax) * i) / steps, ay + ((by - ay) * i) / steps]);
  }
  return out;
}

function moons(): Mixture2D {
  // scikit-learn's moons: (cos θ, sin θ) and (1 − cos θ, ½ − sin θ), θ ∈ [0, π]; centred and scaled by 0.55.
  const per = 20;
  const centres: Pt[] = [];
  for (let i = 0; i < per; i++) {
    const th = (Math.PI * i) / (per - 1);
    centres.push([0.55 * (Math.cos(th) - 0.5), 0.55 * (Math.sin(th) - 0.25)]);
    centres.push([0.55 * (0.5 - Math.cos(th)), 0.55 * (0.25 - Math.sin(th))]);
  }
  return mixtureFromCentres(centres, 0.045);
}

function swissRoll(): Mixture2D {
  // r grows with the angle θ ∈ [1.5π, 4.5π]; component spacing stays about even along the curve.
  const centres: Pt[] = [];
  const thetaMax = 4.5 * Math.PI;
  let th = 1.5 * Math.PI;
  while (th <= thetaMax + 1e-9) {
    const r = (0.85 * th) / thetaMax;
    centres.push([r * Math.cos(th), r * Math.sin(th)]);
    th += 0.1 / Math.max(r, 0.1);
  }
  return mixtureFromCentres(centres, 0.035);
}

function checkerboard(): Mixture2D {
  // A 4 × 4 board of side 0.4 on [−0.8, 0.8]²; each of the 8 dark squares is a 2 × 2 patch of Gaussians.
  const centres: Pt[] = [];
  for (let row = 0; row < 4; row++) {
    for (let col = 0; col < 4; col++) {
      if ((row + col) % 2 !== 0) continue;
      const cx = -0.6 + 0.4 * col;
      const cy = -0.6 + 0.4 * row;
      for (const dx of [-0.1, 0.1]) for (const dy of [-0.1, 0.1]) centres.push([cx + dx, cy + dy]);
    }
  }
  return mixtureFromCentres(centres, 0.065);
}

function circles(): Mixture2D {
  const centres: Pt[] = [];
  const outer = 36;
  const inner = 18;
  for (let i = 0; i < outer; i++) centres.push([0.8 * Math.cos((2 * Math.PI * i) / outer), 0.8 * Math.sin((2 * Math.PI * i) / outer)]);
  for (let i = 0; i < inner; i++) centres.push([0.38 * Math.cos((2 * Math.PI * i) / inner), 0.38 * Math.sin((2 * Math.PI * i) / inner)]);
  return mixtureFromCentres(centres, 0.04);
}

function glyph(): Mixture2D {
  // The letter Σ, drawn as one stroke.
  const stroke: Pt[] = [[0.62, 0.72], [-0.6, 0.72], [0.1, 0], [-0.6, -0.72], [0.62, -0.72]];
  return mixtureFromCentres(alongPolyline(stroke, 0.11), 0.035);
}

function ring(): Mixture2D {
  return mixtureFromCentres(ringCentres(), 0.06);
}

const BUILDERS: Record<DatasetName, () => Mixture2D> = {
  ring,
  moons,
  swissroll: swissRoll,
  checkerboard,
  circles,
  glyph,
};

/** Throw unless `name` is a built-in dataset, listing the valid ones. */
export function parseDatasetName(name: string): DatasetName {
  if ((DATASETS as readonly string[]).includes(name)) return name as DatasetName;
  throw new RangeError(`Unknown dataset "${name}": expected one of ${DATASETS.join(', ')}`);
}

const cache = new Map<DatasetName, Mixture2D>();

/** The exact density of a built-in dataset, as a mixture. */
export function datasetMixture(name: DatasetName): Mixture2D {
  const key = parseDatasetName(name);
  if (!cache.has(key)) cache.set(key, BUILDERS[key]());
  return cache.get(key)!;
}

/** `n` points of a built-in dataset, row-major [x0, y0, x1, y1, …]. */
export function sampleDataset(name: DatasetName, rng: Rng, n: number): Float64Array {
  return sampleMixture(datasetMixture(name), rng, n);
}
