/** The UI strings each lab widget's client needs (passed to WidgetShell so the island carries them). */
import type { UiKey } from '../../i18n/index.ts';
import en from '../../i18n/en.json';

const withPrefix = (...prefixes: string[]) => (Object.keys(en) as UiKey[]).filter((k) => prefixes.some((p) => k.startsWith(p)));

const COMMON = withPrefix('lab.origin.', 'lab.denoiser.', 'lab.needPoints', 'lab.droppedNonFinite', 'lab.running', 'lab.data.', 'lab.formula.');

export const SAMPLER_STRINGS: readonly UiKey[] = [...COMMON, ...withPrefix('lab.sampler.')];
export const TRAIN_STRINGS: readonly UiKey[] = [...COMMON, ...withPrefix('lab.train.')];
export const DATA_STRINGS: readonly UiKey[] = [...COMMON, ...withPrefix('lab.draw.')];
export const LEMMA_STRINGS: readonly UiKey[] = [...COMMON, ...withPrefix('lab.lemma.')];
export const CHECKS_STRINGS: readonly UiKey[] = [...COMMON, ...withPrefix('lab.checks.')];
export const EXPERIMENT_STRINGS: readonly UiKey[] = [...COMMON, ...withPrefix('lab.table1.', 'lab.consistency.', 'lab.interp.', 'lab.inversion.', 'lab.bench.')];
