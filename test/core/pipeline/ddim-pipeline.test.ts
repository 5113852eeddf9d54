/**
 * DDIMPipeline (src/core/pipeline) against diffusers' reference loops, and the behaviours of
 * pipeline_ddim.py that the chapter relies on: per-item generators, the generator-list check, the
 * timesteps the loop visits, the output transform, and that the loop's step is the scheduler's.
 */
import { describe, expect, it, vi } from 'vitest';
import { DDIMPipeline, PipelineCancelled } from '../../../src/core/pipeline/ddim-pipeline.ts';
import { randnTensor } from '../../../src/core/pipeline/randn-tensor.ts';
import { roundHalfEven } from '../../../src/core/pipeline/output.ts';
import { DDIMScheduler } from '../../../src/core/scheduler/ddim.ts';
import { DDPMScheduler } from '../../../src/core/scheduler/ddpm.ts';
import { tensor, type Tensor } from '../../../src/core/scheduler/tensor.ts';
import { mulberry32 } from '../../../src/core/rng.ts';
import { readGolden } from '../scheduler/golden.ts';
import { dummyModel, dummySampleDeter, goldenNoise, sumAbs } from '../scheduler/diffusers-inputs.ts';

const loops = readGolden('full_loop.json');
/** Summing 768 |x| in another order than torch changes the sum by at most 767·2⁻⁵³ relative (golden-step.test.ts). */
const SUM_REL = 1e-13;

/** A per-item model: x·0.1 + sin(t) (no interaction between batch items, as a real denoiser). */
const toyModel = (x: Tensor, t: number): Tensor => tensor(x.data.map((v) => Math.fround(v * 0.1 + Math.sin(t) * 0.01)) as Float32Array, x.shape);

describe('DDIMPipeline replays diffusers\' full loops (golden full_loop.json)', () => {
  for (const c of loops.cases) {
    for (const source of ['DDIMScheduler', 'DDPMScheduler'] as const) {
      it(`${c.name}, scheduler given as ${source}: the final sample is bit-identical and every step's sum |x| matches`, async () => {
        const k = c.scheduler_config;
        const config = { numTrainTimesteps: k.num_train_timesteps, betaStart: k.beta_start, betaEnd: k.beta_end, betaSchedule: k.beta_schedule, clipSample: k.clip_sample };
        const scheduler = source === 'DDPMScheduler' ? new DDPMScheduler({ ...config, varianceType: 'fixed_large' }) : new DDIMScheduler(config);
        const pipe = new DDIMPipeline({ denoiser: (x, t) => dummyModel(x, t), scheduler, sampleShape: [3, 8, 8], precision: 'float64' });
        const out = await pipe.call({
          batchSize: 4,
          eta: c.eta,
          numInferenceSteps: c.num_inference_steps,
          noise: { initial: dummySampleDeter('float64'), perStep: (i) => goldenNoise(i) },
          returnTrace: true,
          outputType: 'np',
        });
        expect(out.timesteps).toEqual(c.timesteps_stepped);
        out.trace!.forEach((step, i) => {
          expect(step.timestep).toBe(c.trajectory[i].timestep);
          const sum = sumAbs(step.prevSample);
          expect(Math.abs(sum - c.trajectory[i].sum_abs)).toBeLessThanOrEqual(SUM_REL * c.trajectory[i].sum_abs);
        });
        expect(Array.from(out.sample.data)).toEqual(c.final_sample);
        expect(out.imageShape).toEqual([4, 8, 8, 3]);
      });
    }
  }
});

describe('generators', () => {
  it('a per-item generator list gives each item exactly what running that item alone with its generator gives (η = 0.5, noise at every step)', async () => {
    const pipe = new DDIMPipeline({ denoiser: toyModel, scheduler: new DDIMScheduler({ clipSample: false }), sampleShape: [2] });
    const seeds = [11, 22, 33];
    const batch = await pipe.call({ batchSize: 3, generator: seeds.map(mulberry32), eta: 0.5, numInferenceSteps: 20, outputType: 'np' });
    for (const [b, seed] of seeds.entries()) {
      const alone = await pipe.call({ batchSize: 1, generator: [mulberry32(seed)], eta: 0.5, numInferenceSteps: 20, outputType: 'np' });
      expect(Array.from(batch.sample.data.subarray(2 * b, 2 * b + 2))).toEqual(Array.from(alone.sample.data));
    }
    // One shared generator draws the whole batch at once: item 1 then differs from seed 22 alone.
    const shared = await pipe.call({ batchSize: 3, generator: mulberry32(11), eta: 0.5, numInferenceSteps: 20, outputType: 'np' });
    expect(Array.from(shared.sample.data.subarray(0, 2))).not.toEqual(Array.from(batch.sample.data.subarray(2, 4)));
  });

  it('a list of one generator is that generator (randn_tensor)', () => {
    expect(Array.from(randnTensor([3, 2], [mulberry32(5)]).data)).toEqual(Array.from(randnTensor([3, 2], mulberry32(5)).data));
  });

  it('a generator list of the wrong length is refused before any draw, naming both lengths', async () => {
    const pipe = new DDIMPipeline({ denoiser: toyModel, scheduler: new DDIMScheduler() });
    const g = mulberry32(1);
    const before = g.next();
    const g2 = mulberry32(1);
    await expect(pipe.call({ batchSize: 3, generator: [g2, mulberry32(2)] })).rejects.toThrow(/list of generators of length 2, but requested an effective batch size of 3/);
    expect(g2.next()).toBe(before);
  });

  it('without a generator or explicit noise the call is refused, naming generator', async () => {
    const pipe = new DDIMPipeline({ denoiser: toyModel, scheduler: new DDIMScheduler() });
    await expect(pipe.call({ batchSize: 2 })).rejects.toThrow(/^generator must be/);
  });
});

describe('the loop', () => {
  it('calls the scheduler\'s own step() once per timestep, with the model output of that timestep', async () => {
    const pipe = new DDIMPipeline({ denoiser: toyModel, scheduler: new DDIMScheduler() });
    const spy = vi.spyOn(pipe.scheduler, 'step');
    const denoiser = vi.fn(toyModel);
    (pipe as { denoiser: typeof toyModel }).denoiser = denoiser;
    await pipe.call({ generator: mulberry32(0), numInferenceSteps: 7 });
    expect(spy).toHaveBeenCalledTimes(7);
    expect(spy.mock.calls.map((call) => call[1])).toEqual(pipe.scheduler.timesteps);
    expect(denoiser.mock.calls.map((call) => call[1])).toEqual(pipe.scheduler.timesteps);
    expect(spy.mock.calls[0][0]).toBe(denoiser.mock.results[0].value);
  });

  it('the notes\' comment "timestep=980, prev_timestep=960" holds for N = 50, leading spacing, steps_offset 0, and becomes 981 → 961 with steps_offset 1', async () => {
    const visit = async (config: object) => {
      const pipe = new DDIMPipeline({ denoiser: toyModel, scheduler: new DDPMScheduler(config) });
      const out = await pipe.call({ generator: mulberry32(0), numInferenceSteps: 50, returnTrace: true });
      return out.trace!.slice(0, 2).map((s) => [s.timestep, s.prevTimestep]);
    };
    expect(await visit({})).toEqual([[980, 960], [960, 940]]);
    expect(await visit({ stepsOffset: 1 })).toEqual([[981, 961], [961, 941]]);
    expect(await visit({ timestepSpacing: 'trailing' })).toEqual([[999, 979], [979, 959]]);
  });

  it('stops with PipelineCancelled when the signal turns aborted', async () => {
    const pipe = new DDIMPipeline({ denoiser: toyModel, scheduler: new DDIMScheduler() });
    const signal = { aborted: false };
    let steps = 0;
    const run = pipe.call({ generator: mulberry32(0), numInferenceSteps: 10, signal, onStep: () => { steps++; if (steps === 3) signal.aborted = true; } });
    await expect(run).rejects.toBeInstanceOf(PipelineCancelled);
    expect(steps).toBe(3);
  });
});

describe('output_type and the clamp', () => {
  it('(image / 2 + 0.5).clamp(0, 1): −1.4 and −1 give the same pixel, 1.6 and 1 too; "pil" is ×255 rounded', async () => {
    const values = [-1.4, -1, 0, 1, 1.6, 0.2];
    const initial = tensor(Float32Array.from(values), [3, 2]);
    // N = 1: one step from t = 0 to ᾱ_prev = 1 with a model that predicts x_0 = x (sample
    // prediction, no clipping), so the loop returns x itself.
    const pipe = new DDIMPipeline({ denoiser: (x) => x, scheduler: new DDIMScheduler({ predictionType: 'sample', clipSample: false }) });
    const np = await pipe.call({ batchSize: 3, numInferenceSteps: 1, noise: { initial }, outputType: 'np' });
    const pil = await pipe.call({ batchSize: 3, numInferenceSteps: 1, noise: { initial }, outputType: 'pil' });
    expect(np.imageShape).toEqual([3, 2]);
    const unit = Array.from(np.images);
    expect(unit[0]).toBe(0);
    expect(unit[1]).toBe(0);
    expect(unit[3]).toBe(1);
    expect(unit[4]).toBe(1);
    expect(Array.from(pil.images)).toEqual([0, 0, 128, 255, 255, 153]);
  });

  it('numpy rounds half to even, as numpy_to_pil does', () => {
    expect([0.5, 1.5, 2.5, 127.5, 128.5, 3.2, 3.7].map(roundHalfEven)).toEqual([0, 2, 2, 128, 128, 3, 4]);
  });

  it('refuses an output type it does not know, naming the choices', async () => {
    const pipe = new DDIMPipeline({ denoiser: toyModel, scheduler: new DDIMScheduler() });
    await expect(pipe.call({ generator: mulberry32(0), outputType: 'latent' as 'np' })).rejects.toThrow(/^outputType must be one of "pil", "np"; got "latent"/);
  });

  it.each([
    [{ batchSize: 0 }, /^batchSize must be an integer in \[1, 4096\]/],
    [{ eta: -1 }, /^eta must be a finite number ≥ 0/],
    [{ numInferenceSteps: 1001 }, /^numInferenceSteps must be an integer in \[1, 1000\]/],
    [{ eta: 5, numInferenceSteps: 50 }, /^eta must be in \[0, /],
  ])('refuses %o with a message naming the parameter and its range', async (bad, message) => {
    const pipe = new DDIMPipeline({ denoiser: toyModel, scheduler: new DDIMScheduler() });
    await expect(pipe.call({ generator: mulberry32(0), ...bad })).rejects.toThrow(message);
  });
});
