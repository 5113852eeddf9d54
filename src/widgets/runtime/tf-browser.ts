/**
 * tfjs in the browser: core, gradients and the three backends, with wasm binaries served by this
 * site (Vite emits them as assets; without explicit paths tfjs would request them relative to the
 * page, get a 404 and silently fall back). Loaded only by widget modules, which are themselves
 * loaded only when a widget scrolls into view.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { backendOrder, isSoftwareRenderer, type BackendName } from '../../lab/backend-order.ts';

// Later reads of the query by tfjs (env().reset()) see nothing: no URL sets a tfjs flag. The first
// read, at import, was made safe by makeQuerySafeForTfjs (runtime/tfjs-query.ts) in the island.
tf.env().getQueryParams = () => ({});
tf.env().reset();

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

export { tf };

export interface BackendStatus {
  active: BackendName;
  /** WebGL renderer string, or null when WebGL is unavailable. */
  renderer: string | null;
  software: boolean;
  /** Backends that failed to initialise, in the order tried. */
  failed: BackendName[];
}

/** The unmasked WebGL renderer string, or null without WebGL. */
export function webglRenderer(): string | null {
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return renderer;
  } catch {
    return null;
  }
}

/** Switch to `name`; true only if tfjs really runs on it afterwards (setBackend can silently fall back). */
export async function trySetBackend(name: BackendName): Promise<boolean> {
  if (name === 'webgl' && webglLost) return false;
  try {
    const ok = await tf.setBackend(name);
    await tf.ready();
    const running = ok && tf.getBackend() === name;
    if (running && name === 'webgl') watchContextLoss();
    return running;
  } catch {
    return false;
  }
}

/** Set once the WebGL context tfjs uses is lost: WebGL is not offered again on this page. */
let webglLost = false;
export const isWebglLost = () => webglLost;

/**
 * After a WebGL context loss (driver reset, GPU process crash, too many contexts), tfjs's webgl
 * backend cannot run another op. Move to the next backend that starts and announce it with a
 * `tf-backend` event whose detail says why; every widget then runs again on it.
 */
function watchContextLoss(): void {
  if (tf.getBackend() !== 'webgl') return;
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } };
  const canvas = backend.gpgpu?.gl?.canvas;
  if (!canvas || watched.has(canvas)) return;
  watched.add(canvas);
  canvas.addEventListener('webglcontextlost', () => {
    webglLost = true;
    void (async () => {
      for (const name of ['wasm', 'cpu'] as const) {
        if (await trySetBackend(name)) break;
      }
      document.dispatchEvent(new CustomEvent('tf-backend', { detail: { reason: 'contextLost' } }));
    })();
  });
}
const watched = new WeakSet<object>();

let initialised: Promise<BackendStatus> | null = null;

/** Pick the fastest backend that starts, once per page. */
export function initBackend(): Promise<BackendStatus> {
  initialised ??= (async () => {
    const renderer = webglRenderer();
    const failed: BackendName[] = [];
    for (const name of backendOrder(renderer)) {
      if (await trySetBackend(name)) return { active: name, renderer, software: isSoftwareRenderer(renderer), failed };
      failed.push(name);
    }
    throw new Error(`no tfjs backend could start (tried ${failed.join(', ')})`);
  })();
  return initialised;
}
