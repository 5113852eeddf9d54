import { describe, expect, it } from 'vitest';
import { defaults, readParams, writeParams, isShown } from '../../../src/widgets/params.ts';
import { labSamplerParams } from '../../../src/widgets/lab-sampler/params.ts';
import { labLemmaParams } from '../../../src/widgets/lab-lemma/params.ts';
import { samplerCheck } from '../../../src/widgets/lab-sampler/check.ts';
import { lemmaCheck } from '../../../src/widgets/lab-lemma/check.ts';
import { formulaSentence, formulasOf, noRealValueMessage } from '../../../src/widgets/lab/formula.ts';
import { SAMPLER_STRINGS, LEMMA_STRINGS, EXPERIMENT_STRINGS } from '../../../src/widgets/lab/strings.ts';
import { t } from '../../../src/i18n/index.ts';

const tr = (lang: 'en' | 'zh') => (key: Parameters<typeof t>[1], vars?: Record<string, string | number>) => t(lang, key, vars);

describe('formulasOf()', () => {
  it('is null for the paper, and the three switches for the notes', () => {
    const v = defaults(labSamplerParams);
    expect(v.formula).toBe('paper');
    expect(formulasOf(v)).toBeNull();
    expect(formulasOf({ ...v, formula: 'notes' })).toEqual({ noiseSquared: true, etaOnVariance: true, oneStepSigma: true });
    expect(formulasOf({ ...v, formula: 'notes', notesEta: false, notesJump: false })).toEqual({ noiseSquared: true, etaOnVariance: false, oneStepSigma: false });
  });
});

describe('the formula parameters', () => {
  it.each([
    ['sampler', labSamplerParams],
    ['lemma', labLemmaParams],
  ] as const)('round-trip through the URL in the %s widget, and the switches show only with the notes', (prefix, table) => {
    const search = new URLSearchParams(`${prefix}.formula=notes&${prefix}.notesNoise=false&${prefix}.notesJump=true`);
    const { values, errors } = readParams(table, search, prefix);
    expect(errors).toEqual([]);
    expect([values.formula, values.notesNoise, values.notesEta, values.notesJump]).toEqual(['notes', false, true, true]);
    expect(writeParams(table, values, new URLSearchParams(), prefix).toString()).toBe(`${prefix}.formula=notes&${prefix}.notesNoise=false`);
    expect(isShown(table.notesNoise, { ...values, formula: 'paper' })).toBe(false);
    expect(isShown(table.notesNoise, values)).toBe(true);
    const bad = readParams(table, new URLSearchParams(`${prefix}.formula=lecture&${prefix}.notesEta=maybe`), prefix);
    expect(bad.errors.map((e) => [e.param, e.code])).toEqual([['formula', 'unknownChoice'], ['notesEta', 'notABoolean']]);
  });

  it('the sampler refuses the notes’ formulas with σ̂ (they are written for σ_t(η))', () => {
    const v = defaults(labSamplerParams);
    expect(samplerCheck({ ...v, formula: 'notes', variance: 'sigmaHat' })).toEqual({ param: 'variance', message: 'lab.formula.needEta' });
    expect(samplerCheck({ ...v, formula: 'notes' })).toBeNull();
    expect(samplerCheck({ ...v, variance: 'sigmaHat' })).toBeNull();
  });

  it('the Lemma 1 check leaves η to the widget with the notes’ formulas (a step without a real value is shown, not refused)', () => {
    const v = { ...defaults(labLemmaParams), tau: 'custom' as const, customTau: [999, 3], eta: 2 };
    expect(lemmaCheck(v)).not.toBeNull();
    expect(lemmaCheck({ ...v, formula: 'notes' })).toBeNull();
  });
});

describe('the formula messages', () => {
  it('name the errata switched on and the step without a real value, in both languages', () => {
    expect(formulaSentence(null, tr('en'))).toBe('');
    expect(formulaSentence({ noiseSquared: true, oneStepSigma: true }, tr('en'))).toContain('errata 1, 6 switched on');
    expect(formulaSentence({ noiseSquared: true, oneStepSigma: true }, tr('zh'))).toContain('勘误 1、6');
    expect(formulaSentence({}, tr('en'))).toContain('paper’s sampler');
    const bad = { index: 48, timestep: 20, prevTimestep: 0, sigma2: 4.59e-4, room: 1e-4, radicand: -3.59e-4 };
    expect(noRealValueMessage(bad, tr('en'))).toContain('t = 20 → 0');
    expect(noRealValueMessage(bad, tr('zh'))).toContain('t = 20 → 0 这一步没有实数值');
    expect(noRealValueMessage(bad, tr('en'))).not.toMatch(/NaN|\{/);
  });
  it('are carried by the widgets that show them', () => {
    for (const list of [SAMPLER_STRINGS, LEMMA_STRINGS, EXPERIMENT_STRINGS]) {
      for (const key of ['lab.formula.noRealValue', 'lab.formula.using', 'lab.formula.usingNone', 'lab.formula.listSeparator', 'lab.formula.needEta']) expect(list).toContain(key);
    }
    for (const key of ['lab.lemma.paperJoint', 'lab.lemma.varianceRatio', 'lab.lemma.ratioLabel', 'lab.lemma.jointFailNotes']) expect(LEMMA_STRINGS).toContain(key);
    expect(EXPERIMENT_STRINGS).toContain('lab.table1.notesCaption');
  });
});
