import type { Bilingual, ExerciseText } from '../types.ts';

export const errataText: Record<string, Bilingual<ExerciseText>> = {};
