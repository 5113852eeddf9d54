/**
 * The exercise catalog as a whole: enough exercises per chapter and the mix the course needs;
 * both languages complete; every solution's key equation checked like a claim (and passing);
 * every reference answer accepted by its own checker; every known mistake really wrong.
 */
import { describe, expect, it } from 'vitest';
import { ALL, EXERCISES, TEXTS } from '../../../src/exercises/catalog/all.ts';
import { CHAPTERS, KINDS, type ExerciseText } from '../../../src/exercises/types.ts';
import { runCheck } from '../../../src/exercises/checks.ts';
import { checkFormula, close } from '../../../src/exercises/formula/check.ts';
import { versionValues } from '../../../src/exercises/render/values.ts';
import { mulberry32 } from '../../../src/core/rng.ts';
import { normalizeRichZh } from '../../../src/exercises/text/cjk.ts';
import { normalizeCjkPunctuation } from '../../../src/i18n/cjk-punctuation.ts';

const PLACEHOLDER = /\{\{(\w+(?:\.\w+)?)\}\}/g;

function allText(t: ExerciseText): string[] {
  return [t.title, t.prompt, t.solution, ...t.hints, ...Object.values(t.feedback ?? {}), ...Object.values(t.parts).flatMap((p) => [p.label, ...Object.values(p.options ?? {}), p.starter ?? '']), t.lab?.intro ?? '', t.lab?.result ?? ''];
}

describe('exercise catalog', () => {
  it('has at least 5 exercises per chapter and at least 30 in all (counts printed)', () => {
    const counts = CHAPTERS.map((c) => `${c}: ${EXERCISES[c].length}`);
    console.log(`\nExercises per chapter: ${counts.join(', ')}; total ${ALL.length}\n`);
    for (const c of CHAPTERS) expect(EXERCISES[c].length, c).toBeGreaterThanOrEqual(5);
    expect(ALL.length).toBeGreaterThanOrEqual(30);
  });

  it('covers every kind of task, and ids are unique and match their chapter', () => {
    for (const kind of KINDS) expect(ALL.filter((e) => e.kind === kind).length, kind).toBeGreaterThanOrEqual(3);
    expect(new Set(ALL.map((e) => e.id)).size).toBe(ALL.length);
    for (const e of ALL) expect(e.id.startsWith(`${e.chapter}/`), e.id).toBe(true);
  });

  it('has complete text in both languages for every exercise, part, option, check and lab result', () => {
    for (const e of ALL) {
      const text = TEXTS[e.id];
      expect(text, e.id).toBeDefined();
      for (const lang of ['en', 'zh'] as const) {
        const t = text[lang];
        const where = `${e.id} (${lang})`;
        expect(t.hints.length, where).toBeGreaterThanOrEqual(1);
        for (const part of e.parts) {
          expect(t.parts[part.id]?.label, `${where} part ${part.id}`).toBeTruthy();
          if (part.kind === 'choice') for (const o of part.options) expect(t.parts[part.id].options?.[o], `${where} option ${o}`).toBeTruthy();
          if (part.kind === 'code') expect(t.parts[part.id].starter, `${where} starter`).toBeTruthy();
        }
        const cited = [...t.solution.matchAll(/\{check=([\w.-]+)\}/g)].map((m) => m[1]);
        expect(cited.length, `${where}: the solution's key equation is checked`).toBeGreaterThanOrEqual(1);
        expect(new Set(cited), where).toEqual(new Set(e.checks.map((c) => c.id)));
        if (e.lab) expect(t.lab?.result, where).toBeTruthy();
        for (const s of allText(t)) {
          expect(s, where).not.toMatch(/\[object Object\]|undefined/);
        }
      }
      if (e.kind === 'find-error') expect(TEXTS[e.id].en.feedback, e.id).toBeDefined();
    }
  });

  it('writes the Chinese text with full-width punctuation already (the page would otherwise rewrite it)', () => {
    const offenders: string[] = [];
    for (const e of ALL) {
      const t = TEXTS[e.id].zh;
      if (normalizeCjkPunctuation(t.title) !== t.title) offenders.push(`${e.id} title: ${t.title}`);
      const prose = allText(t).filter((s) => s !== t.title && !Object.values(t.parts).some((p) => p.starter === s));
      for (const s of prose) if (normalizeRichZh(s) !== s) offenders.push(`${e.id}: ${s.slice(0, 60)}`);
    }
    expect(offenders).toEqual([]);
  });

  it('uses only placeholders that every version provides, in both languages', () => {
    for (const e of ALL) {
      const rng = mulberry32(7);
      const versions = [e.params.defaults, ...Array.from({ length: 20 }, () => e.params.sample(rng))];
      for (const p of versions) {
        const values = versionValues(e, p);
        for (const v of Object.values(values)) expect(v, e.id).not.toMatch(/NaN|∞|undefined/);
        for (const lang of ['en', 'zh'] as const) {
          for (const s of allText(TEXTS[e.id][lang])) {
            for (const m of s.matchAll(PLACEHOLDER)) if (!m[1].startsWith('r.')) expect(values, `${e.id} (${lang}) {{${m[1]}}}`).toHaveProperty([m[1]]);
          }
        }
      }
    }
  });

  it('checks every solution key equation over 1,000 random draws (residuals printed)', () => {
    const lines: string[] = [];
    for (const e of ALL) {
      for (const c of e.checks) {
        const r = runCheck(c);
        lines.push(`${e.id} {check=${c.id}}: max residual ${r.maxResidual.toExponential(2)} over ${r.draws} draws`);
        expect(r.pass, `${e.id} ${c.id}: residual ${r.maxResidual} at ${JSON.stringify(r.worst)}`).toBe(true);
      }
    }
    console.log(`\n${lines.join('\n')}\n`);
  });
});

describe('reference answers and known mistakes', () => {
  it('covers every part kind: formula, number and choice here, code in test/exercises/code/solutions.test.ts', () => {
    const kinds = new Set(ALL.flatMap((e) => e.parts.map((p) => p.kind)));
    expect([...kinds].sort()).toEqual(['choice', 'code', 'formula', 'number']);
  });
  for (const e of ALL) {
    it(`${e.id}: the reference passes its own checker, and each known mistake is wrong`, () => {
      // Every exercise has a part of a kind checked below, or this test would pass without a check.
      if (e.parts.every((part) => part.kind === 'code')) return void expect(e.parts.length).toBeGreaterThan(0);
      expect.hasAssertions();
      const rng = mulberry32(11);
      const versions = [e.params.defaults, ...Array.from({ length: 10 }, () => e.params.sample(rng))];
      for (const part of e.parts) {
        if (part.kind === 'formula') {
          const p = e.params.defaults;
          expect(checkFormula(part.answer, part, p), `${e.id} ${part.answer}`).toEqual({ ok: true });
          for (const m of part.mistakes ?? []) {
            const pts = Array.from({ length: 20 }, () => part.point(mulberry32(3)));
            const r2 = mulberry32(5);
            const differs = Array.from({ length: 40 }, () => part.point(r2)).some((v) => !close(m.f(v), part.reference(v, p)));
            expect(differs, `${e.id} mistake ${m.id} must differ from the reference`).toBe(true);
            void pts;
          }
          for (const probe of part.probes ?? []) {
            const r3 = mulberry32(9);
            for (const value of [...probe.special, probe.contrast]) {
              const v0 = { ...part.point(r3), [probe.name]: value };
              const v = part.complete ? part.complete(v0) : v0;
              expect(Number.isFinite(part.reference(v, p)), `${e.id} probe ${probe.name}=${value}`).toBe(true);
            }
          }
        }
        for (const p of versions) {
          if (part.kind === 'number') {
            const a = part.answer(p);
            expect(Number.isFinite(a), `${e.id} ${part.id}`).toBe(true);
            for (const m of part.mistakes ?? []) {
              const w = m.value(p);
              const tol = (part.tol.abs ?? 0) + (part.tol.rel ?? 0) * Math.abs(a);
              expect(Math.abs(w - a) > tol, `${e.id} mistake ${m.id} at ${JSON.stringify(p)}`).toBe(true);
            }
          }
          if (part.kind === 'choice') expect(part.options).toContain(part.correct(p));
        }
      }
    });
  }
});

describe('experiments', () => {
  for (const e of ALL.filter((x) => x.lab)) {
    it(`${e.id}: the experiment runs with its default settings and fills every result placeholder`, () => {
      const settings = Object.fromEntries(Object.entries(e.lab!.settings).map(([k, s]) => [k, s.default]));
      const out = e.lab!.run(e.params.defaults, settings as never);
      for (const lang of ['en', 'zh'] as const) {
        for (const m of TEXTS[e.id][lang].lab!.result.matchAll(PLACEHOLDER)) {
          expect(out, `${e.id} ${m[1]}`).toHaveProperty([m[1].slice(2)]);
          expect(out[m[1].slice(2)]).not.toMatch(/NaN|undefined/);
        }
      }
    });
  }
});
