import type { Bilingual, ExerciseText } from '../types.ts';

export const toyLabText: Record<string, Bilingual<ExerciseText>> = {};
