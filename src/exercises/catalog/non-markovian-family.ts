import type { ExerciseLogic } from '../types.ts';

export const nonMarkovianFamily: ExerciseLogic[] = [];
