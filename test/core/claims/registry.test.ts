/**
 * Every registered claim, run exactly as the pages run it (same draws, same seeds), plus the
 * bookkeeping between the registry and the chapters: ids, parts, languages and the coverage figure.
 * Prints every claim with its residual, and the coverage of every chapter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_CLAIMS } from '../../../src/core/claims/registry.ts';
import { evaluateClaim, DEFAULT_DRAWS, DEFAULT_TOLERANCE, type ClaimResult } from '../../../src/core/claims/evaluate.ts';
import { countRoutes, scanMdx } from '../../../src/core/claims/coverage.ts';
import { evaluateMutants, mutationScores, needsMutants, routeOf, type MutantResult } from '../../../src/core/claims/mutation.ts';
import { getClaim } from '../../../src/core/claims/registry.ts';
import { CHAPTERS } from '../../../src/core/claims/types.ts';

const results = new Map<string, ClaimResult>(ALL_CLAIMS.map((c) => [c.id, evaluateClaim(c)]));
const of = (kind: string) => ALL_CLAIMS.filter((c) => c.kind === kind).map((c) => [c.id, results.get(c.id)!] as const);
const e = (x: number) => x.toExponential(1);

/** Chapters whose display equations must all be bound to a claim. */
const FULLY_CHECKED = CHAPTERS;
const LANGS = ['en', 'zh'] as const;
const sources = Object.fromEntries(
  LANGS.map((lang) => [lang, Object.fromEntries(readdirSync(`content/${lang}`).filter((f) => f.endsWith('.mdx')).map((f) => [f.replace(/\.mdx$/, ''), readFileSync(`content/${lang}/${f}`, 'utf8')]))]),
) as Record<(typeof LANGS)[number], Record<string, string>>;
const mutants: MutantResult[] = ALL_CLAIMS.flatMap((c) => evaluateMutants(c));
const routeOfId = (id: string) => routeOf(getClaim(id));
const coverage = Object.fromEntries(LANGS.map((lang) => [lang, Object.fromEntries(Object.entries(sources[lang]).map(([slug, text]) => [slug, scanMdx(text)]))]));

describe('identities', () => {
  it.each(of('identity'))(`%s holds to ≤ ${DEFAULT_TOLERANCE} relative over ≥ ${DEFAULT_DRAWS} random draws`, (_id, r) => {
    if (r.kind !== 'identity') throw new Error('not an identity');
    expect(r.draws).toBeGreaterThanOrEqual(DEFAULT_DRAWS);
    expect(r.tolerance).toBeLessThanOrEqual(1e-12);
    expect(r.maxResidual).toBeLessThanOrEqual(r.tolerance);
    expect(r.pass).toBe(true);
  });
});

describe('inequalities', () => {
  it.each(of('inequality'))(`%s holds over ≥ ${DEFAULT_DRAWS} random draws`, (_id, r) => {
    expect(r.draws).toBeGreaterThanOrEqual(DEFAULT_DRAWS);
    expect(r.pass).toBe(true);
  });
});

describe('distributional claims (seeded Monte Carlo)', () => {
  it.each(of('distribution'))('%s: sample moments and shape within the limits set by the sample size', (_id, r) => {
    if (r.kind !== 'distribution') throw new Error('not a distribution claim');
    expect(r.maxZ).toBeLessThanOrEqual(r.limits.z);
    expect(r.maxKs).toBeLessThanOrEqual(r.limits.ks);
    expect(r.pass).toBe(true);
  });
  it('include Lemma 1 with σ > 0 and the n-step marginal with σ > 0', () => {
    const ids = of('distribution').map(([id]) => id);
    expect(ids).toContain('lemma1.monte-carlo');
    expect(ids).toContain('jump.tau-marginal');
    const needs = (id: string) => ALL_CLAIMS.find((c) => c.id === id)!.needs ?? {};
    expect(needs('lemma1.monte-carlo').etaPositive).toBe(true);
    expect(needs('jump.tau-marginal').etaPositive).toBe(true);
  });
});

describe('errata', () => {
  it.each(of('erratum'))('%s: the notes’ formula is false above its threshold, the correction holds to ≤ 1e-12', (_id, r) => {
    if (r.kind !== 'erratum') throw new Error('not an erratum');
    expect(r.draws).toBeGreaterThanOrEqual(DEFAULT_DRAWS);
    expect(r.wrong.maxResidual).toBeGreaterThan(r.threshold);
    // Not a fluke of one draw: the formula is false above the threshold in most draws.
    expect(r.wrong.aboveThreshold).toBeGreaterThanOrEqual(r.draws / 2);
    expect(r.corrected.maxResidual).toBeLessThanOrEqual(1e-12);
    expect(r.pass).toBe(true);
  });
});

describe('mutation testing (every check can fail)', () => {
  it.each(ALL_CLAIMS.filter(needsMutants).map((c) => [c.id, c] as const))('%s declares at least one mutant (a plausible slip of its formula)', (_id, c) => {
    expect(c.mutants?.length ?? 0).toBeGreaterThanOrEqual(1);
  });
  it.each(mutants.map((m) => [`${m.claim}: ${m.slip}`, m] as const))('mutant %s is killed', (_name, m) => {
    expect(m.residual, `residual ${m.residual} must exceed ${m.tolerance} on some draw`).toBeGreaterThan(m.tolerance);
    expect(m.killed).toBe(true);
  });
  it('definitions and equations true by construction declare no mutants (they are not checks)', () => {
    const labelled = ALL_CLAIMS.filter((c) => routeOf(c) !== 'check');
    expect(labelled.length).toBeGreaterThan(0);
    for (const c of labelled) {
      expect(c.kind === 'identity' || c.kind === 'inequality', `${c.id} is labelled, so an identity or inequality`).toBe(true);
      expect('mutants' in c ? (c.mutants?.length ?? 0) : 0, c.id).toBe(0);
    }
  });
});

describe('registry and chapters', () => {
  const used = (lang: 'en' | 'zh') => Object.values(coverage[lang]).flatMap((c) => c.claimIds);
  it.each(LANGS)('every <Claim id> in content/%s exists in the registry', (lang) => {
    const known = new Set(ALL_CLAIMS.map((c) => c.id));
    expect(used(lang).filter((id) => !known.has(id))).toEqual([]);
  });
  it.each(LANGS)('every registered claim appears on a page in %s, in its own chapter', (lang) => {
    for (const c of ALL_CLAIMS) expect(coverage[lang][c.chapter]?.claimIds, c.id).toContain(c.id);
  });
  it('both languages bind the same claims in the same order, chapter by chapter', () => {
    for (const slug of FULLY_CHECKED) expect(coverage.zh[slug]?.claimIds, slug).toEqual(coverage.en[slug].claimIds);
  });
  it('both languages show the same mathematics (display equations equal apart from the words in \\text{})', () => {
    const strip = (tex: string) => tex.replace(/\\text\{[^}]*\}/g, '').replace(/\s+/g, '');
    for (const slug of FULLY_CHECKED) {
      expect(coverage.zh[slug].displays.map((d) => strip(d.tex)), slug).toEqual(coverage.en[slug].displays.map((d) => strip(d.tex)));
    }
  });
  it('every erratum shows both its formulas: the notes’ (part="wrong") and the correction', () => {
    for (const lang of LANGS) {
      const text = sources[lang].errata;
      for (const [id] of of('erratum')) {
        expect(text, `${lang} ${id}`).toContain(`<Claim id="${id}" part="wrong"`);
        expect(text, `${lang} ${id}`).toContain(`<Claim id="${id}" part="corrected"`);
      }
    }
  });
  it.each(FULLY_CHECKED.flatMap((slug) => LANGS.map((lang) => [`${lang}/${slug}`, lang, slug] as const)))(
    '%s: every display equation that asserts an equality is bound to a check (100%)',
    (_name, lang, slug) => {
      const c = coverage[lang][slug];
      expect(c, `${lang}/${slug} exists`).toBeDefined();
      const unbound = c.displays.filter((d) => d.assertsEquality && !d.claim).map((d) => `line ${d.line}: ${d.tex.slice(0, 60)}`);
      expect(unbound).toEqual([]);
    },
  );
});

describe('report', () => {
  it('prints every claim with its residual, and the coverage figure', () => {
    const lines = [`Claims: ${ALL_CLAIMS.length} (residual = ‖lhs − rhs‖∞ / max(‖lhs‖∞, ‖rhs‖∞, floor))`];
    for (const c of ALL_CLAIMS) {
      const r = results.get(c.id)!;
      const status = r.pass ? 'pass' : 'FAIL';
      let detail = '';
      if (r.kind === 'identity') detail = `max residual ${e(r.maxResidual)} (≤ ${e(r.tolerance)}), per line [${r.lines.map(e).join(', ')}], ${r.draws} draws`;
      if (r.kind === 'inequality') detail = `max violation ${e(r.maxResidual)}, ${r.draws} draws`;
      if (r.kind === 'distribution') detail = `max |z| ${r.maxZ.toFixed(2)} (≤ ${r.limits.z.toFixed(2)}), KS ${r.maxKs.toFixed(2)} (≤ ${r.limits.ks.toFixed(2)}), ${r.draws} × ${r.samples} samples`;
      if (r.kind === 'erratum')
        detail = `notes' formula residual up to ${e(r.wrong.maxResidual)} (> ${e(r.threshold)} in ${r.wrong.aboveThreshold}/${r.draws}); corrected ${e(r.corrected.maxResidual)}`;
      lines.push(`  ${status}  ${c.id.padEnd(34)} ${r.kind.padEnd(12)} ${detail}`);
    }
    lines.push('', 'Mutation score (mutants killed / mutants; an erratum’s formula counts as a mutant of its correction):');
    for (const sc of mutationScores(mutants)) lines.push(`  ${sc.chapter.padEnd(24)} ${sc.killed}/${sc.mutants} = ${((100 * sc.killed) / sc.mutants).toFixed(0)}%`);
    const killed = mutants.filter((m) => m.killed).length;
    lines.push(`  total ${killed}/${mutants.length} = ${((100 * killed) / mutants.length).toFixed(0)}%`);
    for (const m of mutants.filter((x) => !x.killed)) lines.push(`  SURVIVED  ${m.claim}: ${m.slip} (residual ${e(m.residual)} ≤ ${e(m.tolerance)})`);
    const byRoute = (route: string) => ALL_CLAIMS.filter((c) => routeOf(c) === route);
    lines.push(
      '',
      `Claims by kind: ${byRoute('check').length} independent checks (sides by different routes), ${byRoute('definition').length} definitions, ${byRoute('construction').length} true by construction`,
      `  definitions: ${byRoute('definition').map((c) => c.id).join(', ')}`,
      `  by construction: ${byRoute('construction').map((c) => c.id).join(', ')}`,
    );
    lines.push('', 'Coverage (display equations asserting an equality: bound to the registry; of those, checked / definitions / by construction):');
    for (const lang of LANGS) {
      for (const slug of Object.keys(coverage[lang]).sort((a, b) => CHAPTERS.indexOf(a as never) - CHAPTERS.indexOf(b as never))) {
        const c = coverage[lang][slug];
        const r = countRoutes(c, routeOfId);
        const pct = c.equalities ? ((100 * c.bound) / c.equalities).toFixed(0) : '—';
        lines.push(`  ${lang}/${slug.padEnd(24)} ${c.bound}/${c.equalities} = ${pct}%   checked ${r.checked}, definitions ${r.definitions}, by construction ${r.construction}`);
      }
    }
    const total = LANGS.flatMap((lang) => FULLY_CHECKED.map((slug) => coverage[lang][slug]));
    const bound = total.reduce((s, c) => s + c.bound, 0);
    const equalities = total.reduce((s, c) => s + c.equalities, 0);
    lines.push(`  total (chapters ${FULLY_CHECKED.join(', ')}, both languages): ${bound}/${equalities} = ${((100 * bound) / equalities).toFixed(0)}%`);
    console.log(lines.join('\n'));
    expect(bound).toBe(equalities);
    expect(killed).toBe(mutants.length);
  });
});
