/**
 * Which tfjs backend to try first.
 *
 * Measured on a 2-core machine without a GPU (N = 10,000 points, MLP sampler, 50 steps):
 * WebGL through SwiftShader 11.7 s, wasm SIMD 2.35 s, cpu 37 s. On a real GPU WebGL wins; on
 * software WebGL (SwiftShader, llvmpipe and friends) wasm is about 5x faster, so it goes first.
 */

export type BackendName = 'webgl' | 'wasm' | 'cpu';

export const BACKENDS: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render driver|mesa offscreen/i;

/** The name of the software rasteriser in a renderer string ("SwiftShader", "llvmpipe", …), or null. */
export function softwareRendererName(renderer: string | null | undefined): string | null {
  return renderer == null ? null : (SOFTWARE_RENDERERS.exec(renderer)?.[0] ?? null);
}

/** True when a WebGL renderer string names a software rasteriser. */
export function isSoftwareRenderer(renderer: string | null | undefined): boolean {
  return renderer != null && SOFTWARE_RENDERERS.test(renderer);
}

/**
 * The order to try backends in.
 * - `renderer === null`: no WebGL at all → wasm, cpu.
 * - software renderer → wasm, webgl, cpu.
 * - hardware renderer → webgl, wasm, cpu.
 */
export function backendOrder(renderer: string | null): BackendName[] {
  if (renderer === null) return ['wasm', 'cpu'];
  return isSoftwareRenderer(renderer) ? ['wasm', 'webgl', 'cpu'] : ['webgl', 'wasm', 'cpu'];
}
