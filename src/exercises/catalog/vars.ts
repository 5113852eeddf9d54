/**
 * The variables formula answers use, named once so every exercise spells them the same way.
 * Readers may type the ASCII name or an alias (Greek letters included); feedback prints `symbol`.
 */
import type { FormulaVar } from '../types.ts';

const v = (name: string, symbol: string, ...aliases: string[]): FormulaVar => ({ name, symbol, aliases });

export const VAR = {
  aT: v('a_t', 'α_t', 'α_t', 'alpha_t', 'at'),
  aPrev: v('a_prev', 'α_{t−1}', 'α_prev', 'alpha_prev', 'a_tm1', 'α_tm1', 'aprev'),
  aNext: v('a_next', 'α_{t+1}', 'α_next', 'alpha_next', 'a_tp1', 'anext'),
  aTn: v('a_tn', 'α_{t−n}', 'α_tn', 'alpha_tn', 'a_t_n'),
  xt: v('x_t', 'x_t', 'xt'),
  x0: v('x0', 'x_0', 'x_0', 'x0_hat'),
  eps: v('eps', 'ε', 'ε', 'epsilon', 'z_t'),
  z: v('z', 'z', 'noise'),
  eta: v('eta', 'η', 'η'),
  sigma: v('sigma', 'σ_t', 'σ', 'σ_t', 'sigma_t'),
  v: v('v', 'v', 'v_pred'),
  mu: v('mu', 'μ', 'μ'),
  s: v('s', 's'),
  beta: v('beta', 'β_t', 'β', 'β_t', 'beta_t'),
  abar: v('abar', 'ᾱ_t', 'ᾱ', 'ᾱ_t', 'alpha_bar', 'alphabar', 'abar_t'),
} as const;
