/**
 * State shared by the lab's widgets on one page: the reader's own points (drawn or uploaded, kept in
 * localStorage so a reload loses nothing) and models trained in this page. Widgets subscribe with
 * `onLabChange` to re-run when either changes.
 */
import { parsePointsCsv, pointsToCsv } from '../../core/data/csv.ts';

const POINTS_KEY = 'ddim-lab.points';
const EVENT = 'ddim-lab-change';

export interface TrainedModel {
  dataset: string;
  params: Float32Array[];
  steps: number;
  finalLoss: number;
  predictionType: 'epsilon' | 'sample' | 'v_prediction';
}

const state: { points: Float64Array | null; trained: Map<string, TrainedModel> } = { points: null, trained: new Map() };
let loaded = false;

function load() {
  if (loaded) return;
  loaded = true;
  try {
    const text = localStorage.getItem(POINTS_KEY);
    if (text) {
      const parsed = parsePointsCsv(text);
      if (parsed.ok) state.points = parsed.value.points;
    }
  } catch {
    // Storage can be unavailable (private mode); the points then live for this page only.
  }
}

function announce(what: 'points' | 'model') {
  document.dispatchEvent(new CustomEvent(EVENT, { detail: what }));
}

/** The reader's points (row-major), or null when there are none. */
export function customPoints(): Float64Array | null {
  load();
  return state.points;
}

export function setCustomPoints(points: Float64Array | null) {
  load();
  state.points = points && points.length >= 2 ? points : null;
  try {
    if (state.points) localStorage.setItem(POINTS_KEY, pointsToCsv(state.points));
    else localStorage.removeItem(POINTS_KEY);
  } catch {
    // See load().
  }
  announce('points');
}

export function trainedModel(dataset: string): TrainedModel | undefined {
  return state.trained.get(dataset);
}

export function setTrainedModel(model: TrainedModel) {
  state.trained.set(model.dataset, model);
  announce('model');
}

export function onLabChange(listener: (what: 'points' | 'model') => void): void {
  document.addEventListener(EVENT, (e) => listener((e as CustomEvent).detail));
}
