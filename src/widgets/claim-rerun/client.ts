/**
 * Live re-run, heavy half (the claim registry and its math): loaded when the widget nears the
 * viewport. Evaluates the chosen claim at the reader's situation with the same code as the page's
 * badges and the tests, and shows both sides, the residual and the verdict. Values are checked to
 * be finite before anything is shown. The helpers that draw a result are shared with the re-run of
 * claims about diffusers' scheduler (step-client.ts).
 */
import type { WidgetContext, WidgetInstance } from '../runtime/island.ts';
import type { ParamValues } from '../params.ts';
import { getClaim } from '../../core/claims/registry.ts';
import { evaluateAt } from '../../core/claims/example.ts';
import type { ClaimResult } from '../../core/claims/evaluate.ts';
import type { Claim, Value } from '../../core/claims/types.ts';
import { sigmaEta } from '../../core/ddim/sigma.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { RerunTable } from './params.ts';
import { situationFor, type ClaimMeta } from './situation-for.ts';

type Values = ParamValues<RerunTable>;
/** The page's UI strings (the same lookup for every widget kind). */
export type Lookup = WidgetContext<RerunTable>['tr'];

const SHOWN = 3;
const num = (x: number) => formatNumber(x, 6);
const res = (x: number) => formatNumber(x, 2);

function showValue(v: Value): string {
  if (typeof v === 'number') return num(v);
  const head = Array.from(v.slice(0, SHOWN), num).join(', ');
  return v.length > SHOWN ? `(${head}, …)` : `(${head})`;
}

export function allFinite(r: ClaimResult): boolean {
  const values: Value[] = [];
  if (r.kind === 'identity' || r.kind === 'inequality') values.push(...(r.values ?? []));
  if (r.kind === 'erratum' && r.values) values.push(r.values.reference, r.values.wrong, r.values.corrected);
  if (r.kind === 'distribution' && r.last) values.push(r.last.mean, r.last.variance, r.maxZ, r.maxKs);
  return values.every((v) => (typeof v === 'number' ? Number.isFinite(v) : Array.from(v).every(Number.isFinite)));
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function table(tr: Lookup, rows: [string, string, string][]): HTMLTableElement {
  const t = el('table', undefined, 'rerun-table');
  const head = t.createTHead().insertRow();
  for (const key of ['rerun.col.line', 'rerun.col.value', 'rerun.col.residual'] as const) {
    const th = el('th', tr(key));
    th.scope = 'col';
    head.append(th);
  }
  const body = t.createTBody();
  for (const [a, b, c] of rows) {
    const row = body.insertRow();
    const th = el('th', a);
    th.scope = 'row';
    row.append(th, el('td', b), el('td', c));
  }
  return t;
}

export function verdictLine(tr: Lookup, r: ClaimResult): { text: string; good: boolean } {
  switch (r.kind) {
    case 'identity':
    case 'inequality':
      return r.pass
        ? { text: tr('rerun.verdict.holds', { value: res(r.maxResidual), tolerance: res(r.tolerance) }), good: true }
        : { text: tr('rerun.verdict.fails', { value: res(r.maxResidual), tolerance: res(r.tolerance) }), good: false };
    case 'distribution':
      return r.pass
        ? { text: tr('rerun.verdict.mcConsistent', { z: res(r.maxZ), zLimit: res(r.limits.z), samples: r.samples }), good: true }
        : { text: tr('rerun.verdict.mcInconsistent', { z: res(r.maxZ), zLimit: res(r.limits.z), samples: r.samples }), good: false };
    case 'erratum': {
      const vars = { wrong: res(r.wrong.maxResidual), corrected: res(r.corrected.maxResidual), threshold: res(r.threshold) };
      if (r.corrected.maxResidual > r.tolerance) return { text: tr('rerun.verdict.erratumBroken', vars), good: false };
      if (r.wrong.maxResidual <= r.threshold) return { text: tr('rerun.verdict.erratumCoincide', vars), good: true };
      return { text: tr('rerun.verdict.erratum', vars), good: true };
    }
  }
}

export function rows(tr: Lookup, r: ClaimResult): [string, string, string][] {
  switch (r.kind) {
    case 'identity': {
      const v = r.values ?? [];
      return v.map((value, k) => [String(k + 1), showValue(value), k === 0 ? '—' : res(r.lines[k - 1])]);
    }
    case 'inequality': {
      const [a, b] = r.values ?? [NaN, NaN];
      return [
        [tr('rerun.row.lhs'), showValue(a), '—'],
        [tr('rerun.row.rhs'), showValue(b), res(r.maxResidual)],
      ];
    }
    case 'distribution': {
      const l = r.last!;
      return [
        [tr('rerun.row.sampleMean'), `${num(l.mean)} / ${num(l.targetMean)}`, '—'],
        [tr('rerun.row.sampleVariance'), `${num(l.variance)} / ${num(l.targetVariance)}`, '—'],
        [tr('rerun.row.ks'), res(r.maxKs), res(r.limits.ks)],
      ];
    }
    case 'erratum': {
      const v = r.values!;
      return [
        [tr('rerun.row.reference'), showValue(v.reference), '—'],
        [tr('rerun.row.wrong'), showValue(v.wrong), res(r.wrong.maxResidual)],
        [tr('rerun.row.corrected'), showValue(v.corrected), res(r.corrected.maxResidual)],
      ];
    }
  }
}

function situationText(tr: Lookup, values: Values, claim: Claim, meta: ClaimMeta): string {
  const s = situationFor(values, meta);
  const T = s.alpha.length - 1;
  const sigma = s.t - s.n >= 0 ? sigmaEta(s.eta, s.alpha[s.t], s.alpha[s.t - s.n]) : NaN;
  // Only what the check reads: an ignored n or η is neither shown as a control nor in this line.
  const setting = [`T = ${T}`, `t = ${s.t}`, ...(claim.uses.n ? [`n = ${s.n}`] : []), ...(claim.uses.eta === true ? [`η = ${s.eta}`] : [])].join(tr('rerun.settingSeparator'));
  const parts = [tr('rerun.situation', { setting, alphaT: num(s.alpha[s.t]), sigma: Number.isFinite(sigma) ? num(sigma) : '—', seed: values.seed })];
  if (!claim.uses.n) parts.push(tr('rerun.notUsed', { name: 'n' }));
  if (typeof claim.uses.eta === 'number') parts.push(tr('rerun.fixedEta', { eta: claim.uses.eta }));
  else if (!claim.uses.eta) parts.push(tr('rerun.notUsed', { name: 'η' }));
  if (claim.uses.schedule === 'cosine') parts.push(tr('rerun.cosineOnly'));
  return parts.join(' ');
}

/**
 * Show a re-run's result: caption, verdict (or why there is none), the per-side table and the
 * setting it ran at. Shared by the claim and the scheduler-claim re-runs.
 */
export function showResult(output: HTMLElement, tr: Lookup, claimId: string, result: ClaimResult, situation: () => string): void {
  const caption = el('p', tr('rerun.caption', { title: tr(`claimTitle.${claimId}` as never), id: claimId }), 'rerun-caption');
  if (!allFinite(result)) {
    output.replaceChildren(caption, el('p', tr('rerun.nonFinite'), 'rerun-verdict rerun-bad'));
    return;
  }
  const verdict = verdictLine(tr, result);
  const v = el('p', `${verdict.good ? '✓' : '✗'} ${verdict.text}`, `rerun-verdict ${verdict.good ? 'rerun-good' : 'rerun-bad'}`);
  v.dataset.verdict = verdict.good ? 'good' : 'bad';
  output.replaceChildren(caption, v, table(tr, rows(tr, result)), el('p', situation(), 'rerun-situation'));
  output.dataset.result = result.kind;
}

export async function mount(ctx: WidgetContext<RerunTable>): Promise<WidgetInstance<RerunTable>> {
  const { output, tr, setStatus } = ctx;
  ctx.root.querySelector('.rerun-placeholder')?.remove();
  return {
    update(values) {
      const claim = getClaim(values.claim);
      const meta: ClaimMeta = { needs: claim.needs ?? {}, uses: claim.uses };
      setStatus(tr('rerun.running'));
      const result = evaluateAt(claim, situationFor(values, meta), values.seed);
      showResult(output, tr, claim.id, result, () => situationText(tr, values, claim, meta));
      setStatus(tr('rerun.ready'));
    },
  };
}
