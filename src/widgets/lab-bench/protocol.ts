/** Messages between the bench widget and its worker (bench-worker.ts). */
import type { BenchPhaseName, BenchRow } from '../../lab/bench/workloads.ts';
import type { ThresholdResult } from '../../lab/bench/train-to-threshold.ts';
import type { BackendName } from '../../lab/backend-order.ts';

/** The phases of one bench run, in order (each tfjs workload, then its plain-TypeScript baseline). */
export const BENCH_PHASES: readonly BenchPhaseName[] = ['gmm', 'gmmBaseline', 'mlp', 'mlpBaseline', 'train', 'trainBaseline'];
export type BenchPhase = BenchPhaseName;

export type BenchRequest = { kind: 'run'; backend: BackendName; n: number; steps: number } | { kind: 'threshold'; backend: BackendName };

export type BenchReply =
  | { kind: 'progress'; phase: BenchPhase; backend: string }
  | { kind: 'thresholdProgress'; steps: number; slicedW2: number }
  | { kind: 'row'; row: BenchRow }
  | { kind: 'threshold'; result: ThresholdResult; backend: string }
  | { kind: 'failed'; message: string };
