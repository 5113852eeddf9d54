import type { Bilingual, ExerciseText } from '../types.ts';

export const forwardProcessText: Record<string, Bilingual<ExerciseText>> = {};
