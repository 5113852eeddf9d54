import type { Bilingual, ExerciseText } from '../types.ts';

export const nStepJumpText: Record<string, Bilingual<ExerciseText>> = {};
