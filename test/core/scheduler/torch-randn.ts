/**
 * A test-only imitation of `torch.randn(..., generator=torch.manual_seed(seed))` for float32 CPU
 * tensors, used to re-run diffusers' DDPM full-loop tests, whose noise comes from that generator.
 *
 * PyTorch 1.13 facts it follows: the CPU generator is a standard 32-bit MT19937
 * (ATen/core/MT19937RNGEngine.h); `normal_` on a contiguous float tensor of ≥ 16 elements first fills
 * it with uniforms (random() & (2²⁴ − 1))·2⁻²⁴ (ATen/core/TransformationHelper.h `uniform_real`),
 * then applies Box–Muller to each block of 16: u1 = 1 − d[j], u2 = d[j + 8], r = √(−2 log u1),
 * d[j] = r cos(2π u2), d[j + 8] = r sin(2π u2) (aten/src/ATen/native/cpu/DistributionTemplates.h,
 * `normal_fill_16`). torch's AVX2 build evaluates log/sin/cos with vector approximations that can
 * differ from Math.log/sin/cos in the last float32 bit; the diffusers assertions compare sums with
 * a tolerance of 1e-2, far above that.
 */

export class TorchCpuGenerator {
  private state = new Uint32Array(624);
  private index = 624;

  constructor(seed: number) {
    this.state[0] = seed >>> 0;
    for (let i = 1; i < 624; i++) {
      const prev = this.state[i - 1] ^ (this.state[i - 1] >>> 30);
      this.state[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
  }

  /** Next 32-bit output of MT19937. */
  random(): number {
    if (this.index >= 624) this.twist();
    let y = this.state[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  private twist(): void {
    const s = this.state;
    for (let i = 0; i < 624; i++) {
      const y = (s[i] & 0x80000000) | (s[(i + 1) % 624] & 0x7fffffff);
      s[i] = s[(i + 397) % 624] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    this.index = 0;
  }

  /** `torch.randn(n, dtype=torch.float32, generator=this)` for n a multiple of 16. */
  randn(n: number): Float32Array {
    if (n % 16 !== 0) throw new RangeError('only sizes that are multiples of 16 are imitated');
    const f = Math.fround;
    const d = new Float32Array(n);
    for (let i = 0; i < n; i++) d[i] = (this.random() & 0xffffff) * 2 ** -24;
    const twoPi = f(2 * Math.PI);
    for (let i = 0; i < n; i += 16) {
      for (let j = 0; j < 8; j++) {
        const u1 = f(1 - d[i + j]);
        const u2 = d[i + j + 8];
        const radius = f(Math.sqrt(f(-2 * f(Math.log(u1)))));
        const theta = f(twoPi * u2);
        d[i + j] = f(radius * f(Math.cos(theta)));
        d[i + j + 8] = f(radius * f(Math.sin(theta)));
      }
    }
    return d;
  }
}
