/**
 * Where each chapter's exercise logic lives. The page loads a chapter's module only when its
 * exercises come into view (one small chunk per chapter); build-time code uses ./all.ts.
 */
import type { ChapterId, ExerciseLogic } from '../types.ts';

export const LOADERS: Record<ChapterId, () => Promise<ExerciseLogic[]>> = {
  'forward-process': () => import('./forward-process.ts').then((m) => m.forwardProcess),
  'non-markovian-family': () => import('./non-markovian-family.ts').then((m) => m.nonMarkovianFamily),
  'n-step-jump': () => import('./n-step-jump.ts').then((m) => m.nStepJump),
  'sampler-family': () => import('./sampler-family.ts').then((m) => m.samplerFamily),
  errata: () => import('./errata.ts').then((m) => m.errata),
  'diffusers-ddim-step': () => import('./diffusers-ddim-step.ts').then((m) => m.diffusersDdimStep),
  'toy-lab': () => import('./toy-lab.ts').then((m) => m.toyLab),
  experiments: () => import('./experiments.ts').then((m) => m.experiments),
};

export function chapterOf(id: string): ChapterId {
  return id.slice(0, id.indexOf('/')) as ChapterId;
}
