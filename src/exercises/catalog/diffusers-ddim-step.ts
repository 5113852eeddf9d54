import type { ExerciseLogic } from '../types.ts';

export const diffusersDdimStep: ExerciseLogic[] = [];
