import type { ExerciseLogic } from '../types.ts';

export const forwardProcess: ExerciseLogic[] = [];
