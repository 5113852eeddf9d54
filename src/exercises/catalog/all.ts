/** Every exercise with its text, for build-time rendering and the tests (not shipped to the page). */
import { CHAPTERS, type Bilingual, type ChapterId, type ExerciseLogic, type ExerciseText } from '../types.ts';
import { forwardProcess } from './forward-process.ts';
import { forwardProcessText } from './forward-process.text.ts';
import { nonMarkovianFamily } from './non-markovian-family.ts';
import { nonMarkovianFamilyText } from './non-markovian-family.text.ts';
import { nStepJump } from './n-step-jump.ts';
import { nStepJumpText } from './n-step-jump.text.ts';
import { samplerFamily } from './sampler-family.ts';
import { samplerFamilyText } from './sampler-family.text.ts';
import { errata } from './errata.ts';
import { errataText } from './errata.text.ts';
import { diffusersDdimStep } from './diffusers-ddim-step.ts';
import { diffusersDdimStepText } from './diffusers-ddim-step.text.ts';
import { toyLab } from './toy-lab.ts';
import { toyLabText } from './toy-lab.text.ts';
import { experiments } from './experiments.ts';
import { experimentsText } from './experiments.text.ts';

export const EXERCISES: Record<ChapterId, ExerciseLogic[]> = {
  'forward-process': forwardProcess,
  'non-markovian-family': nonMarkovianFamily,
  'n-step-jump': nStepJump,
  'sampler-family': samplerFamily,
  errata,
  'diffusers-ddim-step': diffusersDdimStep,
  'toy-lab': toyLab,
  experiments,
};

export const TEXTS: Record<string, Bilingual<ExerciseText>> = {
  ...forwardProcessText,
  ...nonMarkovianFamilyText,
  ...nStepJumpText,
  ...samplerFamilyText,
  ...errataText,
  ...diffusersDdimStepText,
  ...toyLabText,
  ...experimentsText,
};

export const ALL: ExerciseLogic[] = CHAPTERS.flatMap((c) => EXERCISES[c]);

export function exerciseById(id: string): ExerciseLogic | undefined {
  return ALL.find((e) => e.id === id);
}

export function textOf(id: string): Bilingual<ExerciseText> {
  const text = TEXTS[id];
  if (!text) throw new Error(`Exercise ${id} has no text`);
  return text;
}
