/** fast-check generators of valid scheduler configurations and steps. */
import fc from 'fast-check';
import type { DDPMSchedulerConfig } from '../../../src/core/scheduler/config.ts';
import { tensor, type Tensor } from '../../../src/core/scheduler/tensor.ts';

export const configArb = fc
  .record({
    numTrainTimesteps: fc.integer({ min: 2, max: 1000 }),
    betaSchedule: fc.constantFrom('linear', 'scaled_linear', 'squaredcos_cap_v2'),
    betaStart: fc.double({ min: 1e-5, max: 0.005, noNaN: true }),
    betaEnd: fc.double({ min: 0.005, max: 0.05, noNaN: true }),
    rescaleBetasZeroSnr: fc.boolean(),
    predictionType: fc.constantFrom('epsilon', 'sample', 'v_prediction'),
    timestepSpacing: fc.constantFrom('leading', 'trailing', 'linspace'),
    stepsOffset: fc.constantFrom(0, 1),
    setAlphaToOne: fc.boolean(),
    clipSample: fc.boolean(),
    clipSampleRange: fc.double({ min: 0.5, max: 3, noNaN: true }),
    thresholding: fc.boolean(),
    dynamicThresholdingRatio: fc.double({ min: 0.8, max: 1, noNaN: true }),
    sampleMaxValue: fc.double({ min: 0.5, max: 3, noNaN: true }),
    schedulePrecision: fc.constantFrom('float32', 'float64'),
  })
  .map((c) => c as DDPMSchedulerConfig & { numTrainTimesteps: number });

/** A batch of `b` items of `d` values in [−lim, lim], as the given array type. */
export function batchArb(b: number, d: number, float32: boolean, lim = 3): fc.Arbitrary<Tensor> {
  return fc.array(fc.double({ min: -lim, max: lim, noNaN: true }), { minLength: b * d, maxLength: b * d }).map((v) => tensor(float32 ? Float32Array.from(v) : Float64Array.from(v), [b, d]));
}

/** Everything one step needs: a config, N, the index of t in the schedule, three batches. */
export const stepCaseArb = configArb.chain((config) =>
  fc.record({
    config: fc.constant(config),
    numInferenceSteps: fc.integer({ min: 1, max: config.numTrainTimesteps }),
    index: fc.nat(),
    float32: fc.boolean(),
    etaFraction: fc.double({ min: 0, max: 0.999, noNaN: true }),
    batch: fc.integer({ min: 1, max: 3 }).chain((b) => fc.tuple(batchArb(b, 2, false), batchArb(b, 2, false), batchArb(b, 2, false))),
  }),
);

export function asType(t: Tensor, float32: boolean): Tensor {
  return tensor(float32 ? Float32Array.from(t.data) : Float64Array.from(t.data), t.shape);
}
