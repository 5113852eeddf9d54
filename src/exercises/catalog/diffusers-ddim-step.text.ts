import type { Bilingual, ExerciseText } from '../types.ts';

export const diffusersDdimStepText: Record<string, Bilingual<ExerciseText>> = {};
