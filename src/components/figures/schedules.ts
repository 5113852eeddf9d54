/**
 * Data and Plot options for the schedule figures in "Notation and the forward process".
 * Everything is computed from src/core at build time.
 */
import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { BETA_SCHEDULES, betaSchedule, type BetaScheduleName } from '../../core/schedule/betas.ts';
import { alphasFromBetas, snr } from '../../core/schedule/alphas.ts';

export const T = 1000;

/** α_t (DDIM notation, α_0 = 1) for each schedule with diffusers' default β range. */
export function scheduleAlphas(): Record<BetaScheduleName, Float64Array> {
  return Object.fromEntries(
    BETA_SCHEDULES.map((name) => [name, alphasFromBetas(betaSchedule(name, { numTrainTimesteps: T, betaStart: name === 'scaled_linear' ? 0.00085 : 1e-4, betaEnd: name === 'scaled_linear' ? 0.012 : 0.02 }))]),
  ) as Record<BetaScheduleName, Float64Array>;
}

/** The β ranges used above, for the prose. */
export const SCHEDULE_RANGES: Record<BetaScheduleName, { betaStart?: number; betaEnd?: number }> = {
  linear: { betaStart: 1e-4, betaEnd: 0.02 },
  scaled_linear: { betaStart: 0.00085, betaEnd: 0.012 },
  squaredcos_cap_v2: {},
};

interface Row {
  schedule: string;
  t: number;
  alpha: number;
  log10snr: number;
}

function rows(labels: Record<BetaScheduleName, string>, every = 5): Row[] {
  const alphas = scheduleAlphas();
  return BETA_SCHEDULES.flatMap((name) => {
    const out: Row[] = [];
    for (let t = 0; t <= T; t += every) {
      const a = alphas[name][t];
      out.push({ schedule: labels[name], t, alpha: a, log10snr: Math.log10(snr(a)) });
    }
    return out;
  });
}

const COLOURS = ['var(--accent)', 'var(--accent-2)', 'var(--accent-3)'];

/** One line per schedule against t, coloured by schedule, with the shared styling of these figures. */
function scheduleLines(data: Row[], y: 'alpha' | 'log10snr', labels: Record<BetaScheduleName, string>, axis: { t: string; y: string }, yDomain?: [number, number]): PlotOptions {
  return {
    width: 640,
    height: 300,
    marginLeft: 48,
    marginTop: 30,
    style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
    x: { label: axis.t, domain: [0, T] },
    y: { label: axis.y, grid: true, ...(yDomain ? { domain: yDomain } : {}) },
    color: { legend: true, domain: BETA_SCHEDULES.map((n) => labels[n]), range: COLOURS },
    marks: [Plot.line(data, { x: 't', y, stroke: 'schedule', strokeWidth: 2 }), Plot.ruleY([0], { strokeOpacity: 0.4 })],
    ariaLabel: axis.y,
  };
}

export function alphaFigure(labels: Record<BetaScheduleName, string>, axis: { t: string; alpha: string }): PlotOptions {
  return scheduleLines(rows(labels), 'alpha', labels, { t: axis.t, y: axis.alpha }, [0, 1]);
}

export function snrFigure(labels: Record<BetaScheduleName, string>, axis: { t: string; snr: string }): PlotOptions {
  // SNR(0) is infinite: start at t = 1.
  return scheduleLines(rows(labels).filter((r) => r.t > 0), 'log10snr', labels, { t: axis.t, y: axis.snr });
}

/** A few rows of the same numbers, for the accessible data table under the figures. */
export function scheduleTable(ts: readonly number[] = [0, 1, 10, 100, 250, 500, 750, 900, 1000]) {
  const alphas = scheduleAlphas();
  return ts.map((t) => ({
    t,
    values: BETA_SCHEDULES.map((name) => ({ name, alpha: alphas[name][t], snr: snr(alphas[name][t]) })),
  }));
}
