/**
 * The MLP denoisers a lab page uses: the pretrained checkpoint of a dataset (fetched from this site
 * when first needed) or the model the reader trained in this page. Models stay loaded for the page's
 * lifetime; a newly trained model replaces (and frees) the previous one of its dataset.
 */
import { decodeCheckpoint, type CheckpointManifest } from '../../core/nn/checkpoint-format.ts';
import { createMlp, type MlpModel } from '../../lab/mlp/model.ts';
import { trainedModel, type TrainedModel } from './store.ts';

const pretrained = new Map<string, Promise<{ model: MlpModel; manifest: CheckpointManifest }>>();
const trained = new Map<string, { source: TrainedModel; model: MlpModel }>();

export function checkpointUrl(dataset: string, ext: 'json' | 'bin'): string {
  return `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}checkpoints/${dataset}.${ext}`;
}

async function loadPretrained(dataset: string) {
  const [manifestResponse, binResponse] = await Promise.all([fetch(checkpointUrl(dataset, 'json')), fetch(checkpointUrl(dataset, 'bin'))]);
  if (!manifestResponse.ok || !binResponse.ok) throw new Error(`checkpoint for ${dataset} not found (${manifestResponse.status}/${binResponse.status})`);
  const { manifest, params } = decodeCheckpoint(await manifestResponse.json(), await binResponse.arrayBuffer());
  return { model: createMlp(params, manifest.config), manifest };
}

export interface ResolvedModel {
  model: MlpModel;
  origin: 'pretrained' | 'trained';
  predictionType: 'epsilon' | 'sample' | 'v_prediction';
  steps: number;
}

/** The model to use for `dataset`: the reader's own if trained in this page, else the pretrained one. */
export async function modelFor(dataset: string): Promise<ResolvedModel> {
  const own = trainedModel(dataset);
  if (own) {
    let entry = trained.get(dataset);
    if (!entry || entry.source !== own) {
      entry?.model.dispose();
      entry = { source: own, model: createMlp(own.params) };
      trained.set(dataset, entry);
    }
    return { model: entry.model, origin: 'trained', predictionType: own.predictionType, steps: own.steps };
  }
  if (dataset === 'custom') throw new Error('no model for custom points yet');
  if (!pretrained.has(dataset)) {
    const p = loadPretrained(dataset);
    pretrained.set(dataset, p);
    p.catch(() => pretrained.delete(dataset));
  }
  const { model, manifest } = await pretrained.get(dataset)!;
  return { model, origin: 'pretrained', predictionType: manifest.predictionType, steps: manifest.training.steps };
}
