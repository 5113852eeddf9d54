import type { ExerciseLogic } from '../types.ts';

export const nStepJump: ExerciseLogic[] = [];
