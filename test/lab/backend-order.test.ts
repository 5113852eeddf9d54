import { describe, expect, it } from 'vitest';
import { backendOrder, isSoftwareRenderer, softwareRendererName } from '../../src/lab/backend-order.ts';

describe('backendOrder()', () => {
  it('tries hardware WebGL first, then wasm, then cpu', () => {
    expect(backendOrder('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)')).toEqual(['webgl', 'wasm', 'cpu']);
    expect(backendOrder('Apple M2')).toEqual(['webgl', 'wasm', 'cpu']);
  });
  it('prefers wasm over software WebGL (SwiftShader, llvmpipe)', () => {
    const swiftshader = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
    expect(backendOrder(swiftshader)).toEqual(['wasm', 'webgl', 'cpu']);
    expect(backendOrder('llvmpipe (LLVM 15.0.6, 256 bits)')).toEqual(['wasm', 'webgl', 'cpu']);
    expect(softwareRendererName(swiftshader)).toBe('SwiftShader');
  });
  it('skips WebGL entirely when there is none', () => {
    expect(backendOrder(null)).toEqual(['wasm', 'cpu']);
    expect(isSoftwareRenderer(null)).toBe(false);
  });
});
