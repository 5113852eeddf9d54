import type { Bilingual, ExerciseText } from '../types.ts';

export const nonMarkovianFamilyText: Record<string, Bilingual<ExerciseText>> = {};
