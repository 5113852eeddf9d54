import type { ExerciseLogic } from '../types.ts';

export const toyLab: ExerciseLogic[] = [];
