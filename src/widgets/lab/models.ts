/**
 * The MLP weights a lab page uses: the pretrained checkpoint of a dataset (fetched from this site
 * when first needed, kept as Float32Arrays) or the model the reader trained in this page. Each run
 * builds its tfjs model from these arrays and frees it afterwards, so no tensors outlive a run.
 */
import { decodeCheckpoint, type CheckpointManifest } from '../../core/nn/checkpoint-format.ts';
import { trainedModel } from './store.ts';

const pretrained = new Map<string, Promise<{ params: Float32Array[]; manifest: CheckpointManifest }>>();

export function checkpointUrl(dataset: string, ext: 'json' | 'bin'): string {
  return `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}checkpoints/${dataset}.${ext}`;
}

async function loadPretrained(dataset: string) {
  const [manifestResponse, binResponse] = await Promise.all([fetch(checkpointUrl(dataset, 'json')), fetch(checkpointUrl(dataset, 'bin'))]);
  if (!manifestResponse.ok || !binResponse.ok) throw new Error(`checkpoint for ${dataset} not found (${manifestResponse.status}/${binResponse.status})`);
  return decodeCheckpoint(await manifestResponse.json(), await binResponse.arrayBuffer());
}

/** There is no pretrained model for the reader's own points: one must be trained in the page first. */
export class MissingModelError extends Error {
  constructor() {
    super('no model for your own points yet');
  }
}

export interface ResolvedWeights {
  params: Float32Array[];
  origin: 'pretrained' | 'trained';
  predictionType: 'epsilon' | 'sample' | 'v_prediction';
}

/** The weights to use for `dataset`: the reader's own if trained in this page, else the pretrained ones. */
export async function weightsFor(dataset: string): Promise<ResolvedWeights> {
  const own = trainedModel(dataset);
  if (own) return { params: own.params, origin: 'trained', predictionType: own.predictionType };
  if (dataset === 'custom') throw new MissingModelError();
  if (!pretrained.has(dataset)) {
    const p = loadPretrained(dataset);
    pretrained.set(dataset, p);
    p.catch(() => pretrained.delete(dataset));
  }
  const { params, manifest } = await pretrained.get(dataset)!;
  return { params, origin: 'pretrained', predictionType: manifest.predictionType };
}
