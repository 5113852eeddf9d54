import type { ExerciseLogic } from '../types.ts';

export const errata: ExerciseLogic[] = [];
