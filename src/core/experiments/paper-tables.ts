/**
 * Numbers quoted from the DDIM paper (Song, Meng & Ermon, ICLR 2021), for comparison only:
 * they are the paper's CIFAR-10 results, not computed here.
 * - Table 1: FID of 50k CIFAR-10 samples for dim(τ) = S ∈ {10, 20, 50, 100, 1000} and
 *   η ∈ {0, 0.2, 0.5, 1} plus σ̂ (lower is better).
 * - Table 2: reconstruction error ‖x_0 − decode(encode(x_0))‖² per dimension on the CIFAR-10 test
 *   set, after DDIM encoding and decoding with S steps.
 */

export const PAPER_S = [10, 20, 50, 100, 1000] as const;
export const PAPER_ROWS = ['0', '0.2', '0.5', '1', 'sigmaHat'] as const;
export type PaperRow = (typeof PAPER_ROWS)[number];

export const PAPER_TABLE1_CIFAR10: Record<PaperRow, readonly number[]> = {
  '0': [13.36, 6.84, 4.67, 4.16, 4.04],
  '0.2': [14.04, 7.11, 4.77, 4.25, 4.09],
  '0.5': [16.66, 8.35, 5.25, 4.46, 4.29],
  '1': [41.07, 18.36, 8.01, 5.78, 4.73],
  sigmaHat: [367.43, 133.37, 32.72, 9.99, 3.17],
};

export const PAPER_TABLE2_S = [10, 20, 50, 100, 200, 500, 1000] as const;
export const PAPER_TABLE2_CIFAR10: readonly number[] = [0.014, 0.0065, 0.0023, 0.0009, 0.0004, 0.0001, 0.0001];
